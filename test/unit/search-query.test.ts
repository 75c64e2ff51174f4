import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boardDocument } from '../../src/lib/search/board-documents.ts';
import { buildSearch, type BuiltSearch } from '../../src/lib/search/build-index.ts';
import { moduleDocument, termDocument } from '../../src/lib/search/content-documents.ts';
import { MAX_QUERY_LENGTH, MAX_WORDS, parseQuery } from '../../src/lib/search/query.ts';
import { byRank } from '../../src/lib/search/rank.ts';
import { SearchIndex, type SearchOptions } from '../../src/lib/search/search-index.ts';
import type { SearchDocument } from '../../src/lib/search/types.ts';
import { STOP_WORDS } from '../../src/lib/search/words.ts';

const mod = (id: string, title: string, body: string, tags: string[] = []) => {
  const data = {
    title,
    summary: `About ${title.toLowerCase()}.`,
    owner: 'security' as const,
    tags,
    objectives: [],
  };
  return moduleDocument({ id: `t/${id}`, data, body });
};
const page = (type: 'checklist' | 'practice', title: string, body: string): SearchDocument => ({
  type,
  title,
  url: `/${type}/${title.toLowerCase().replace(/\W+/g, '-')}/`,
  owner: 'shared',
  snippet: body,
  fields: { title, headings: '', summary: '', tags: type, body },
  ids: [],
});
const term = (id: string, name: string, aliases: string[], definition: string) =>
  termDocument({ id, term: name, aliases, owner: 'data-science', definition, tags: [] });
const item = (n: number, title: string, excerpt: string) => {
  const labels = {
    owner: null,
    severity: 'high' as const,
    phases: [],
    tags: [],
    unknownTags: [],
    labels: [],
  };
  return boardDocument({ key: `acme/ml#${n}`, title, excerpt, ...labels });
};

const poisoningBody =
  '## Poisoned labels\n\nAttackers poison training data. Label flipping is poisoning too.';
const content = [
  page('practice', 'Least privilege access', 'Grant only the access to data and models that a job needs.'),
  mod('poisoning', 'Data poisoning and pipeline integrity', poisoningBody, ['atlas:AML.T0020']),
  mod(
    'frameworks',
    'Threat frameworks',
    'AML.T0020 and LLM01:2026 are IDs. AML.T0020 again, LLM01:2026 too.',
  ),
  mod('drift', 'Drift and model monitoring', 'Concept drift and data drift; embedding drift; dashboards.'),
  mod('prompt', 'Prompt injection in practice', 'Indirect prompt injection.', ['owasp-llm:LLM01:2026']),
  term('embedding', 'Embedding', ['Vector embedding'], 'A vector that stands for a text.'),
  term('data-poisoning', 'Data poisoning', [], 'Corrupting training data on purpose.'),
  page('checklist', 'Ethics and bias review', 'Fairness metrics and the bias checklist.'),
];
const board = [
  item(1, 'RAG poisoning through wiki pages', 'Anyone can edit the wiki.'),
  item(2, 'Embedding store is public', 'The vector store has no access control.'),
];

/** Every file through JSON, as the browser receives it. */
const built = JSON.parse(JSON.stringify(buildSearch({ content, board }))) as BuiltSearch;
const indexWith = (parts: ReadonlyArray<'content' | 'board'>) => {
  const index = new SearchIndex(built.manifest);
  for (const { part, key, shard } of built.shards) if (parts.includes(part)) index.add({ part, key }, shard);
  return index;
};
const index = indexWith(['content', 'board']);
const docs = built.chunks.flatMap((c) => c.docs);
const titles = (q: string, options?: SearchOptions) =>
  index.search(q, options).hits.map((h) => docs[h.ref]![0]);
/** Titles with their tiers: "Data poisoning (3)". */
const ranked = (q: string) => index.search(q).hits.map((h) => `${docs[h.ref]![0]} (${h.tier})`);

