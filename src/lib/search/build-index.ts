/**
 * Builds a lunr index and its document store at build time. lunr's default pipeline stays
 * (trimmer, stop words, Porter stemmer); no metadata is whitelisted, so the index holds no
 * term positions (the benchmark measures what positions would cost).
 */
import lunr from 'lunr';
import { compactIndex } from './compact-index.ts';
import { SEARCH_INDEX_VERSION, type SearchDocument, type SearchIndexFile, type StoredDoc } from './types.ts';

/** Field boosts: title over headings over body, with summary and tags in between. */
export const CONTENT_FIELDS = { title: 10, headings: 5, summary: 3, tags: 2, body: 1 } as const;
/** Board items carry less text: title, labels and taxonomy names, a short excerpt. */
export const BOARD_FIELDS = { title: 10, labels: 3, body: 1 } as const;

export type FieldBoosts = Readonly<Record<string, number>>;

/** What `lunr(config)` does, keeping the builder: the compact encoding needs its term frequencies. */
export function buildLunr(
  docs: readonly SearchDocument[],
  fields: FieldBoosts,
  metadata: string[] = [],
): lunr.Builder {
  const builder = new lunr.Builder();
  builder.pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
  builder.searchPipeline.add(lunr.stemmer);
  builder.ref('ref');
  builder.metadataWhitelist = metadata;
  for (const [name, boost] of Object.entries(fields)) builder.field(name, { boost });
  docs.forEach((doc, ref) => {
    const missing = Object.keys(fields).filter((f) => typeof doc.fields[f] !== 'string');
    if (missing.length) throw new Error(`search document "${doc.url}" lacks field(s) ${missing.join(', ')}`);
    builder.add({ ...doc.fields, ref: String(ref) });
  });
  builder.build();
  return builder;
}

/** The file the browser loads: refs are positions in `docs`; `suggest` lists URLs to suggest, in order. */
export function buildSearchIndex(
  docs: readonly SearchDocument[],
  fields: FieldBoosts,
  suggest: readonly string[] = [],
): SearchIndexFile {
  const stored = docs.map((d): StoredDoc => [d.type, d.title, d.url, d.owner, d.snippet]);
  const suggestions = suggest.map((url) => docs.findIndex((d) => d.url === url)).filter((ref) => ref >= 0);
  return {
    version: SEARCH_INDEX_VERSION,
    docs: stored,
    suggestions,
    index: compactIndex(buildLunr(docs, fields)),
  };
}
