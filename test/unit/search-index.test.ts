import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { boardDocument } from '../../src/lib/search/board-documents.ts';
import {
  BOARD_FIELDS,
  buildLunr,
  buildSearchIndex,
  CONTENT_FIELDS,
} from '../../src/lib/search/build-index.ts';
import { compactIndex, expandIndex } from '../../src/lib/search/compact-index.ts';
import { loadSearchIndex } from '../../src/lib/search/load-index.ts';
import type { SearchDocument } from '../../src/lib/search/types.ts';

const doc = (
  title: string,
  fields: Partial<Record<keyof typeof CONTENT_FIELDS, string>>,
  url = `/x/${title}/`,
): SearchDocument => ({
  type: 'module',
  title,
  url,
  owner: 'shared',
  snippet: '',
  fields: { title, headings: '', summary: '', tags: '', body: '', ...fields },
});

const docs = [
  doc('Data poisoning', {
    body: 'Attackers poison training data; poisoned samples plant backdoors. Poisoning is cheap.',
  }),
  doc('Drift', {
    headings: 'Concept drift ; Data drift',
    body: 'Monitor the model for drift in production.',
  }),
  doc('Encryption', {
    summary: 'Encrypt data at rest and in transit.',
    body: 'Keys, KMS, envelope encryption. 2023 ML02:2023',
  }),
  doc('Body only', {
    body: 'A page that mentions drift once, deep in its body text, among many other words here.',
  }),
  doc('Empty', {}),
];

const board = Array.from({ length: 40 }, (_, i) =>
  boardDocument({
    key: `acme/ml#${i + 1}`,
    title: `Risk ${i}: ${['prompt injection in the assistant', 'model drift unnoticed', 'poisoned labels'][i % 3]}`,
    owner: (['security', 'data-science', 'shared', null] as const)[i % 4]!,
    severity: 'high',
    phases: ['monitoring'],
    tags: i % 2 ? ['owasp-llm:LLM01:2026'] : [],
    unknownTags: i === 7 ? ['atlas:AML.T9999'] : [],
    labels: [{ name: 'risk', color: 'cccccc' }],
    excerpt: 'Found during the review. '.repeat(1 + (i % 4)),
  }),
);

const scores = (index: lunr.Index, query: string) => index.search(query).map((r) => `${r.ref}:${r.score}`);

describe('compact index encoding', () => {
  it('expands to exactly the JSON lunr.Index.toJSON writes, byte for byte', () => {
    for (const [set, fields] of [
      [docs, CONTENT_FIELDS],
      [board, BOARD_FIELDS],
    ] as const) {
      const builder = buildLunr(set, fields);
      const original = JSON.stringify(builder.build().toJSON());
      const viaFile = JSON.parse(JSON.stringify(compactIndex(builder)));
      expect(JSON.stringify(expandIndex(viaFile))).toBe(original);
    }
  });

  it('is several times smaller than lunr JSON', () => {
    const builder = buildLunr(board, BOARD_FIELDS);
    expect(JSON.stringify(compactIndex(builder)).length * 3).toBeLessThan(
      JSON.stringify(builder.build().toJSON()).length,
    );
  });

  it('refuses a builder that kept term metadata, which the encoding would lose', () => {
    expect(() => compactIndex(buildLunr(docs, CONTENT_FIELDS, ['position']))).toThrow(/metadataWhitelist/);
  });

  it('keeps no position metadata in the index', () => {
    const json = buildLunr(docs, CONTENT_FIELDS).build().toJSON() as {
      invertedIndex: Array<[string, Record<string, unknown>]>;
    };
    const poison = json.invertedIndex.find(([term]) => term === 'poison')![1];
    expect(poison['body']).toEqual({ 0: {} });
  });
});

