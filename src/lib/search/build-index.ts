/**
 * Builds every search file at build time (types.ts describes them) from the documents of
 * both parts. Scoring is BM25 per field, summed with the field boosts; idf counts documents
 * of both parts, so a board item and a module score on the same scale and the browser can
 * rank whichever part has arrived. Stop words are indexed in titles only.
 */
import { DEFAULT_CHUNK_SIZE, type FieldSpec, partFields } from './fields.ts';
import { encodePosting } from './posting-code.ts';
import { type Token, tokenizer } from './tokens.ts';
import {
  DOC_TYPES,
  LUNR_VERSION,
  PARTS,
  SEARCH_FORMAT_VERSION,
  type Part,
  type SearchChunk,
  type SearchDocument,
  type SearchFragment,
  type SearchManifest,
  type SearchShard,
} from './types.ts';
import { shardKey } from './words.ts';

export interface SearchInput {
  content: readonly SearchDocument[];
  board: readonly SearchDocument[];
  /** URLs to suggest for an empty query, in order. */
  suggest?: readonly string[];
}

export interface BuiltSearch {
  manifest: SearchManifest;
  shards: Array<{ part: Part; key: string; shard: SearchShard }>;
  chunks: SearchChunk[];
  fragments: Array<{ ref: number; fragment: SearchFragment }>;
}

const K1 = 1.2;

interface Entry {
  weight: number;
  titleLength: number;
  tagged: boolean;
}

export function buildSearch(input: SearchInput, chunkSize = DEFAULT_CHUNK_SIZE): BuiltSearch {
  const order = (d: SearchDocument) => DOC_TYPES.indexOf(d.type);
  const content = [...input.content].sort((a, b) => order(a) - order(b));
  if (content.some((d) => d.type === 'board') || input.board.some((d) => d.type !== 'board'))
    throw new Error('search: board items belong in the board part, pages in the content part');
  const docs = [...content, ...input.board];
  const tokenize = tokenizer();
  const postings = new Map<string, Map<number, Entry>>();
  const vocabulary: Record<Part, Map<string, string>> = { content: new Map(), board: new Map() };

  for (const part of PARTS) {
    const [from, to] = part === 'content' ? [0, content.length] : [content.length, docs.length];
    const fields = partFields(part);
    const tokens = docs.slice(from, to).map((doc) => tokensOf(doc, fields, tokenize));
    const average = averages(tokens, fields);
    tokens.forEach((byField, i) => {
      const ref = from + i;
      const doc = docs[ref]!;
      const entries = new Map<string, Entry>();
      const entry = (term: string) => {
        let e = entries.get(term);
        if (!e) entries.set(term, (e = { weight: 0, titleLength: 0, tagged: false }));
        return e;
      };
      for (const [name, spec] of Object.entries(fields)) {
        const list = byField.get(name)!;
        const counts = new Map<string, number>();
        for (const t of list) {
          counts.set(t.term, (counts.get(t.term) ?? 0) + 1);
          vocabulary[part].set(t.word, t.term);
        }
        const norm = K1 * (1 - spec.b + (spec.b * list.length) / (average.get(name) || 1));
        for (const [term, tf] of counts) entry(term).weight += (spec.boost * tf * (K1 + 1)) / (tf + norm);
      }
      for (const [term, length] of titleLengths(doc, tokenize)) entry(term).titleLength = length;
      // An ID that is one word (`aml.t0020`, `gdpr`) marks the document as tagged with it
      // (`EU-AI-Act` would mark "ai"); the more the page is about the ID's name, the more it counts.
      for (const { id, name } of doc.ids) {
        const [only, ...more] = tokenize(id);
        if (!only || more.length) continue;
        const e = entry(only.term);
        e.tagged = true;
        e.weight += fields['ids']!.boost * aboutness(name, byField, tokenize);
      }
      for (const [term, e] of entries) {
        let list = postings.get(term);
        if (!list) postings.set(term, (list = new Map()));
        list.set(ref, e);
      }
    });
  }

  const shards = PARTS.flatMap((part) => shardsOf(part, vocabulary[part], postings, content.length));
  const chunks: SearchChunk[] = [];
  for (let start = 0; start < docs.length; start += chunkSize) {
    const slice = docs.slice(start, start + chunkSize);
    chunks.push({
      version: SEARCH_FORMAT_VERSION,
      start,
      docs: slice.map((d) => [d.title, d.url, d.owner, d.snippet]),
    });
  }
  const typeStarts = DOC_TYPES.map((type) => {
    const at = docs.findIndex((d) => order(d) >= DOC_TYPES.indexOf(type));
    return at < 0 ? docs.length : at;
  });
  return {
    manifest: {
      version: SEARCH_FORMAT_VERSION,
      lunr: LUNR_VERSION,
      documents: docs.length,
      typeStarts: [...typeStarts, docs.length],
      shards: {
        content: shards.filter((s) => s.part === 'content').map((s) => s.key),
        board: shards.filter((s) => s.part === 'board').map((s) => s.key),
      },
      chunkSize,
      fragments: content.length,
      suggestions: (input.suggest ?? [])
        .map((url) => docs.findIndex((d) => d.url === url))
        .filter((r) => r >= 0),
    },
    shards,
    chunks,
    fragments: content.map((d, ref) => ({
      ref,
      fragment: { version: SEARCH_FORMAT_VERSION, text: d.text ?? d.snippet },
    })),
  };
}