describe('parseQuery', () => {
  /** The words as read, `*` marking a prefix: "data pois*". */
  const read = (q: unknown) =>
    parseQuery(q)
      .words.map((w) => `${w.text}${w.prefix ? '*' : ''}`)
      .join(' ');

  it('completes the last word as a prefix while it is being typed, not after a space', () => {
    expect(read('data pois')).toBe('data pois*');
    expect(read('data pois ')).toBe('data pois');
    expect(read('pois* data ')).toBe('pois* data');
    expect(read('data p')).toBe('data p');
  });

  it('keeps the last word while it is typed even when it is a stop word, and drops other stop words', () => {
    expect(read('attack at')).toBe('attack at*');
    expect(read('data in')).toBe('data in*');
    expect(read('we')).toBe('we*');
    expect(read('attack at ')).toBe('attack');
    expect(read('who owns the incident response ')).toBe('owns incident response');
  });

  it('keeps stop words when the query has nothing else', () => {
    expect(read('least ')).toBe('least');
    expect(parseQuery('the least ').words.map((w) => w.stop)).toEqual([true, true]);
    expect(read('the least privilege ')).toBe('privilege');
  });

  it('allows a typo in words of five letters or more only', () => {
    expect(parseQuery('drift poison kms bias ').words.map((w) => w.fuzzy)).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('requires quoted words and never completes or corrects them', () => {
    const words = parseQuery('"concept drift" monitoring').words;
    expect(words.map((w) => [w.text, w.required, w.prefix, w.fuzzy].join(' '))).toEqual([
      'concept true false false',
      'drift true false false',
      'monitoring false true true',
    ]);
    expect(parseQuery('"poisoning').words[0]).toMatchObject({ required: false, prefix: true });
  });

  it('reads lunr syntax as ordinary text: field names, boosts, fuzziness and presence are not operators', () => {
    expect(read('title:poison^10 ~2 +data -model ')).toBe('title:poison^10 2 data model');
    expect(parseQuery('title:poison^10').words[0]!.parts).toEqual(['title', 'poison', '10']);
    expect(parseQuery('*:^~+-"').words).toEqual([]);
  });

  it('drops a leading wildcard with a notice', () => {
    expect(read('*poison')).toBe('poison*');
    expect(parseQuery('*poison *drift').notices).toEqual([
      'Wildcards only work at the end of a word; the leading * was ignored.',
    ]);
    expect(parseQuery('poison*').notices).toEqual([]);
  });

  it('bounds the work a query can ask for, with notices', () => {
    const long = parseQuery('x'.repeat(MAX_QUERY_LENGTH * 3));
    expect(long.words[0]!.text).toHaveLength(MAX_QUERY_LENGTH);
    expect(long.notices).toEqual([`Only the first ${MAX_QUERY_LENGTH} characters are searched.`]);
    const many = parseQuery(Array.from({ length: 20 }, (_, i) => `word${i}`).join(' '));
    expect(many.words.map((w) => w.text)).toEqual(Array.from({ length: MAX_WORDS }, (_, i) => `word${i}`));
    expect(many.notices).toEqual([`Only the first ${MAX_WORDS} words are searched.`]);
  });

  it('treats anything that is not a string as an empty query', () => {
    for (const q of [undefined, null, 42, ['poison'], { toString: () => 'poison' }])
      expect(parseQuery(q)).toEqual({ words: [], notices: [] });
  });
});

describe('SearchIndex.search', () => {
  it('never throws and always answers a well-formed result, whatever the reader types', () => {
    const special = fc.constantFrom(
      ...[':', '^', '~', '*', '+', '-', '"', '\\', ' ', '(', ')', '<b>', '</mark>', '&amp;', '.', 'a', 'at'],
      ...['poison', 'pois', 'ml02:2023', 'AML.T0020', '\u202e', '\u0000', '\uFFFF', '🙂', '👩‍💻', 'é'],
    );
    const check = (q: string) => {
      const r = index.search(q);
      expect(r.hits.length).toBeLessThanOrEqual(Math.min(10, r.full + r.partial));
      expect([...r.hits].sort(byRank)).toEqual(r.hits);
      expect(r.hits.filter((h) => h.tier > 0).length).toBe(Math.min(r.full, r.hits.length));
      expect(r.query.words.length).toBeLessThanOrEqual(MAX_WORDS);
      expect(r.pending).toEqual([]);
    };
    const typed = fc.array(special, { maxLength: 40 }).map((p) => p.join(''));
    fc.assert(fc.property(fc.string({ maxLength: 300 }), check), { numRuns: 300 });
    fc.assert(fc.property(fc.string({ maxLength: 300, unit: 'grapheme' }), check), { numRuns: 200 });
    fc.assert(fc.property(typed, check), { numRuns: 300 });
    const huge = fc.string({ minLength: 5000, maxLength: 5200, unit: 'binary' });
    fc.assert(fc.property(huge, check), { numRuns: 20 });
    check('poison '.repeat(800));
  });

  it('ranks an exact title ahead of longer titles holding the same words', () => {
    expect(ranked('data poisoning ').slice(0, 2)).toEqual([
      'Data poisoning (3)',
      'Data poisoning and pipeline integrity (2)',
    ]);
    const [exact, longer] = index.search('data poisoning ').hits;
    expect(longer!.score).toBeGreaterThan(exact!.score);
  });

  it('counts a glossary term’s alias typed in full as an exact title', () => {
    expect(ranked('embedding ')[0]).toBe('Embedding (3)');
    expect(ranked('vector embedding ')[0]).toBe('Embedding (3)');
  });

  it('lists all-words matches ahead of partial ones and counts them apart', () => {
    const none = index.search('bias drift ');
    expect([none.full, none.partial, none.hits.every((h) => h.tier === 0)]).toEqual([0, 2, true]);
    const q = index.search('data drift ');
    expect([q.full, q.partial]).toEqual([1, 3]);
    expect(q.hits.map((h) => h.tier > 0)).toEqual([true, false, false, false]);
    expect(docs[q.hits[0]!.ref]![0]).toBe('Drift and model monitoring');
  });

  it('never has more all-words matches for a longer query than for its beginning', () => {
    const vocabulary = [...new Set(built.shards.flatMap((s) => s.shard.words))].filter(
      (w) => !STOP_WORDS.has(w),
    );
    const full = (words: string[]) => index.search(parseQuery(`${words.join(' ')} `)).full;
    const words = fc.array(fc.constantFrom(...vocabulary), { minLength: 2, maxLength: 6 });
    fc.assert(
      fc.property(words, (list) => {
        for (let k = 1; k < list.length; k++)
          expect(full(list.slice(0, k + 1))).toBeLessThanOrEqual(full(list.slice(0, k)));
      }),
      { numRuns: 300 },
    );
    expect(full(['data'])).toBeGreaterThan(full(['data', 'poisoning']));
  });

  it('ranks the document tagged with a taxonomy ID first, above pages that only mention it', () => {
    const frameworks = 'Threat frameworks (1)';
    expect(ranked('AML.T0020')).toEqual(['Data poisoning and pipeline integrity (3)', frameworks]);
    expect(ranked('aml.t0020 ')).toEqual(['Data poisoning and pipeline integrity (3)', frameworks]);
    expect(ranked('LLM01:2026')).toEqual(['Prompt injection in practice (3)', frameworks]);
  });

  it('corrects a typo in the word as typed, and completes a word being typed', () => {
    expect(ranked('emebdding ')).toEqual([
      'Embedding (1)',
      'Embedding store is public (1)',
      'Drift and model monitoring (1)',
    ]);
    expect(titles('posioning ').slice(0, 2)).toEqual([
      'Data poisoning and pipeline integrity',
      'Data poisoning',
    ]);
    expect(titles('pois')).toEqual(titles('poisoning'));
    expect(titles('pois')).toContain('Data poisoning');
    expect(titles('pois ')).toEqual([]);
    expect(titles('"posioning"')).toEqual([]);
  });

  it('matches a form the site never wrote by the term it begins with, as a stemmer would', () => {
    expect(titles('poisonings ')).toEqual(titles('poisoning '));
    expect(titles('poisonings ')).toContain('Data poisoning');
    expect(titles('drifting ')).toEqual(titles('drift '));
    // Never for quoted words, and never more than four letters: "embeddingsxyz" is no embedding.
    expect(titles('"poisonings"')).toEqual([]);
    expect(titles('embeddingsxyzw ')).toEqual([]);
  });

  it('does not correct a word that another part knows as written', () => {
    const files = JSON.parse(
      JSON.stringify(
        buildSearch({
          content: [mod('saves', 'Backups', 'A snapshot saves the day.')],
          board: [item(9, 'Jailbreak prompts for the sales copilot', 'Shared on a forum.')],
        }),
      ),
    ) as BuiltSearch;
    const small = new SearchIndex(files.manifest);
    for (const s of files.shards) small.add(s, s.shard);
    const hits = small.search('sales ').hits;
    expect(hits.map((h) => h.type)).toEqual(['board']);
    // Unknown everywhere, it is corrected: "savs" finds "saves".
    expect(small.search('savse ').hits.map((h) => h.type)).toEqual(['module']);
  });

  it('returns nothing when a quoted word is nowhere in the index', () => {
    expect(titles('"drift zeppelin"')).toEqual([]);
    expect(titles('drift zeppelin ')).toEqual(['Drift and model monitoring']);
    expect(titles('"concept drift"')).toEqual(['Drift and model monitoring']);
  });

  it('filters by type and still counts every type', () => {
    const all = index.search('embedding ');
    const terms = index.search('embedding ', { type: 'term' });
    expect(all.hits.map((h) => h.type)).toEqual(['term', 'board', 'module']);
    expect(terms.hits.map((h) => h.type)).toEqual(['term']);
    expect(all.byType).toEqual({ module: 1, checklist: 0, practice: 0, term: 1, board: 1 });
    expect([terms.full, terms.partial, terms.byType]).toEqual([all.full, all.partial, all.byType]);
  });

  it('answers from the content part while the board’s shards are pending, then adds the board', () => {
    const partial = indexWith(['content']);
    const first = partial.search('embedding ');
    expect(first.pending).toEqual(['board']);
    expect(first.hits.map((h) => h.type)).toEqual(['term', 'module']);
    for (const ref of partial.needed('embedding ').filter((r) => !partial.has(r)))
      partial.add(ref, built.shards.find((s) => s.part === ref.part && s.key === ref.key)!.shard);
    const then = partial.search('embedding ');
    expect(then.pending).toEqual([]);
    expect(then.hits).toEqual(index.search('embedding ').hits);
  });

  it('needs only shard files the manifest lists, content first', () => {
    const needed = (q: string) => index.needed(q).map((r) => `${r.part}/${r.key}`);
    expect(needed('poisoning zeppelin wiki')).toEqual(['content/po', 'board/po', 'board/wi']);
    expect(needed('title:poison ')).toEqual(['content/po', 'board/po']);
    expect(needed('')).toEqual([]);
  });

  it('gives every written form of the terms matched, for highlighting', () => {
    expect(index.forms('poisoning ').sort()).toEqual(['poison', 'poisoned', 'poisoning']);
    expect(index.forms('data pois').sort()).toEqual(['data', 'poison', 'poisoned', 'poisoning']);
    expect(index.forms('zeppelin ')).toEqual([]);
  });
});
