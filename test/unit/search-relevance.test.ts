/**
 * Relevance suite in Node: the cases of test/e2e/search-cases.ts over the real content and
 * board snapshot, indexed with the site's own extractors and builder and queried through the
 * files as the browser receives them. A miss prints the top five, so a content change that
 * breaks search is easy to see. The same cases run on /search/ in Chromium.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSearch } from '../../src/lib/search/build-index.ts';
import { documentsFromSources } from '../../src/lib/search/content-sources.ts';
import { DocStore } from '../../src/lib/search/doc-store.ts';
import { excerpt } from '../../src/lib/search/excerpt.ts';
import { matchRanges } from '../../src/lib/search/highlight.ts';
import { SearchIndex } from '../../src/lib/search/search-index.ts';
import { CASES, type Expected } from '../e2e/search-cases.ts';

const contentDir = fileURLToPath(new URL('../../content/', import.meta.url));
const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

let index: SearchIndex;
let docs: DocStore;
let texts: Map<number, string>;

beforeAll(() => {
  const files = readdirSync(contentDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(mdx|yaml|json)$/.test(f))
    .map((f) => ({ path: f.split('\\').join('/'), text: readFileSync(join(contentDir, f), 'utf8') }));
  const built = buildSearch(documentsFromSources(files));
  index = new SearchIndex(json(built.manifest));
  for (const s of built.shards) index.add(s, json(s.shard));
  docs = new DocStore(built.manifest.chunkSize);
  built.chunks.forEach((chunk, n) => docs.add(json(chunk), `chunk ${n}`));
  texts = new Map(built.fragments.map((f) => [f.ref, f.fragment.text]));
}, 60_000);

const matches = (url: string, title: string, e: string | RegExp) =>
  typeof e === 'string' ? url === e : e.test(title);
const options = (e: Expected) => (typeof e === 'object' && 'anyOf' in e ? e.anyOf : [e]);

describe('search relevance over the real content', () => {
  it('has at least 60 queries of every kind', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CASES.map((c) => c.kind)).size).toBe(9);
  });

  it.each(CASES.map((c) => [c.query, c] as const))(
    'finds the expected pages for %j in the top three',
    (_, c) => {
      const result = index.search(c.query, { limit: 5 });
      const hits = result.hits.map((h) => ({ ...h, doc: docs.get(h.ref)! }));
      const shown = hits
        .map((h) => `t${h.tier} ${h.score.toFixed(1)} ${h.type} ${h.doc[1]} ${h.doc[0]}`)
        .join('\n');
      const top = hits.slice(0, 3);
      for (const e of c.expect) {
        expect(
          top.some((h) => options(e).some((o) => matches(h.doc[1], h.doc[0], o))),
          `expected ${String(options(e))} in the top 3 for "${c.query}", got:\n${shown}`,
        ).toBe(true);
      }
      if (c.snippet) {
        const first = top.find((h) => options(c.expect[0]!).some((o) => matches(h.doc[1], h.doc[0], o)))!;
        const forms = new Set(index.forms(c.query));
        const cut = excerpt(texts.get(first.ref) ?? first.doc[3], forms) ?? '';
        const marked = matchRanges(cut, forms).map(([s, e]) => cut.slice(s, e).toLowerCase());
        expect(marked, `snippet "${cut}"`).toEqual(expect.arrayContaining(c.snippet));
      }
    },
  );
});
