import { describe, expect, it } from 'vitest';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  progressJson,
  progressMarkdown,
} from '../../src/lib/learn/progress-export.ts';
import {
  emptyProgress,
  isCompleted,
  MAX_BYTES,
  notStarted,
  parseProgress,
  recordAttempt,
  recordVisit,
  type ModuleProgress,
} from '../../src/lib/learn/progress-store.ts';

const t1 = new Date('2026-11-20T10:00:00Z');
const t2 = new Date('2026-11-21T10:00:00Z');
const t3 = new Date('2026-11-22T10:00:00Z');

const entry = (fields: Partial<ModuleProgress> = {}): ModuleProgress => ({ ...notStarted(), ...fields });

const passed = () => entry({ completedAt: t1.toISOString(), bestScore: 1, lastScore: 1, attempts: 1 });

describe('progress store', () => {
  it('starts empty when nothing is stored, without a notice', () => {
    expect(parseProgress(null)).toEqual({ record: emptyProgress() });
  });

  it('round-trips a stored record', () => {
    const record = recordVisit(
      recordAttempt(emptyProgress(), 'shared/running-the-sync', 1, true, t1),
      'a/b',
      t2,
    );
    expect(parseProgress(JSON.stringify(record))).toStrictEqual({ record });
  });

  it.each([
    ['corrupt JSON', '{"version":3,"modules":'],
    ['another app’s value', '"dark"'],
    ['an array', '[1,2,3]'],
    ['null', 'null'],
    ['a checklist run store', JSON.stringify({ version: 1, activeRunId: null, runs: [] })],
    ['a version given as text', JSON.stringify({ version: '3', modules: {} })],
    ['a newer version', JSON.stringify({ version: 4, modules: {} })],
    ['modules that are not an object', JSON.stringify({ version: 3, modules: [] })],
    ['oversized data', JSON.stringify({ version: 3, modules: {}, pad: 'x'.repeat(MAX_BYTES) })],
  ])('resets %s to an empty record and says so', (_name, raw) => {
    const result = parseProgress(raw);
    expect(result.record).toEqual(emptyProgress());
    expect(result.notice).toMatch(/^Your saved learning progress could not be read and has been reset\./);
  });

  it('says why when the value was too large', () => {
    expect(parseProgress('x'.repeat(MAX_BYTES + 1)).notice).toMatch(/larger than expected/);
  });

  it('drops only the entries it cannot read, and counts them', () => {
    const raw = JSON.stringify({
      version: 3,
      modules: {
        'a/good': entry({ completedAt: t1.toISOString(), bestScore: 1, lastScore: 1, attempts: 1 }),
        'a/bad': { ...entry(), completedAt: 'yesterday' },
        'a/score': { ...entry(), bestScore: 7 },
        'a/count': { ...entry(), attempts: -1 },
        'a/visit': { ...entry(), lastVisitedAt: 42 },
        'a/missing': { completedAt: null, bestScore: 0, lastScore: 0, attempts: 0 },
        [`x/${'y'.repeat(300)}`]: entry(),
        'not-a-module-id': entry(),
      },
    });
    const result = parseProgress(raw);
    expect(Object.keys(result.record.modules)).toEqual(['a/good']);
    expect(result.notice).toBe('7 unreadable progress entries were removed.');
  });

  it('drops an entry named like an object’s own machinery without touching the record', () => {
    const raw = `{"version":3,"modules":{"__proto__":${JSON.stringify(passed())},"a/b":${JSON.stringify(entry())}}}`;
    const result = parseProgress(raw);
    expect(Object.getPrototypeOf(result.record.modules)).toBe(Object.prototype);
    expect(Object.keys(result.record.modules)).toEqual(['a/b']);
    expect(result.notice).toBe('1 unreadable progress entry was removed.');
  });

  it('keeps only the fields it knows', () => {
    const raw = JSON.stringify({ version: 3, modules: { 'a/b': { ...entry(), extra: 'x'.repeat(1000) } } });
    expect(parseProgress(raw).record.modules['a/b']).toStrictEqual(entry());
  });
});

