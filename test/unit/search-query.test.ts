import fc from 'fast-check';
import lunr from 'lunr';
import { describe, expect, it } from 'vitest';
import { boardDocument } from '../../src/lib/search/board-documents.ts';
import { BOARD_FIELDS, buildSearchIndex, CONTENT_FIELDS } from '../../src/lib/search/build-index.ts';
import { loadSearchIndex } from '../../src/lib/search/load-index.ts';
import { planQuery } from '../../src/lib/search/query-plan.ts';
import { MAX_QUERY_LENGTH, MAX_WORDS, parseQuery } from '../../src/lib/search/query.ts';
import { search, suggestions } from '../../src/lib/search/search.ts';
import type { SearchDocument } from '../../src/lib/search/types.ts';

const page = (title: string, body: string, type: SearchDocument['type'] = 'module'): SearchDocument => ({
  type,
  title,
  url: `/${title.toLowerCase().replace(/\W+/g, '-')}/`,
  owner: 'security',
  snippet: body.slice(0, 80),
  fields: { title, headings: '', summary: '', tags: '', body },
});

const content = loadSearchIndex(
  JSON.parse(
    JSON.stringify(
      buildSearchIndex(
        [
          page(
            'Data poisoning and pipeline integrity',
            'Attackers poison training data and plant backdoors. Label flipping. ML02:2023 Data Poisoning Attack.',
          ),
          page(
            'Membership inference',
            'An attacker learns whether a record was in the training set.',
            'term',
          ),
          page('Drift and model monitoring', 'Concept drift and data drift; monitoring dashboards; alerts.'),
          page(
            'Encrypt data at rest',
            'Encryption with customer-managed keys, envelope encryption, KMS.',
            'practice',
          ),
          page(
            'Ethics and bias review',
            'Fairness metrics, disparate impact, the bias checklist.',
            'checklist',
          ),
        ],
        CONTENT_FIELDS,
        ['/drift-and-model-monitoring/'],
      ),
    ),
  ),
);
const board = loadSearchIndex(
  JSON.parse(
    JSON.stringify(
      buildSearchIndex(
        [
          boardDocument({
            key: 'acme/ml#1',
            title: 'RAG poisoning through wiki pages',
            owner: null,
            severity: 'high',
            phases: [],
            tags: [],
            unknownTags: [],
            labels: [],
            excerpt: 'Anyone can edit.',
          }),
        ],
        BOARD_FIELDS,
      ),
    ),
  ),
);
const indexes = [content, board];
const urls = (q: string) => search(indexes, q).hits.map((h) => h.url);

describe('parseQuery', () => {
  it('completes the last word as a prefix while it is being typed, not after a space', () => {
    expect(parseQuery('data pois').words.map((w) => [w.text, w.prefix])).toEqual([
      ['data', false],
      ['pois', true],
    ]);
    expect(parseQuery('data pois ').words.map((w) => w.prefix)).toEqual([false, false]);
  });

  it('allows a typo in words of five letters or more only', () => {
    expect(parseQuery('drift poison ').words.map((w) => [w.text, w.fuzzy])).toEqual([
      ['drift', true],
      ['poison', true],
    ]);
    expect(parseQuery('bias kms ').words.map((w) => w.fuzzy)).toEqual([false, false]);
  });

  it('requires the words of a quoted phrase and never completes or corrects them', () => {
    const { words } = parseQuery('"concept drift" monitoring');
    expect(words.map((w) => [w.text, w.required, w.prefix, w.fuzzy])).toEqual([
      ['concept', true, false, false],
      ['drift', true, false, false],
      ['monitoring', false, true, true],
    ]);
  });

  it('reads lunr syntax as ordinary text: field names, boosts, fuzziness and presence are not operators', () => {
    expect(parseQuery('title:poison^10 ~2 +data -model').words.map((w) => w.text)).toEqual([
      'title:poison^10',
      '2',
      'data',
      'model',
    ]);
    expect(parseQuery('title:poison^10').words[0]!.parts).toEqual(['title', 'poison', '10']);
    expect(parseQuery('*:^~+-"').words).toEqual([]);
  });

  it('drops a leading wildcard with a notice and honours a trailing one', () => {
    const leading = parseQuery('*poison');
    expect(leading.words.map((w) => [w.text, w.prefix])).toEqual([['poison', true]]);
    expect(leading.notices).toEqual(['Wildcards only work at the end of a word; the leading * was ignored.']);
    expect(parseQuery('pois* data').words[0]).toMatchObject({ text: 'pois', prefix: true });
  });

  it('drops stop words, as the index does', () => {
    expect(parseQuery('who owns the incident response').words.map((w) => w.text)).toEqual([
      'owns',
      'incident',
      'response',
    ]);
  });

  it('bounds the work a query can ask for', () => {
    const long = parseQuery('x'.repeat(MAX_QUERY_LENGTH * 3));
    expect(long.words[0]!.text.length).toBe(MAX_QUERY_LENGTH);
    expect(long.notices).toEqual([`Only the first ${MAX_QUERY_LENGTH} characters are searched.`]);
    expect(parseQuery(Array.from({ length: 20 }, (_, i) => `word${i}`).join(' ')).words).toHaveLength(
      MAX_WORDS,
    );
  });

  it('treats anything that is not a string as an empty query', () => {
    expect(parseQuery(undefined).words).toEqual([]);
    expect(parseQuery({ toString: () => 'x' }).words).toEqual([]);
  });
});

