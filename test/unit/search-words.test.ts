import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { documentsFromSources } from '../../src/lib/search/content-sources.ts';
import { LUNR_VERSION } from '../../src/lib/search/types.ts';
import { shardFile, shardKey, splitWords, STOP_WORDS } from '../../src/lib/search/words.ts';

/** lunr's own tokenizer and trimmer, empty tokens dropped: what the index is built from. */
const lunrWords = (text: string) =>
  lunr
    .tokenizer(text)
    .map((t) => lunr.trimmer(t).toString())
    .filter(Boolean);
const lunrStops = (word: string) => lunr.stopWordFilter(new lunr.Token(word, {})) === undefined;

// The whole site's text, as search indexes it.
const root = fileURLToPath(new URL('../../', import.meta.url));
const contentDir = join(root, 'content');
const files = readdirSync(contentDir, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(mdx|yaml|json)$/.test(f))
  .map((f) => ({ path: f.split('\\').join('/'), text: readFileSync(join(contentDir, f), 'utf8') }));
const site = documentsFromSources(files);
const texts = [...site.content, ...site.board].flatMap((d) => [
  d.title,
  ...(d.aliases ?? []),
  ...Object.values(d.fields),
  ...d.ids.flatMap((t) => [t.id, t.name]),
  d.snippet,
  d.text ?? '',
]);
const siteWords = new Set(texts.flatMap(lunrWords));

describe('the site’s text', () => {
  it('is large enough to say something', () => {
    expect(site.content.length).toBeGreaterThan(50);
    expect(site.board.length).toBeGreaterThan(0);
    expect(siteWords.size).toBeGreaterThan(3000);
  });
});

describe('STOP_WORDS', () => {
  it('is exactly lunr’s stop-word filter for every word of the site', () => {
    const disagree = [...siteWords].filter((w) => STOP_WORDS.has(w) !== lunrStops(w));
    expect(disagree).toEqual([]);
    expect([...siteWords].filter((w) => STOP_WORDS.has(w)).length).toBeGreaterThan(50);
  });

  it('holds only words lunr filters, and no words that only look like its lookup table', () => {
    expect([...STOP_WORDS].filter((w) => !lunrStops(w))).toEqual([]);
    for (const w of ['constructor', '__proto__', 'tostring', 'hasownproperty', 'least', 'privilege'])
      expect(STOP_WORDS.has(w), w).toBe(lunrStops(w));
  });
});

describe('splitWords', () => {
  it('reads every text of the site as lunr’s tokenizer and trimmer do', () => {
    const differ = texts.filter((t) => JSON.stringify(splitWords(t)) !== JSON.stringify(lunrWords(t)));
    expect(differ.slice(0, 3)).toEqual([]);
  });

  it('reads any string as lunr does', () => {
    const mixed = fc.constantFrom(
      ' ',
      '-',
      '\t',
      '\u00a0',
      '\u2028',
      '\ufeff',
      '.',
      "'",
      ':',
      'İ',
      'ß',
      'a',
      'Z',
      '9',
      '_',
      '🙂',
    );
    const text = fc.oneof(
      fc.string({ maxLength: 80, unit: 'binary' }),
      fc.string({ unit: mixed, maxLength: 40 }),
    );
    fc.assert(
      fc.property(text, (t) => {
        expect(splitWords(t)).toEqual(lunrWords(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps inner punctuation of IDs and splits at hyphens', () => {
    expect(splitWords('Tagged AML.T0020, LLM01:2026 and pre-deployment (GDPR’s).')).toEqual([
      'tagged',
      'aml.t0020',
      'llm01:2026',
      'and',
      'pre',
      'deployment',
      'gdpr’s',
    ]);
  });
});

describe('shard names', () => {
  it('take the first two characters of a word, counting an emoji as one', () => {
    expect(['poison', 'p', 'a🙂b', '🙂🙂🙂', 'é', 'ml02:2023'].map(shardKey)).toEqual([
      'po',
      'p',
      'a🙂',
      '🙂🙂',
      'é',
      'ml',
    ]);
  });

  it('give file names of plain letters, digits and underscores, a different one per key', () => {
    expect(['po', 'p', 'a1', 'a.', 'a🙂', 'é'].map(shardFile)).toEqual([
      'po',
      'p',
      'a1',
      '_0061002e',
      '_00611f642',
      '_00e9',
    ]);
    const keys = fc
      .string({ maxLength: 12, unit: 'binary' })
      .chain((t) => fc.constant(splitWords(t).map(shardKey)));
    fc.assert(
      fc.property(fc.array(keys, { maxLength: 6 }), (lists) => {
        const unique = [...new Set(lists.flat())];
        for (const key of unique) expect(shardFile(key)).toMatch(/^[a-z0-9_]+$/);
        expect(new Set(unique.map(shardFile)).size).toBe(unique.length);
      }),
      { numRuns: 1000 },
    );
    const siteKeys = [...new Set([...siteWords].map(shardKey))];
    expect(new Set(siteKeys.map(shardFile)).size).toBe(siteKeys.length);
    for (const key of siteKeys) expect(shardFile(key)).toMatch(/^[a-z0-9_]+$/);
  });
});

describe('the lunr release', () => {
  it('is the one the index format names, pinned exactly in package.json', () => {
    expect(LUNR_VERSION).toBe(lunr.version);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    expect(pkg.devDependencies['lunr']).toBe('2.3.9');
    expect(pkg.devDependencies['lunr']).toBe(LUNR_VERSION);
  });
});
