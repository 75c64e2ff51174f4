import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excerpt } from '../../src/lib/search/excerpt.ts';
import { resultView } from '../../src/lib/search/result-view.ts';
import type { StoredDoc } from '../../src/lib/search/types.ts';

const forms = (...words: string[]) => new Set(words);
const poison = forms('poison', 'poisoned', 'poisoning');
const long =
  'Every week the team reviews the training data and the model outputs of the service, then it compares ' +
  'poison rates with the last release and writes down anything that looks odd for the next meeting of both teams.';

describe('excerpt', () => {
  it('picks the sentence holding the most distinct words searched for, the first on a tie', () => {
    const text = 'Drift is slow. Poisoning is fast! Poisoning data, poison labels? Yes.';
    expect(excerpt(text, forms('poisoning', 'poison', 'data'))).toBe('Poisoning data, poison labels?');
    expect(excerpt('Poison poison poison. Poison data.', forms('poison', 'data'))).toBe('Poison data.');
    expect(excerpt('Drift one. Poison two. Poison three.', poison)).toBe('Poison two.');
    expect(excerpt('A heading\nThen poisoned   data\tfollows', poison)).toBe('Then poisoned data follows');
  });

  it('returns null when no sentence holds a word searched for', () => {
    expect(excerpt('Nothing about it here. Nor here.', poison)).toBeNull();
    expect(excerpt('Poisonous and poisons.', poison)).toBeNull();
    expect(excerpt('', poison)).toBeNull();
    expect(excerpt('Poison.', forms())).toBeNull();
  });

  it('cuts a long sentence around its first match, with ellipses at word boundaries', () => {
    const cut = excerpt(long, poison, 80)!;
    expect(cut).toMatch(/^….*\bpoison\b.*…$/);
    expect(cut.length).toBeLessThanOrEqual(80);
    // Up to a quarter of the room before the match, the rest after it.
    expect(cut.indexOf('poison')).toBeLessThanOrEqual(21);
    const inner = cut.slice(1, -1);
    const at = long.indexOf(inner);
    expect([long[at - 1], long[at + inner.length]]).toEqual([' ', ' ']);
    expect(excerpt(long, poison, 1000)).toBe(long);
  });

  it('keeps the match however long the window, even when it is the sentence’s last word', () => {
    const text =
      'Every week the team reviews the training data and the model outputs, looking for signs of drift.';
    for (let max = 12; max < text.length; max++)
      expect(excerpt(text, forms('drift'), max), `max ${max}`).toMatch(/drift/);
  });

  it('keeps a sentence whole around IDs, file names and full stops before a bracket', () => {
    const text = 'Pages tagged AML.T0020 describe poisoned data. Never load model.pkl files from strangers.';
    expect(excerpt(text, forms('aml.t0020'))).toBe('Pages tagged AML.T0020 describe poisoned data.');
    expect(excerpt(text, forms('strangers'))).toBe('Never load model.pkl files from strangers.');
    expect(excerpt('Check the data for poison (see the appendix.)', poison)).toBe(
      'Check the data for poison (see the appendix.)',
    );
  });

  it('keeps markup as text', () => {
    const text = 'See <img src=x onerror=alert(1)> poison here.';
    expect(excerpt(text, poison)).toBe(text);
  });

  it('never returns more than the window and its two ellipses', () => {
    const piece = fc.oneof(
      fc.constantFrom('poison', ' ', '. ', '\n', '-', 'x'.repeat(40)),
      fc.string({ maxLength: 12 }),
    );
    const text = fc.array(piece, { maxLength: 80 }).map((p) => p.join(''));
    fc.assert(
      fc.property(text, fc.integer({ min: 8, max: 300 }), (t, max) => {
        const cut = excerpt(t, poison, max);
        if (cut === null) return;
        expect(cut.length).toBeLessThanOrEqual(max + 2);
        expect(t.replace(/\s+/g, ' ')).toContain(cut.replace(/^…|…$/g, ''));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('resultView', () => {
  const doc: StoredDoc = [
    'Data poisoning',
    '/glossary/#data-poisoning',
    'data-science',
    'Corrupting training data.',
  ];
  const text = (v: ReturnType<typeof resultView>, part: 'title' | 'snippet') =>
    v[part].map((s) => (s.mark ? `[${s.text}]` : s.text)).join('');

  it('labels the type and the owner, and marks the title', () => {
    const v = resultView({ ref: 4, type: 'term', tier: 3 }, doc, poison);
    expect([v.ref, v.type, v.meta, v.href, v.partial]).toEqual([
      4,
      'term',
      'Glossary · Data science',
      doc[1],
      false,
    ]);
    expect(text(v, 'title')).toBe('Data [poisoning]');
    const board = resultView({ ref: 9, type: 'board', tier: 1 }, ['Leak', '/board/a/b/1/', null, ''], poison);
    expect(board.meta).toBe('Board item · Needs an owner');
  });

  it('links only within the site', () => {
    const href = (url: string) =>
      resultView({ ref: 0, type: 'module', tier: 1 }, ['T', url, null, ''], poison).href;
    expect(href('/learn/a/b/')).toBe('/learn/a/b/');
    for (const url of ['javascript:alert(1)', '//evil.example/', 'https://evil.example/', ' /x', ''])
      expect(href(url), url).toBe('#');
  });

  it('flags a result matching only some words', () => {
    expect(resultView({ ref: 0, type: 'term', tier: 0 }, doc, poison).partial).toBe(true);
    expect(resultView({ ref: 0, type: 'term', tier: 2 }, doc, poison).partial).toBe(false);
  });

  it('cuts the snippet from the page’s text when given, and keeps the summary otherwise', () => {
    const hit = { ref: 0, type: 'term', tier: 1 } as const;
    const words = forms('training');
    expect(text(resultView(hit, doc, words, 'Intro. Then the training set is poisoned.'), 'snippet')).toBe(
      'Then the [training] set is poisoned.',
    );
    expect(text(resultView(hit, doc, words), 'snippet')).toBe('Corrupting [training] data.');
    expect(text(resultView(hit, doc, words, 'Nothing relevant.'), 'snippet')).toBe(
      'Corrupting [training] data.',
    );
    expect(text(resultView(hit, doc, forms('zeppelin')), 'snippet')).toBe('Corrupting training data.');
    expect(resultView(hit, ['T', '/t/', null, ''], words).snippet).toEqual([]);
  });
});