describe('search', () => {
  it('never throws, whatever the reader types', () => {
    const special = fc.constantFrom(
      ':',
      '^',
      '~',
      '*',
      '+',
      '-',
      '"',
      '\\',
      ' ',
      '(',
      ')',
      '<',
      '>',
      '/',
      '.',
      'a',
      'poison',
      'ml02',
      '\u202e',
      '\u0000',
      '🙂',
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (q) => void search(indexes, q)),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 300, unit: 'grapheme' }), (q) => void search(indexes, q)),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.array(special, { maxLength: 40 }), (parts) => void search(indexes, parts.join(''))),
      { numRuns: 500 },
    );
  });

  it('answers where lunr’s own query string parser throws', () => {
    for (const q of ['poison:data', 'ml02:2023', 'poison~', 'drift~x', 'data^', '+', ':', 'title:poison^x']) {
      expect(() => content.index.search(q), q).toThrow(lunr.QueryParseError);
      expect(() => search(indexes, q)).not.toThrow();
    }
    expect(urls('ML02:2023')[0]).toBe('/data-poisoning-and-pipeline-integrity/');
  });

  it('finds stemmed, half-typed and misspelt words', () => {
    expect(urls('poisoned')[0]).toBe('/data-poisoning-and-pipeline-integrity/');
    expect(urls('membersh')[0]).toBe('/membership-inference/');
    expect(urls('membrship ')[0]).toBe('/membership-inference/');
    expect(urls('encrpyt ')[0]).toBe('/encrypt-data-at-rest/');
  });

  it('returns nothing when a quoted word is nowhere in the index', () => {
    expect(urls('"drift zeppelin"')).toEqual([]);
    expect(urls('"concept drift"')).toEqual(['/drift-and-model-monitoring/']);
  });

  it('merges content and board results, guidance first when both match equally', () => {
    expect(urls('poisoning')).toEqual(['/data-poisoning-and-pipeline-integrity/', '/board/acme/ml/1/']);
  });

  it('ranks a page matching every word above one matching some of them', () => {
    expect(urls('bias checklist')[0]).toBe('/ethics-and-bias-review/');
  });

  it('reports the matched index terms of each hit for highlighting', () => {
    expect(search(indexes, 'poisoned data').hits[0]!.terms.sort()).toEqual(['data', 'poison']);
  });

  it('suggests the popular modules for an empty query', () => {
    expect(suggestions(indexes).map((h) => h.url)).toEqual(['/drift-and-model-monitoring/']);
    expect(search(indexes, '   ').hits).toEqual([]);
  });
});

describe('planQuery', () => {
  it('plans the stem, completions of the word being typed and nothing else for a finished word', () => {
    expect(
      planQuery(parseQuery('poisoned data '), content).terms.map((t) => [t.term, t.word, t.boost]),
    ).toEqual([
      ['poison', 0, 1],
      ['data', 1, 1],
    ]);
    const typing = planQuery(parseQuery('memb'), content).terms;
    expect(typing.map((t) => t.term)).toEqual(['membership']);
    expect(typing[0]!.boost).toBeLessThan(1);
  });

  it('lists each term only in the fields that hold it', () => {
    const [drift] = planQuery(parseQuery('drift '), content).terms;
    expect(drift!.fields).toEqual(['title', 'body']);
  });

  it('marks a query impossible when a required word is not indexed', () => {
    expect(planQuery(parseQuery('"zeppelin" drift'), content).impossible).toBe(true);
  });

  it('looks for typo neighbours only when the word itself is not indexed', () => {
    expect(planQuery(parseQuery('drift '), content).terms.map((t) => t.term)).toEqual(['drift']);
    expect(planQuery(parseQuery('dirft '), content).terms.map((t) => t.term)).toEqual(['drift']);
  });
});

describe('search with a limit', () => {
  // Many similar board items, so that the limit leaves most of them out.
  const many = loadSearchIndex(
    JSON.parse(
      JSON.stringify(
        buildSearchIndex(
          Array.from({ length: 300 }, (_, i) =>
            boardDocument({
              key: `acme/ml#${i + 1}`,
              title: `${['Prompt injection', 'Data drift', 'Poisoned labels', 'Model theft'][i % 4]} in service ${i % 17} ${'data '.repeat(i % 5)}`,
              owner: null,
              severity: 'high',
              phases: [],
              tags: i % 3 ? ['owasp-llm:LLM01:2026'] : [],
              unknownTags: [],
              labels: [],
              excerpt: `Noticed ${i % 7} times. ${'More data. '.repeat(i % 3)}`,
            }),
          ),
          BOARD_FIELDS,
        ),
      ),
    ),
  );
  const both = [content, many];

  it.each([
    'data',
    'prompt injection',
    'drift data',
    '"poisoned labels" service',
    'servi',
    'LLM01:2026 data',
    'dirft',
  ])('returns exactly the best hits of an unlimited search for %j, with the full counts', (q) => {
    const all = search(both, q);
    const limited = search(both, q, { limit: 8 });
    expect(limited.hits.map((h) => [h.url, h.score])).toEqual(
      all.hits.slice(0, 8).map((h) => [h.url, h.score]),
    );
    expect([limited.total, limited.byType]).toEqual([all.total, all.byType]);
    const perType = search(both, q, { perType: 5 });
    for (const type of ['module', 'board'] as const) {
      expect(perType.hits.filter((h) => h.type === type).map((h) => h.url)).toEqual(
        all.hits
          .filter((h) => h.type === type)
          .slice(0, 5)
          .map((h) => h.url),
      );
    }
    const boardOnly = search(both, q, { perType: 20, type: 'board' });
    expect(boardOnly.hits.map((h) => h.url)).toEqual(
      all.hits
        .filter((h) => h.type === 'board')
        .slice(0, 20)
        .map((h) => h.url),
    );
    expect(boardOnly.byType).toEqual(all.byType);
  });
});