describe('progress migration', () => {
  it('migrates version 1 completion dates to version 3', () => {
    const raw = JSON.stringify({ version: 1, completed: { 'a/b': t1.toISOString(), 'a/c': 'not a date' } });
    expect(parseProgress(raw)).toStrictEqual({
      record: {
        version: 3,
        modules: {
          'a/b': entry({ completedAt: t1.toISOString(), bestScore: 1, lastScore: 1, attempts: 1 }),
        },
      },
    });
  });

  it('migrates version 2 entries with unknown attempt and visit times', () => {
    const v2 = { completedAt: null, bestScore: 0.6, lastScore: 0.4, attempts: 2 };
    const raw = JSON.stringify({ version: 2, modules: { 'a/b': v2, 'a/c': { ...v2, attempts: 'two' } } });
    expect(parseProgress(raw)).toStrictEqual({
      record: { version: 3, modules: { 'a/b': entry(v2) } },
      notice: '1 unreadable progress entry was removed.',
    });
  });

  it('resets version 1 and 2 values whose shape is not theirs', () => {
    expect(parseProgress(JSON.stringify({ version: 1, completed: [] })).notice).toMatch(/has been reset/);
    expect(parseProgress(JSON.stringify({ version: 2, completed: {} })).notice).toMatch(/has been reset/);
  });
});

describe('recording progress', () => {
  it('keeps the first pass date and the best score across attempts', () => {
    let record = recordAttempt(emptyProgress(), 'm', 0.4, false, t1);
    expect(isCompleted(record, 'm')).toBe(false);
    record = recordAttempt(record, 'm', 0.8, true, t2);
    record = recordAttempt(record, 'm', 0.6, false, t3);
    expect(record.modules['m']).toEqual(
      entry({
        completedAt: t2.toISOString(),
        bestScore: 0.8,
        lastScore: 0.6,
        attempts: 3,
        lastAttemptAt: t3.toISOString(),
      }),
    );
    expect(isCompleted(record, 'm')).toBe(true);
  });

  it('records a visit without touching scores, attempts or completion', () => {
    const visited = recordVisit(emptyProgress(), 'm', t1);
    expect(visited.modules['m']).toEqual(entry({ lastVisitedAt: t1.toISOString() }));
    const attempted = recordAttempt(visited, 'm', 1, true, t2);
    expect(recordVisit(attempted, 'm', t3).modules['m']).toEqual({
      ...attempted.modules['m'],
      lastVisitedAt: t3.toISOString(),
    });
  });

  it('returns a new record and leaves the old one as it was', () => {
    const before = emptyProgress();
    recordVisit(before, 'm', t1);
    recordAttempt(before, 'm', 1, true, t1);
    expect(before).toEqual(emptyProgress());
  });
});

describe('completion record export', () => {
  const modules = [
    { id: 'a/one', title: 'One | first', track: 'Track A' },
    { id: 'a/two', title: 'Two', track: 'Track A' },
    { id: 'a/three', title: 'Three', track: 'Track A' },
    { id: 'a/four', title: 'Four', track: 'Track A' },
  ];
  const record = recordVisit(
    recordAttempt(recordAttempt(emptyProgress(), 'a/one', 1, true, t1), 'a/two', 0.4, false, t2),
    'a/three',
    t3,
  );

  it('writes a Markdown table with dates and scores, escaping pipes', () => {
    expect(progressMarkdown(record, modules, t2)).toBe(
      [
        '# Tandem cross-training record',
        '',
        'Exported 2026-11-21. Completed 1 of 4 modules.',
        '',
        '| Track | Module | Completed | Best score | Attempts |',
        '| --- | --- | --- | --- | --- |',
        '| Track A | One \\| first | 2026-11-20 | 100% | 1 |',
        '| Track A | Two | not yet | 40% | 1 |',
        '| Track A | Three | not yet | – | 0 |',
        '',
      ].join('\n'),
    );
  });

  it('writes versioned JSON with every stored field, in curriculum order', () => {
    const json = JSON.parse(progressJson(record, modules, t2));
    expect(json).toMatchObject({
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: t2.toISOString(),
    });
    expect(json.modules.map((m: { id: string }) => m.id)).toEqual(['a/one', 'a/two', 'a/three']);
    expect(json.modules[1]).toEqual({
      id: 'a/two',
      title: 'Two',
      track: 'Track A',
      ...record.modules['a/two'],
    });
  });
});
