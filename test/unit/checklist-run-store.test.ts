import { describe, expect, it } from 'vitest';
import { answerItem } from '../../src/lib/checklist-answers.ts';
import {
  emptyRunStore,
  LIMITS,
  MAX_BYTES,
  parseRunStore,
  runStoreKey,
  type RunStore,
} from '../../src/lib/checklist-run-store.ts';
import { createRun } from '../../src/lib/checklist-runs.ts';
import { shape } from './checklist-fixture.ts';

const t1 = new Date('2026-11-20T10:00:00Z');

function storeWithOneRun(): RunStore {
  const created = createRun(emptyRunStore(), 'Fraud model', 'r1', shape, t1);
  if (!created.ok) throw new Error(created.error);
  return answerItem(created.store, 'r1', 'data-encrypted', { status: 'na', reason: 'No data at rest' }, t1);
}

describe('checklist run store', () => {
  it('keeps each checklist’s runs under its own key', () => {
    expect(runStoreKey('release-review')).toBe('tandem:checklist-runs:release-review');
  });

  it('starts empty when nothing is stored, without a notice', () => {
    expect(parseRunStore(null)).toEqual({ store: emptyRunStore() });
  });

  it('round-trips a stored store', () => {
    const store = storeWithOneRun();
    expect(parseRunStore(JSON.stringify(store))).toEqual({ store });
  });

  it.each([
    ['corrupt JSON', '{"version":1,"runs":[{"id":'],
    ['another app’s value', '"dark"'],
    ['a progress record', JSON.stringify({ version: 2, modules: {} })],
    ['an array', '[1,2,3]'],
    ['null', 'null'],
    ['a newer version', JSON.stringify({ version: 2, activeRunId: null, runs: [] })],
    ['runs that are not a list', JSON.stringify({ version: 1, activeRunId: null, runs: {} })],
    ['oversized data', JSON.stringify({ ...emptyRunStore(), pad: 'x'.repeat(MAX_BYTES) })],
  ])('resets %s to an empty store and says so', (_name, raw) => {
    const result = parseRunStore(raw);
    expect(result.store).toEqual(emptyRunStore());
    expect(result.notice).toMatch(
      /^Your saved runs of this checklist could not be read and have been reset\./,
    );
  });

  it('says why when the value was too large', () => {
    expect(parseRunStore('x'.repeat(MAX_BYTES + 1)).notice).toMatch(/larger than expected/);
  });

  it('drops only the runs and answers it cannot read, and counts them', () => {
    const good = storeWithOneRun().runs[0]!;
    const raw = JSON.stringify({
      version: 1,
      activeRunId: 'r1',
      runs: [
        {
          ...good,
          answers: { ...good.answers, 'owner-named': { status: 'maybe', reason: '', note: '' }, x: 'done' },
        },
        { ...good, id: 'r2', name: '   ' },
        { ...good, id: 'r3', createdAt: 'last week' },
        { ...good, id: 'r4', knownItems: 'all' },
        { ...good, name: 'Same id as the first' },
        42,
      ],
    });
    const result = parseRunStore(raw);
    expect(result.store.runs.map((r) => r.id)).toEqual(['r1']);
    expect(Object.keys(result.store.runs[0]!.answers)).toEqual(['data-encrypted']);
    expect(result.notice).toBe(
      'Saved checklist runs: 5 unreadable runs were removed and 2 unreadable answers were removed.',
    );
  });

  it('rejects answers whose note or reason is longer than a reader can type', () => {
    const good = storeWithOneRun().runs[0]!;
    const answers = {
      a: { status: 'done', reason: '', note: 'n'.repeat(LIMITS.note + 1) },
      b: { status: 'na', reason: 'r'.repeat(LIMITS.reason + 1), note: '' },
    };
    const result = parseRunStore(
      JSON.stringify({ version: 1, activeRunId: 'r1', runs: [{ ...good, answers }] }),
    );
    expect(result.store.runs[0]!.answers).toEqual({});
    expect(result.notice).toBe('Saved checklist runs: 2 unreadable answers were removed.');
  });

  it('falls back to the first run when the active run is missing', () => {
    const store = { ...storeWithOneRun(), activeRunId: 'gone' };
    expect(parseRunStore(JSON.stringify(store))).toEqual({ store: { ...store, activeRunId: 'r1' } });
  });

  it('keeps at most the run limit and says how many it dropped', () => {
    const run = storeWithOneRun().runs[0]!;
    const runs = Array.from({ length: LIMITS.runs + 2 }, (_, i) => ({
      ...run,
      id: `r${i}`,
      name: `Run ${i}`,
    }));
    const result = parseRunStore(JSON.stringify({ version: 1, activeRunId: 'r0', runs }));
    expect(result.store.runs).toHaveLength(LIMITS.runs);
    expect(result.notice).toBe('Saved checklist runs: 2 unreadable runs were removed.');
  });
});
