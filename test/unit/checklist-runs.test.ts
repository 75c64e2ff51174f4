import { describe, expect, it } from 'vitest';
import {
  answerItem,
  answerOf,
  markUpToDate,
  runChanges,
  sectionProgress,
  summarizeRun,
  summaryText,
} from '../../src/lib/checklist-answers.ts';
import { emptyRunStore, LIMITS, type RunStore } from '../../src/lib/checklist-run-store.ts';
import {
  activeRun,
  createRun,
  defaultRunName,
  deleteRun,
  renameRun,
  switchRun,
  type RunResult,
} from '../../src/lib/checklist-runs.ts';
import { shape } from './checklist-fixture.ts';

const t1 = new Date('2026-11-20T10:00:00Z');
const t2 = new Date('2026-11-21T10:00:00Z');

function ok(result: RunResult): RunStore {
  if (!result.ok) throw new Error(result.error);
  return result.store;
}

const twoRuns = () =>
  ok(createRun(ok(createRun(emptyRunStore(), 'Fraud model', 'a', shape, t1)), 'Churn model', 'b', shape, t1));

describe('named checklist runs', () => {
  it('starts a run that knows the checklist’s version and items, and makes it active', () => {
    const store = ok(createRun(emptyRunStore(), '  Fraud   model ', 'a', shape, t1));
    expect(store.activeRunId).toBe('a');
    expect(store.runs[0]).toEqual({
      id: 'a',
      name: 'Fraud model',
      createdAt: t1.toISOString(),
      updatedAt: t1.toISOString(),
      checklistVersion: shape.version,
      knownItems: [...shape.itemIds],
      answers: {},
    });
  });

  it('offers “Run 1”, “Run 2”… skipping names already taken', () => {
    expect(defaultRunName(emptyRunStore())).toBe('Run 1');
    const store = ok(createRun(emptyRunStore(), 'run 2', 'a', shape, t1));
    expect(defaultRunName(store)).toBe('Run 3');
  });

  it.each([
    ['an empty name', '   ', 'Give the run a name.'],
    [
      'a name taken by another run, ignoring case',
      'CHURN MODEL',
      'There is already a run called “CHURN MODEL”. Choose another name.',
    ],
    [
      'a name that is too long',
      'x'.repeat(LIMITS.name + 1),
      `Run names can be at most ${LIMITS.name} characters.`,
    ],
  ])('refuses %s with a message the reader can act on', (_case, name, error) => {
    expect(createRun(twoRuns(), name, 'c', shape, t1)).toEqual({ ok: false, error });
  });

  it('refuses a run beyond the limit', () => {
    let store = emptyRunStore();
    for (let i = 0; i < LIMITS.runs; i++) store = ok(createRun(store, `Run ${i}`, `r${i}`, shape, t1));
    expect(createRun(store, 'One more', 'x', shape, t1)).toEqual({
      ok: false,
      error: `You have ${LIMITS.runs} runs of this checklist; delete one first.`,
    });
  });

  it('renames a run, allowing a change of case of its own name', () => {
    const store = ok(renameRun(twoRuns(), 'a', 'FRAUD model', t2));
    expect(store.runs.map((r) => r.name)).toEqual(['FRAUD model', 'Churn model']);
    expect(store.runs[0]!.updatedAt).toBe(t2.toISOString());
    expect(renameRun(store, 'a', 'churn model', t2)).toMatchObject({ ok: false });
    expect(renameRun(store, 'gone', 'x', t2)).toEqual({ ok: false, error: 'That run no longer exists.' });
  });

  it('switches between runs and ignores an unknown id', () => {
    const store = switchRun(twoRuns(), 'a');
    expect(activeRun(store)!.name).toBe('Fraud model');
    expect(switchRun(store, 'gone')).toBe(store);
  });

  it('deletes a run and activates its neighbour', () => {
    const store = twoRuns();
    expect(deleteRun(store, 'b')).toMatchObject({ activeRunId: 'a', runs: [{ id: 'a' }] });
    expect(deleteRun(switchRun(store, 'a'), 'a')).toMatchObject({ activeRunId: 'b', runs: [{ id: 'b' }] });
    expect(deleteRun(store, 'a').activeRunId).toBe('b');
    expect(deleteRun(deleteRun(store, 'a'), 'b')).toEqual(emptyRunStore());
  });
});

