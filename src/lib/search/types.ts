/**
 * The shapes search passes around: documents as they are indexed, documents as the browser
 * stores them, and the serialised index file the build writes and the browser loads.
 */
import type { Owner } from '../../schemas/owner.ts';
import type { CompactIndex } from './compact-index.ts';

/** The kinds of page search covers, in the order result groups are shown. */
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

/** One page or board item, as extracted for indexing. Field names are the index's fields. */
export interface SearchDocument {
  type: DocType;
  title: string;
  url: string;
  owner: Owner | null;
  /** Short text shown under the result (summary, definition or excerpt); highlighted. */
  snippet: string;
  /** Searchable text by field; every field of the index's field spec should be present. */
  fields: Record<string, string>;
}

/** What the browser keeps per result: [type, title, url, owner, snippet]. A tuple keeps the file small. */
export type StoredDoc = [type: DocType, title: string, url: string, owner: Owner | null, snippet: string];

/** The file served at /search/<name>.json. Document refs in the index are positions in `docs`. */
export interface SearchIndexFile {
  /** Bumped whenever the shape changes, so a stale cached file is refused, not misread. */
  version: typeof SEARCH_INDEX_VERSION;
  docs: StoredDoc[];
  /** Refs of documents to suggest for an empty query. */
  suggestions: number[];
  /** `lunr.Index.toJSON()`, compactly encoded. */
  index: CompactIndex;
}

export const SEARCH_INDEX_VERSION = 1;
