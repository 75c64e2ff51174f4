import fc from 'fast-check';
import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { buildSearch, type BuiltSearch } from '../../src/lib/search/build-index.ts';
import { DocStore } from '../../src/lib/search/doc-store.ts';
import { BOARD_FIELDS, CONTENT_FIELDS } from '../../src/lib/search/fields.ts';
import * as posting from '../../src/lib/search/posting-code.ts';
import { readManifest, SearchIndex } from '../../src/lib/search/search-index.ts';
import { readShard } from '../../src/lib/search/shard.ts';
import { withinEdits } from '../../src/lib/search/typo.ts';
import { DOC_TYPES, type DocType, type SearchDocument } from '../../src/lib/search/types.ts';

const doc = (type: DocType, title: string, fields: Record<string, string>): SearchDocument => ({
  type,
  title,
  url: `/${type}/${title.toLowerCase().replace(/\W+/g, '-')}/`,
  owner: null,
  snippet: `${title}.`,
  fields: { title, ...fields },
  ids: [],
});
const rows = (list: string[][]) =>
  list.map(([type, title, summary, body, headings = '']) =>
    type === 'board'
      ? doc('board', title!, { labels: summary!, body: body! })
      : doc(type as DocType, title!, { headings, summary: summary!, tags: type!, body: body! }),
  );
const content = rows([
  ['module', 'Data poisoning', 'Attackers poison training data.', 'Poison the data, poison the model.'],
  ['module', 'Model monitoring', 'Watch the model in production.', 'Drift in data and model output; alerts.'],
  ['module', 'Training data provenance', 'Where training data comes from.', 'Data cards, lineage.', 'Data'],
  ['practice', 'Access control for models', 'Least privilege.', 'Access to the model registry and data.'],
  ['checklist', 'Pre-deployment review', 'Before the model ships.', 'Review the training data and model.'],
  ['term', 'Drift', 'Inputs change.', 'Data drift: the data a model sees changes over time.'],
  ['term', 'Model card', '', 'A short document about a model, its training data and limits.'],
  ['module', 'Incident response', 'When things go wrong.', 'Contain, eradicate, recover; data breach.'],
]);
Object.assign(content[6]!, {
  aliases: ['System card'],
  fields: { ...content[6]!.fields, title: 'Model card ; System card' },
});
const board = rows([
  ['board', 'Training data poisoning in the feature store', 'high severity', 'Feature store data changed.'],
  ['board', 'Model registry access too broad', 'critical severity', 'Anyone can push a model.'],
  ['board', 'Drift alerts missing', 'unrated', 'No alerts when data drift happens in the model.'],
]);
const load = (b: BuiltSearch) => {
  const files = JSON.parse(JSON.stringify(b)) as BuiltSearch;
  const index = new SearchIndex(files.manifest);
  for (const { part, key, shard } of files.shards) index.add({ part, key }, shard);
  return index;
};
const built = buildSearch({ content, board });
const index = load(built);
const docs = [...content].sort((a, b) => DOC_TYPES.indexOf(a.type) - DOC_TYPES.indexOf(b.type)).concat(board);

// The reference: lunr's own pipeline and BM25 written out, field by field. (The corpus has no
// taxonomy IDs: their bonus is not BM25, search-query.test.ts tests it.)
const terms = (text: string, keepStop: boolean) =>
  lunr
    .tokenizer(text)
    .map((t) => lunr.trimmer(t))
    .filter((t) => t.toString() !== '' && (keepStop || lunr.stopWordFilter(t) !== undefined))
    .map((t) => lunr.stemmer(t).toString());