/** Tokens per field; stop words only in the title. */
function tokensOf(
  doc: SearchDocument,
  fields: Readonly<Record<string, FieldSpec>>,
  tokenize: (text: string) => Token[],
): Map<string, Token[]> {
  const out = new Map<string, Token[]>();
  for (const name of Object.keys(fields)) {
    if (name !== 'ids' && typeof doc.fields[name] !== 'string')
      throw new Error(`search document "${doc.url}" lacks the field "${name}"`);
    const tokens = name === 'ids' ? doc.ids.flatMap((t) => tokenize(t.id)) : tokenize(doc.fields[name]!);
    out.set(name, name === 'title' ? tokens : tokens.filter((t) => !t.stop));
  }
  return out;
}

function averages(tokens: ReadonlyArray<Map<string, Token[]>>, fields: Readonly<Record<string, FieldSpec>>) {
  const sums = new Map<string, number>();
  for (const byField of tokens)
    for (const name of Object.keys(fields)) sums.set(name, (sums.get(name) ?? 0) + byField.get(name)!.length);
  return new Map([...sums].map(([name, sum]) => [name, sum / Math.max(1, tokens.length)]));
}

/**
 * How much a document is about a taxonomy entry's name ("Poison Training Data"), 0 to 2: per
 * word of the name, 2 in the title, 1 in the headings or summary, ½ in the body.
 */
function aboutness(name: string, byField: Map<string, Token[]>, tokenize: (text: string) => Token[]): number {
  const terms = (field: string) => new Set((byField.get(field) ?? []).map((t) => t.term));
  const title = terms('title');
  const near = new Set([...terms('headings'), ...terms('summary')]);
  const body = terms('body');
  const words = tokenize(name).filter((t) => !t.stop);
  const sum = words.reduce(
    (total, t) => total + (title.has(t.term) ? 2 : near.has(t.term) ? 1 : body.has(t.term) ? 0.5 : 0),
    0,
  );
  return words.length ? sum / words.length : 0;
}

/** Per title term: the length (in words that are not stop words) of the shortest title or alias holding it. */
function titleLengths(doc: SearchDocument, tokenize: (text: string) => Token[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const variant of [doc.title, ...(doc.aliases ?? [])]) {
    const tokens = tokenize(variant);
    const length = Math.max(1, tokens.filter((t) => !t.stop).length);
    for (const t of tokens) out.set(t.term, Math.min(out.get(t.term) ?? Infinity, length));
  }
  return out;
}

function shardsOf(
  part: Part,
  vocabulary: Map<string, string>,
  postings: Map<string, Map<number, Entry>>,
  contentCount: number,
): Array<{ part: Part; key: string; shard: SearchShard }> {
  const inPart = (ref: number) => (part === 'content' ? ref < contentCount : ref >= contentCount);
  const byKey = new Map<string, string[]>();
  for (const word of [...vocabulary.keys()].sort()) {
    const key = shardKey(word);
    const list = byKey.get(key);
    if (list) list.push(word);
    else byKey.set(key, [word]);
  }
  return [...byKey].map(([key, words]) => {
    const terms = [...new Set(words.map((w) => vocabulary.get(w)!))].sort();
    const termIndex = new Map(terms.map((t, i) => [t, i]));
    const refs: number[][] = [];
    const codes: number[][] = [];
    for (const term of terms) {
      const list = [...postings.get(term)!].filter(([ref]) => inPart(ref)).sort(([a], [b]) => a - b);
      refs.push(list.map(([ref], i) => ref - (i ? list[i - 1]![0] : 0)));
      codes.push(list.map(([, e]) => encodePosting(e)));
    }
    return {
      part,
      key,
      shard: {
        version: SEARCH_FORMAT_VERSION,
        words,
        wordTerms: words.map((w) => termIndex.get(vocabulary.get(w)!)!),
        terms,
        df: terms.map((t) => postings.get(t)!.size),
        refs,
        codes,
      },
    };
  });
}
