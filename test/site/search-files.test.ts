/**
 * The search files of the built site: the manifest lists exactly the shards that exist, every
 * file reads back with the browser's own readers, every document has a chunk and every
 * content page a text fragment, and the search code the browser loads carries no lunr.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { DocStore } from '../../src/lib/search/doc-store.ts';
import { readManifest, SearchIndex } from '../../src/lib/search/search-index.ts';
import { PARTS, SEARCH_FORMAT_VERSION } from '../../src/lib/search/types.ts';
import { shardFile } from '../../src/lib/search/words.ts';

const distDir = inject('distDir');
const read = (path: string): unknown => JSON.parse(readFileSync(join(distDir, 'search', path), 'utf8'));
const manifest = readManifest(read('manifest.json'));

describe('the built search files', () => {
  it('has exactly the shards the manifest lists, each readable as the browser reads it', () => {
    const index = new SearchIndex(manifest);
    for (const part of PARTS) {
      const files = readdirSync(join(distDir, 'search', part)).sort();
      expect(files).toEqual(manifest.shards[part].map((key) => `${shardFile(key)}.json`).sort());
      for (const key of manifest.shards[part])
        index.add({ part, key }, read(`${part}/${shardFile(key)}.json`));
    }
    const result = index.search('poisoning');
    expect(result.pending).toEqual([]);
    expect(result.full).toBeGreaterThan(0);
  });

  it('has a chunk for every document and a text fragment for every content page', () => {
    const store = new DocStore(manifest.chunkSize);
    const chunks = readdirSync(join(distDir, 'search', 'docs'));
    expect(chunks).toHaveLength(Math.ceil(manifest.documents / manifest.chunkSize));
    chunks.forEach((file) => store.add(read(`docs/${file}`), file));
    for (let ref = 0; ref < manifest.documents; ref++) expect(store.get(ref), `ref ${ref}`).toBeDefined();
    expect(store.get(manifest.suggestions[0]!)![1]).toMatch(/^\/learn\//);
    const texts = readdirSync(join(distDir, 'search', 'text'));
    expect(texts).toHaveLength(manifest.fragments);
    for (const file of texts) {
      const fragment = read(`text/${file}`) as { version: number; text: string };
      expect(fragment.version).toBe(SEARCH_FORMAT_VERSION);
      expect(fragment.text.length).toBeGreaterThan(0);
    }
  });

  it('ships search code without lunr: the browser only reads the files', () => {
    const chunk = readdirSync(join(distDir, '_astro')).find((f) => f.startsWith('search-ui.'))!;
    const code = readFileSync(join(distDir, '_astro', chunk), 'utf8');
    expect(code).not.toMatch(/lunr\.(Index|Builder|stemmer)|porterStemmer|TokenSet/);
    expect(code.length).toBeLessThan(40_000);
  });
});