const fieldsOf = (d: SearchDocument) => Object.entries(d.type === 'board' ? BOARD_FIELDS : CONTENT_FIELDS);
const lists = docs.map((d) => fieldsOf(d).map(([name]) => terms(d.fields[name] ?? '', name === 'title')));
const weights = docs.map((d, i) => {
  const part = lists.filter((_, j) => (docs[j]!.type === 'board') === (d.type === 'board'));
  const w = new Map<string, number>();
  fieldsOf(d).forEach(([, { boost, b }], f) => {
    const list = lists[i]![f]!;
    const average = part.reduce((sum, fs) => sum + fs[f]!.length, 0) / part.length || 1;
    for (const term of new Set(list)) {
      const tf = list.filter((t) => t === term).length;
      const norm = 1.2 * (1 - b + (b * list.length) / average);
      w.set(term, (w.get(term) ?? 0) + (boost * tf * 2.2) / (tf + norm));
    }
  });
  return w;
});
const idf = (term: string) => {
  const df = weights.filter((w) => w.has(term)).length;
  return Math.log(1 + (docs.length - df + 0.5) / (df + 0.5));
};
/** All-words matches best first: tier, then BM25 with weights in quarter steps as stored, then ref. */
function reference(query: string) {
  const words = terms(query, false);
  const sum = (f: (t: string) => number) => words.reduce((s, t) => s + f(t), 0);
  return docs
    .flatMap((d, ref) => {
      const w = weights[ref]!;
      if (!words.every((t) => w.has(t))) return [];
      // Per word, the words (stop words aside) of the shortest title or alias holding it.
      const variants = [d.title, ...(d.aliases ?? [])].map(
        (v) => [terms(v, true), terms(v, false).length] as const,
      );
      const titled = words.map((t) =>
        Math.min(...variants.filter(([a]) => a.includes(t)).map(([, n]) => n || 1)),
      );
      const tier = titled.every((n) => n === words.length) ? 3 : titled.every((n) => n < Infinity) ? 2 : 1;
      const bm25 = sum((t) => idf(t) * w.get(t)!);
      const stored = sum((t) => (idf(t) * Math.max(1, Math.round(w.get(t)! * 4))) / 4);
      return [{ ref, tier, bm25, stored, slack: sum((t) => idf(t) * (w.get(t)! < 0.125 ? 0.25 : 0.125)) }];
    })
    .sort((a, b) => b.tier - a.tier || b.stored - a.stored || a.ref - b.ref);
}
const title = (ref: number) => docs[ref]!.title;

describe('the scorer, against a brute-force BM25 over lunr’s own tokens', () => {
  const queries = 'data |model |drift |alerts |training data |data model |model data access |model card ';
  it.each([...queries.split('|'), 'system card '])(
    'ranks the all-words matches for %j as the reference does, with scores within quantisation',
    (q) => {
      const expected = reference(q);
      const hits = index.search(q, { limit: 100 }).hits.filter((h) => h.tier > 0);
      expect(expected.length).toBeGreaterThan(0);
      expect(hits.map((h) => [title(h.ref), h.tier])).toEqual(expected.map((r) => [title(r.ref), r.tier]));
      hits.forEach((h, i) => {
        expect(h.score).toBeCloseTo(expected[i]!.stored, 9);
        expect(Math.abs(h.score - expected[i]!.bm25)).toBeLessThanOrEqual(expected[i]!.slack);
      });
    },
  );

  it('matches every document holding a word’s term, whichever part wrote which form of it', () => {
    // Content writes "poison" and "poisoning"; the board item only "poisoning".
    for (const q of ['poisoning ', 'poison ']) {
      const found = index.search(q, { limit: 100 }).hits.map((h) => title(h.ref));
      const expected = reference(q).map((r) => title(r.ref));
      expect(found.sort(), q).toEqual(expected.sort());
    }
  });

  it('returns exactly the best hits of an unlimited search when limited, with the same counts', () => {
    const name = (i: number) =>
      `${['Prompt injection', 'Data drift', 'Model theft'][i % 3]} in service ${i % 17}`;
    const many = Array.from({ length: 300 }, (_, i) =>
      doc('board', name(i), { labels: '', body: 'data '.repeat(i % 5) }),
    );
    const big = load(buildSearch({ content, board: many }));
    for (const q of ['data ', 'drift data ', 'servi', 'prompt model ']) {
      const all = big.search(q, { limit: 1000 });
      const top = big.search(q, { limit: 8 });
      expect(all.hits.length).toBeGreaterThan(8);
      expect(top.hits).toEqual(all.hits.slice(0, 8));
      expect([top.full, top.partial, top.byType]).toEqual([all.full, all.partial, all.byType]);
    }
  });
});