describe('loadSearchIndex', () => {
  it('scores every query exactly as lunr.Index.load of the same index does', () => {
    for (const [set, fields, queries] of [
      [
        docs,
        CONTENT_FIELDS,
        [
          'poisoning',
          'drift',
          'encrypt data',
          'ml02\\:2023',
          'poi*',
          'drfit~1',
          'nothing-here',
          '+data -drift',
        ],
      ],
      [board, BOARD_FIELDS, ['prompt injection', 'drift', 'risk', 'llm01', 'aml.t9999', 'security']],
    ] as const) {
      const file = JSON.parse(JSON.stringify(buildSearchIndex(set, fields)));
      const eager = lunr.Index.load(expandIndex(file.index));
      const lazy = loadSearchIndex(file).index;
      for (const q of queries) expect(scores(lazy, q), q).toEqual(scores(eager, q));
    }
  });

  it('exposes each term’s postings with lunr’s weights', () => {
    const file = JSON.parse(JSON.stringify(buildSearchIndex(docs, CONTENT_FIELDS)));
    const loaded = loadSearchIndex(file);
    expect([...loaded.postings('drift', 'body').refs]).toEqual([1, 3]);
    expect([...loaded.postings('drift', 'headings').refs]).toEqual([1]);
    expect(loaded.postings('drift', 'nope').refs).toHaveLength(0);
    expect(loaded.postings('unknown', 'body').refs).toHaveLength(0);
    expect(loaded.documentFrequency('drift')).toBe(4); // title, headings and body of one page, body of another
    const lunrJson = expandIndex(file.index);
    const bodyVector = lunrJson.fieldVectors.find(([ref]) => ref === 'body/3')![1];
    const driftIndex = lunrJson.invertedIndex.find(([term]) => term === 'drift')![1]['_index'];
    expect(loaded.postings('drift', 'body').weights[1]).toBe(
      bodyVector[bodyVector.indexOf(driftIndex as number) + 1],
    );
    expect([...loaded.types]).toEqual([0, 0, 0, 0, 0]);
  });

  it('lets lunr score only the candidates asked for, with the scores it gives over the whole index', () => {
    const loaded = loadSearchIndex(JSON.parse(JSON.stringify(buildSearchIndex(docs, CONTENT_FIELDS))));
    const build = (q: lunr.Query) => void q.term('drift', { usePipeline: false });
    const all = loaded.run(['drift'], null, build);
    expect(loaded.run(['drift'], [3], build)).toEqual(all.filter((r) => r.ref === '3'));
    expect(scores(loaded.index, 'drift')).toEqual(all.map((r) => `${r.ref}:${r.score}`));
  });

  it('keeps the document store and suggestions next to the index', () => {
    const file = buildSearchIndex(docs, CONTENT_FIELDS, ['/x/Drift/', '/not/indexed/']);
    expect(file.suggestions).toEqual([1]);
    expect(file.docs[1]).toEqual(['module', 'Drift', '/x/Drift/', 'shared', '']);
  });

  it('refuses files of another version or shape with a readable error', () => {
    const file = JSON.parse(JSON.stringify(buildSearchIndex(docs, CONTENT_FIELDS)));
    expect(() => loadSearchIndex({ ...file, version: 99 })).toThrow(/version 1/);
    expect(() => loadSearchIndex(null)).toThrow(/not a search index/);
    expect(() => loadSearchIndex('<html>')).toThrow(/not a search index/);
  });

  it('fails the build when a document lacks a field of the index', () => {
    const broken = { ...docs[0]!, fields: { title: 'x' } };
    expect(() => buildSearchIndex([broken], CONTENT_FIELDS)).toThrow(
      /lacks field\(s\) headings, summary, tags, body/,
    );
  });
});

describe('field boosts', () => {
  it('ranks a title match over a heading match over a body match', () => {
    const set = [
      doc('Body', { body: 'Notes about calibration among other things in a longer body.' }, '/body/'),
      doc('Calibration', {}, '/title/'),
      doc('Heading', { headings: 'Calibration' }, '/heading/'),
    ];
    const loaded = loadSearchIndex(JSON.parse(JSON.stringify(buildSearchIndex(set, CONTENT_FIELDS))));
    expect(loaded.index.search('calibration').map((r) => loaded.docs[Number(r.ref)]![2])).toEqual([
      '/title/',
      '/heading/',
      '/body/',
    ]);
  });
});
