import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeModule, mergeProgress, mergeSummary } from '../../src/lib/learn/progress-merge.ts';
import { notStarted, type ModuleProgress, type ProgressRecord } from '../../src/lib/learn/progress-store.ts';

const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}T10:00:00.000Z`;
const entry = (fields: Partial<ModuleProgress> = {}): ModuleProgress => ({ ...notStarted(), ...fields });
const recordOf = (modules: Record<string, ModuleProgress>): ProgressRecord => ({ version: 3, modules });

describe('merging one module', () => {
  it('keeps the earliest pass, the best score, the most attempts and the latest visit from either side', () => {
    const local = entry({
      completedAt: day(5),
      bestScore: 0.8,
      lastScore: 0.8,
      attempts: 2,
      lastAttemptAt: day(5),
      lastVisitedAt: day(9),
    });
    const incoming = entry({
      completedAt: day(3),
      bestScore: 0.9,
      lastScore: 0.5,
      attempts: 4,
      lastAttemptAt: day(7),
      lastVisitedAt: day(7),
    });
    expect(mergeModule(local, incoming)).toEqual({
      completedAt: day(3),
      bestScore: 0.9,
      lastScore: 0.5,
      attempts: 4,
      lastAttemptAt: day(7),
      lastVisitedAt: day(9),
    });
  });

  it('takes the last score from the newer attempt, whichever side it is on', () => {
    const older = entry({ lastScore: 0.2, bestScore: 0.2, attempts: 1, lastAttemptAt: day(1) });
    const newer = entry({ lastScore: 0.6, bestScore: 0.6, attempts: 1, lastAttemptAt: day(2) });
    expect(mergeModule(older, newer).lastScore).toBe(0.6);
    expect(mergeModule(newer, older).lastScore).toBe(0.6);
  });

  it('falls back to the later activity when neither side knows its attempt time, and keeps this browser’s on a tie', () => {
    const local = entry({ lastScore: 0.2, attempts: 1, completedAt: day(1) });
    const incoming = entry({ lastScore: 0.6, attempts: 1, lastVisitedAt: day(2) });
    expect(mergeModule(local, incoming).lastScore).toBe(0.6);
    expect(mergeModule(local, { ...incoming, lastVisitedAt: day(1) }).lastScore).toBe(0.2);
  });

  it('keeps a pass from the side that has one', () => {
    expect(mergeModule(entry(), entry({ completedAt: day(4) })).completedAt).toBe(day(4));
    expect(mergeModule(entry({ completedAt: day(4) }), entry()).completedAt).toBe(day(4));
  });

  const date = fc.option(fc.integer({ min: 1, max: 28 }).map(day), { nil: null });
  const anyEntry = fc.record({
    completedAt: date,
    bestScore: fc.double({ min: 0, max: 1, noNaN: true }),
    lastScore: fc.double({ min: 0, max: 1, noNaN: true }),
    attempts: fc.nat(20),
    lastAttemptAt: date,
    lastVisitedAt: date,
  });

  it('is idempotent: merging the same entry again changes nothing', () => {
    fc.assert(
      fc.property(anyEntry, anyEntry, (a, b) => {
        const once = mergeModule(a, b);
        expect(mergeModule(once, b)).toEqual(once);
        expect(mergeModule(a, a)).toEqual(a);
      }),
    );
  });

  it('gives the same pass, best score, attempts and visit whichever side is local', () => {
    fc.assert(
      fc.property(anyEntry, anyEntry, (a, b) => {
        const { lastScore: _x, lastAttemptAt: _y, ...ab } = mergeModule(a, b);
        const { lastScore: _z, lastAttemptAt: _w, ...ba } = mergeModule(b, a);
        expect(ab).toEqual(ba);
      }),
    );
  });
});

describe('merging records', () => {
  const local = recordOf({
    'a/one': entry({ lastVisitedAt: day(1) }),
    'a/two': entry({ completedAt: day(2), attempts: 1, bestScore: 1, lastScore: 1 }),
  });
  const incoming = recordOf({
    'a/two': entry({ completedAt: day(2), attempts: 1, bestScore: 1, lastScore: 1 }),
    'a/one': entry({ lastVisitedAt: day(3) }),
    'b/new': entry({ lastVisitedAt: day(3) }),
  });

  it('adds new modules, updates changed ones, keeps the rest, and counts each', () => {
    const result = mergeProgress(local, incoming);
    expect(result.record.modules).toEqual({
      'a/one': entry({ lastVisitedAt: day(3) }),
      'a/two': local.modules['a/two'],
      'b/new': entry({ lastVisitedAt: day(3) }),
    });
    expect(result).toMatchObject({ added: 1, updated: 1, unchanged: 1 });
    expect(mergeSummary(result)).toBe('Imported 3 modules: 1 new, 1 updated, 1 already up to date.');
  });

  it('keeps modules only this browser has, and leaves both inputs as they were', () => {
    const before = structuredClone(local);
    const result = mergeProgress(local, recordOf({}));
    expect(result.record).toEqual(local);
    expect(local).toEqual(before);
    expect(mergeSummary(result)).toBe('The file holds no module progress, so nothing changed.');
  });

  it('says when an import changed nothing', () => {
    const result = mergeProgress(local, recordOf({ 'a/two': local.modules['a/two']! }));
    expect(mergeSummary(result)).toBe('Imported 1 module: 1 already up to date.');
  });
});