describe('reading the files', () => {
  const shard = built.shards.find((s) => s.part === 'content' && s.key === 'da')!.shard;

  it('refuses a shard of another version or with malformed fields, naming the file', () => {
    const bad: Array<[object, string]> = [
      [{ ...shard, version: 1 }, 'version'],
      [{ ...shard, words: [1] }, 'words'],
      [{ ...shard, wordTerms: shard.wordTerms.map(() => 99) }, 'wordTerms'],
      [{ ...shard, df: [] }, 'df'],
      [{ ...shard, codes: [] }, 'postings'],
      [{ ...shard, refs: shard.refs.map(() => [-1]) }, 'postings of term 0'],
    ];
    for (const [file, what] of bad)
      expect(() => readShard(file, 'da.json')).toThrow(`da.json: not a search shard of version 2 (${what})`);
    expect(() => index.add({ part: 'board', key: 'da' }, null)).toThrow(
      /^board shard da: not a search shard/,
    );
    const absolute = shard.refs[0]!.map((_, i, gaps) => gaps.slice(0, i + 1).reduce((a, b) => a + b));
    expect([...readShard(shard, 'da.json').postings[0]!.refs]).toEqual(absolute);
  });

  it('refuses a manifest of another format, another lunr or with malformed fields', () => {
    const m = built.manifest as unknown as Record<string, unknown>;
    const malformed = 'm.json: missing or malformed fields';
    expect(() => new SearchIndex({ ...m, version: 1 })).toThrow(
      'search manifest: format version 1, expected 2',
    );
    expect(() => readManifest({ ...m, lunr: '2.3.8' }, 'm.json')).toThrow(/^m\.json: made with lunr 2\.3\.8/);
    expect(() => readManifest(null, 'm.json')).toThrow(/^m\.json: format version/);
    for (const field of ['documents', 'typeStarts', 'shards', 'chunkSize', 'fragments', 'suggestions'])
      expect(() => readManifest({ ...m, [field]: undefined }, 'm.json'), field).toThrow(malformed);
    expect(() => readManifest({ ...m, chunkSize: 0 }, 'm.json')).toThrow(malformed);
    expect(readManifest(m)).toEqual(m);
  });

  it('keeps documents by ref, lists the chunks still missing and refuses what is not a chunk', () => {
    const store = new DocStore(2);
    const a = ['A', '/a/', null, 'a.'];
    store.add({ version: 2, start: 2, docs: [a, ['B', '/b/', 'security', 'b.']] }, 'c1');
    expect([store.get(2), store.get(3)?.[0], store.get(4)]).toEqual([a, 'B', undefined]);
    expect(store.missing([5, 0, 2, 3, 1])).toEqual([0, 2]);
    const chunk = (start: number, docs: unknown[], version = 2) => ({ version, start, docs });
    const bad = [chunk(0, [], 1), chunk(1, []), chunk(0, [['A', '/a/', 7, 'a.']]), chunk(0, [{}]), null];
    for (const file of bad)
      expect(() => store.add(file, '0.json')).toThrow('0.json: not a search chunk of version 2');
    expect([store.missing([0]), store.get(0)]).toEqual([[0], undefined]);
  });
});

