import { describe, expect, it } from 'vitest';
import { progressJson, progressMarkdown } from '../../src/lib/progress-export.ts';
import {
  emptyProgress,
  isCompleted,
  MAX_BYTES,
  parseProgress,
  recordAttempt,
} from '../../src/lib/progress-store.ts';

const t1 = new Date('2026-11-20T10:00:00Z');
const t2 = new Date('2026-11-21T10:00:00Z');

describe('progress store', () => {
  it('starts empty when nothing is stored, without a notice', () => {
    expect(parseProgress(null)).toEqual({ record: emptyProgress() });
  });

  it('round-trips a stored record', () => {
    const record = recordAttempt(emptyProgress(), 'shared/running-the-sync', 1, true, t1);
    expect(parseProgress(JSON.stringify(record))).toEqual({ record });
  });

  it.each([
    ['corrupt JSON', '{"version":2,"modules":'],
    ['another app’s value', '"dark"'],
    ['an array', '[1,2,3]'],
    ['a newer version', JSON.stringify({ version: 3, modules: {} })],
    ['oversized data', JSON.stringify({ version: 2, modules: {}, pad: 'x'.repeat(MAX_BYTES) })],
  ])('resets %s to an empty record and says so', (_name, raw) => {
    const result = parseProgress(raw);
    expect(result.record).toEqual(emptyProgress());
    expect(result.notice).toMatch(/could not be read and has been reset/);
  });

  it('drops only the entries it cannot read', () => {
    const raw = JSON.stringify({
      version: 2,
      modules: {
        good: { completedAt: t1.toISOString(), bestScore: 1, lastScore: 1, attempts: 1 },
        bad: { completedAt: 'yesterday', bestScore: 7, lastScore: 1, attempts: -1 },
      },
    });
    const result = parseProgress(raw);
    expect(Object.keys(result.record.modules)).toEqual(['good']);
    expect(result.notice).toBe('1 unreadable progress entry was removed.');
  });

  it('migrates version 1 completion dates to version 2', () => {
    const raw = JSON.stringify({ version: 1, completed: { 'a/b': t1.toISOString(), 'a/c': 'not a date' } });
    expect(parseProgress(raw)).toEqual({
      record: {
        version: 2,
        modules: { 'a/b': { completedAt: t1.toISOString(), bestScore: 1, lastScore: 1, attempts: 1 } },
      },
    });
  });

  it('keeps the first pass date and the best score across attempts', () => {
    let record = recordAttempt(emptyProgress(), 'm', 0.4, false, t1);
    expect(isCompleted(record, 'm')).toBe(false);
    record = recordAttempt(record, 'm', 0.8, true, t1);
    record = recordAttempt(record, 'm', 0.6, false, t2);
    expect(record.modules['m']).toEqual({
      completedAt: t1.toISOString(),
      bestScore: 0.8,
      lastScore: 0.6,
      attempts: 3,
    });
    expect(isCompleted(record, 'm')).toBe(true);
  });
});

describe('completion record export', () => {
  const modules = [
    { id: 'a/one', title: 'One | first', track: 'Track A' },
    { id: 'a/two', title: 'Two', track: 'Track A' },
  ];
  const record = recordAttempt(recordAttempt(emptyProgress(), 'a/one', 1, true, t1), 'a/two', 0.4, false, t2);

  it('writes a Markdown table with dates and scores, escaping pipes', () => {
    expect(progressMarkdown(record, modules, t2)).toBe(
      [
        '# Tandem cross-training record',
        '',
        'Exported 2026-11-21. Completed 1 of 2 modules.',
        '',
        '| Track | Module | Completed | Best score | Attempts |',
        '| --- | --- | --- | --- | --- |',
        '| Track A | One \\| first | 2026-11-20 | 100% | 1 |',
        '| Track A | Two | not yet | 40% | 1 |',
        '',
      ].join('\n'),
    );
  });

  it('writes JSON with the same rows', () => {
    const json = JSON.parse(progressJson(record, modules, t2));
    expect(json.exportedAt).toBe(t2.toISOString());
    expect(
      json.modules.map((m: { id: string; completedAt: string | null }) => [m.id, m.completedAt]),
    ).toEqual([
      ['a/one', t1.toISOString()],
      ['a/two', null],
    ]);
  });
});
