/**
 * The shapes search passes around: documents as they are indexed, and the files the build
 * writes under /search/ for the browser (see index-urls.ts for where each one lives):
 *
 * - one manifest: versions, document counts, which shards exist, suggestions;
 * - term shards per part (content, board): every indexed word of the part that starts with
 *   the shard's two letters, its term (lunr's stem), and the term's postings with
 *   precomputed weights. A query fetches only the shards of its words;
 * - document chunks: title, URL, owner and summary of a run of documents, fetched for the
 *   results shown;
 * - text fragments: the plain text of one content page, fetched for the results whose
 *   snippet is shown, to cut a snippet around the words searched for.
 */
import type { Owner } from '../../schemas/owner.ts';

/** The kinds of page search covers, in the order of their facets. */
export const DOC_TYPES = ['module', 'checklist', 'practice', 'term', 'board'] as const;
export type DocType = (typeof DOC_TYPES)[number];

/** Names for people, singular and plural. */
export const DOC_TYPE_LABELS: Record<DocType, { one: string; many: string }> = {
  module: { one: 'Module', many: 'Modules' },
  checklist: { one: 'Checklist', many: 'Checklists' },
  practice: { one: 'Practice', many: 'Practices' },
  term: { one: 'Glossary', many: 'Glossary' },
  board: { one: 'Board item', many: 'Board items' },
};

/** Content pages and board items are indexed as two parts, so the guidance can answer first. */
export const PARTS = ['content', 'board'] as const;
export type Part = (typeof PARTS)[number];

/** One page or board item, as extracted for indexing. */
export interface SearchDocument {
  type: DocType;
  title: string;
  /** Other names that count as the title (a glossary term's aliases). */
  aliases?: readonly string[];
  url: string;
  owner: Owner | null;
  /** Short text shown under the result until a snippet around the match is cut. */
  snippet: string;
  /** Searchable text by field (the part's field spec names them); `title` is the title and aliases. */
  fields: Record<string, string>;
  /** Taxonomy IDs the document is tagged with (`AML.T0020`) and their names; a query for one ranks it first. */
  ids: ReadonlyArray<{ id: string; name: string }>;
  /** Plain text a snippet may be cut from (content pages; board items use their snippet). */
  text?: string;
}

/** What the browser keeps per result: [title, url, owner, snippet]. A tuple keeps chunks small. */
export type StoredDoc = [title: string, url: string, owner: Owner | null, snippet: string];

/** Format of every file under /search/; a file of another version is refused, not misread. */
export const SEARCH_FORMAT_VERSION = 2;
/** The lunr release whose tokenizer and stemmer made the index; the query side reads its output. */
export const LUNR_VERSION = '2.3.9';

export interface SearchManifest {
  version: typeof SEARCH_FORMAT_VERSION;
  lunr: typeof LUNR_VERSION;
  /** Documents in all; refs are 0…documents-1, grouped by type in DOC_TYPES order. */
  documents: number;
  /** First ref of each type, in DOC_TYPES order, then `documents`. */
  typeStarts: number[];
  /** Shard keys that exist, per part. */
  shards: Record<Part, string[]>;
  /** Documents per chunk file. */
  chunkSize: number;
  /** Refs below this have a text fragment. */
  fragments: number;
  /** Refs suggested for an empty query. */
  suggestions: number[];
}

export interface SearchShard {
  version: typeof SEARCH_FORMAT_VERSION;
  /** Indexed words (as typed, lower case), sorted; `wordTerms[i]` is the term of `words[i]`. */
  words: string[];
  wordTerms: number[];
  terms: string[];
  /** Documents holding each term, across both parts: the idf is the same in every file. */
  df: number[];
  /** Per term: document refs as gaps from the previous ref (the first from 0). */
  refs: number[][];
  /** Per term and ref: weight·64 + title length·2 + tagged, see posting-code.ts. */
  codes: number[][];
}

export interface SearchChunk {
  version: typeof SEARCH_FORMAT_VERSION;
  /** Ref of docs[0]. */
  start: number;
  docs: StoredDoc[];
}

export interface SearchFragment {
  version: typeof SEARCH_FORMAT_VERSION;
  text: string;
}