describe('posting codes', () => {
  it('round-trip the weight in quarter steps, the title length capped at 31 and the tag flag', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 5000, noNaN: true }),
        fc.nat(99),
        fc.boolean(),
        (weight, length, tagged) => {
          const code = posting.encodePosting({ weight, titleLength: length, tagged });
          expect(code).toBe(Uint32Array.of(code)[0]);
          expect(posting.postingWeight(code)).toBe(Math.max(1, Math.round(weight * 4)) / 4);
          expect(posting.postingTitleLength(code)).toBe(Math.min(length, posting.MAX_TITLE_LENGTH));
          expect(posting.postingTagged(code)).toBe(tagged);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('withinEdits', () => {
  /** Optimal string alignment distance, the whole matrix. */
  const osa = (a: string, b: string) => {
    const d = [...Array(a.length + 1)].map((_, i) =>
      [...Array(b.length + 1)].map((_, j) => (i ? (j ? 0 : i) : j)),
    );
    for (let i = 1; i <= a.length; i++)
      for (let j = 1; j <= b.length; j++) {
        const [up, row] = [d[i - 1]!, d[i]!];
        row[j] = Math.min(up[j]! + 1, row[j - 1]! + 1, up[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
      }
    return d[a.length]![b.length]!;
  };

  it('counts a transposition as one edit and gives null beyond the maximum', () => {
    expect(withinEdits('embedidng', 'embedding', 1)).toBe(1);
    expect(withinEdits('posioning', 'poisoning', 1)).toBe(1);
    expect(withinEdits('drift', 'drift', 0)).toBe(0);
    expect(withinEdits('poison', 'poisoning', 2)).toBeNull();
    expect(withinEdits('poison', 'poisoning', 3)).toBe(3);
    expect(withinEdits('ca', 'abc', 2)).toBeNull();
  });

  it('agrees with the full-matrix distance, and is the same both ways round', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 9 });
    fc.assert(
      fc.property(word, word, fc.nat(4), (a, b, max) => {
        const d = osa(a, b);
        expect(withinEdits(a, b, max)).toBe(d <= max ? d : null);
        expect(withinEdits(b, a, max)).toBe(withinEdits(a, b, max));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('buildSearch', () => {
  it('names the document that lacks a field, and keeps board items out of the content part', () => {
    const bad = {
      ...content[0]!,
      url: '/learn/bad/',
      fields: { title: 'Bad', summary: '', tags: '', body: '' },
    };
    const message = 'search document "/learn/bad/" lacks the field "headings"';
    expect(() => buildSearch({ content: [bad], board: [] })).toThrow(message);
    const noLabels = { ...board[0]!, url: '/b/', fields: { title: 'B', body: '' } };
    expect(() => buildSearch({ content: [], board: [noLabels] })).toThrow('"/b/" lacks the field "labels"');
    expect(() => buildSearch({ content: [board[0]!], board: [] })).toThrow(
      /board items belong in the board part/,
    );
  });

  it('sorts content by type, puts board items after it, and writes chunks, fragments and suggestions by ref', () => {
    const at = (i: number) => content[i]!;
    const input = [at(5), at(0), at(4), { ...at(3), text: 'Full text.' }, at(1)];
    const suggest = [at(3).url, '/nowhere/', board[1]!.url];
    const { manifest, chunks, fragments } = buildSearch({ content: input, board: [board[1]!], suggest }, 2);
    const titles = chunks.flatMap((c) => c.docs.map((d) => d[0]));
    expect(titles).toEqual([...[0, 1, 4, 3, 5].map((i) => at(i).title), board[1]!.title]);
    expect(chunks.map((c) => `${c.start}+${c.docs.length}`)).toEqual(['0+2', '2+2', '4+2']);
    expect(manifest).toMatchObject({ documents: 6, typeStarts: [0, 2, 3, 4, 5, 6], fragments: 5 });
    expect(manifest.suggestions).toEqual([3, 5]);
    expect(fragments.map((f) => [f.ref, f.fragment.text])).toEqual(
      titles.slice(0, 5).map((t, ref) => [ref, ref === 3 ? 'Full text.' : `${t}.`]),
    );
  });

  it('lists the shards of each part and shares document frequencies across parts', () => {
    expect(built.manifest.shards.board).toEqual(
      built.shards.filter((s) => s.part === 'board').map((s) => s.key),
    );
    const df = (part: string) => {
      const s = built.shards.find((x) => x.part === part && x.key === 'da')!.shard;
      return s.df[s.terms.indexOf('data')];
    };
    expect(df('content')).toBe(weights.filter((w) => w.has('data')).length);
    expect(df('board')).toBe(df('content'));
  });
});