describe('answers in a run', () => {
  it('records done, not applicable with a reason, and notes, per run', () => {
    let store = twoRuns();
    store = answerItem(store, 'a', 'owner-named', { status: 'done' }, t2);
    store = answerItem(store, 'a', 'data-encrypted', { status: 'na', reason: 'No data at rest' }, t2);
    store = answerItem(store, 'a', 'model-card', { note: 'Draft in review' }, t2);
    const [a, b] = store.runs;
    expect(answerOf(a, 'owner-named')).toEqual({ status: 'done', reason: '', note: '' });
    expect(answerOf(a, 'data-encrypted')).toEqual({ status: 'na', reason: 'No data at rest', note: '' });
    expect(answerOf(a, 'model-card')).toEqual({ status: 'open', reason: '', note: 'Draft in review' });
    expect(a!.updatedAt).toBe(t2.toISOString());
    expect(b!.answers).toEqual({});
    expect(summarizeRun(a, shape.itemIds)).toEqual({ done: 1, na: 1, open: 3, needReason: 0, total: 5 });
  });

  it('keeps the N/A reason when the status changes back, and forgets an item set back to blank', () => {
    let store = answerItem(twoRuns(), 'a', 'data-encrypted', { status: 'na', reason: 'No data' }, t2);
    store = answerItem(store, 'a', 'data-encrypted', { status: 'done' }, t2);
    expect(answerOf(store.runs[0], 'data-encrypted').reason).toBe('No data');
    store = answerItem(store, 'a', 'data-encrypted', { status: 'open', reason: '' }, t2);
    expect(store.runs[0]!.answers).toEqual({});
  });

  it('cuts over-long notes and reasons to the stored limits', () => {
    const store = answerItem(
      twoRuns(),
      'a',
      'owner-named',
      { note: 'n'.repeat(LIMITS.note + 10), reason: 'r'.repeat(LIMITS.reason + 10) },
      t2,
    );
    expect(answerOf(store.runs[0], 'owner-named').note).toHaveLength(LIMITS.note);
    expect(answerOf(store.runs[0], 'owner-named').reason).toHaveLength(LIMITS.reason);
  });

  it('counts only the checklist’s current items', () => {
    const store = answerItem(twoRuns(), 'a', 'removed-item', { status: 'done' }, t2);
    expect(summarizeRun(store.runs[0], shape.itemIds)).toEqual({
      done: 0,
      na: 0,
      open: 5,
      needReason: 0,
      total: 5,
    });
  });
});

describe('a run after the checklist changed', () => {
  const v2 = {
    version: 'feedf00d',
    itemIds: [
      'owner-named',
      'threat-model',
      'data-encrypted',
      'model-card',
      'drift-alerts',
      'rollback-tested',
      'red-team',
    ],
  };

  it('shows nothing new while the version is the one the run began on', () => {
    expect(runChanges(twoRuns().runs[0], shape)).toEqual({ changed: false, newItems: [] });
  });

  it('lists the items added since the run began, in checklist order', () => {
    expect(runChanges(twoRuns().runs[0], v2)).toEqual({
      changed: true,
      newItems: ['threat-model', 'red-team'],
    });
  });

  it('notices reworded items even when no item is new', () => {
    expect(runChanges(twoRuns().runs[0], { ...shape, version: 'feedf00d' })).toEqual({
      changed: true,
      newItems: [],
    });
  });

  it('is up to date once the reader marks it so, and keeps its answers', () => {
    let store = answerItem(twoRuns(), 'a', 'owner-named', { status: 'done' }, t1);
    store = markUpToDate(store, 'a', v2, t2);
    expect(runChanges(store.runs[0], v2)).toEqual({ changed: false, newItems: [] });
    expect(store.runs[0]).toMatchObject({
      checklistVersion: 'feedf00d',
      knownItems: v2.itemIds,
      updatedAt: t2.toISOString(),
    });
    expect(answerOf(store.runs[0], 'owner-named').status).toBe('done');
    expect(runChanges(store.runs[1], v2).newItems).toEqual(['threat-model', 'red-team']);
  });
});

describe('not applicable needs a reason before it counts', () => {
  const itemIds = ['a', 'b', 'c'];
  const store = (
    answers: Record<string, { status: 'done' | 'na' | 'open'; reason: string; note: string }>,
  ) => ({
    id: 'r',
    name: 'Run',
    createdAt: '2026-11-20T10:00:00.000Z',
    updatedAt: '2026-11-20T10:00:00.000Z',
    checklistVersion: 'v',
    knownItems: itemIds,
    answers,
  });

  it('counts an N/A without a reason (or only spaces) as open, and says how many need one', () => {
    const run = store({
      a: { status: 'na', reason: '', note: '' },
      b: { status: 'na', reason: '   ', note: '' },
      c: { status: 'na', reason: 'No personal data', note: '' },
    });
    const summary = summarizeRun(run, itemIds);
    expect(summary).toEqual({ done: 0, na: 1, open: 2, needReason: 2, total: 3 });
    expect(summaryText(summary)).toBe(
      '0 done, 1 not applicable, 2 open (2 marked not applicable need reasons) of 3 items',
    );
  });

  it('reports progress per section, counting done and reasoned N/A only', () => {
    const run = store({
      a: { status: 'done', reason: '', note: '' },
      b: { status: 'na', reason: '', note: '' },
      c: { status: 'na', reason: 'Batch only', note: '' },
    });
    expect(
      sectionProgress(run, [
        { id: 's1', title: 'First', items: [{ id: 'a' }, { id: 'b' }] },
        { id: 's2', title: 'Second', items: [{ id: 'c' }] },
      ]),
    ).toEqual([
      { id: 's1', title: 'First', settled: 1, total: 2 },
      { id: 's2', title: 'Second', settled: 1, total: 1 },
    ]);
  });
});
