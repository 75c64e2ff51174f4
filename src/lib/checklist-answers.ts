/**
 * Answers within a run (done, not applicable with a reason, open, and a note per item), and
 * what changed in the checklist since the run began. Pure: every function returns new data.
 */
import {
  LIMITS,
  type ChecklistRun,
  type ItemAnswer,
  type ItemStatus,
  type RunStore,
} from './checklist-run-store.ts';
import type { ChecklistShape } from './checklist-runs.ts';

/** The words for each status, in the order the choices are offered. */
export const STATUS_LABELS: Record<ItemStatus, string> = { done: 'Done', na: 'Not applicable', open: 'Open' };

const OPEN: ItemAnswer = { status: 'open', reason: '', note: '' };

export const answerOf = (run: ChecklistRun | undefined, itemId: string): ItemAnswer =>
  run?.answers[itemId] ?? OPEN;

/** Applies a change to one item's answer. Open items with no reason or note are not stored. */
export function answerItem(
  store: RunStore,
  runId: string,
  itemId: string,
  change: Partial<ItemAnswer>,
  now: Date,
): RunStore {
  const runs = store.runs.map((run) => {
    if (run.id !== runId) return run;
    const merged = { ...answerOf(run, itemId), ...change };
    const next: ItemAnswer = {
      status: merged.status,
      reason: merged.reason.slice(0, LIMITS.reason),
      note: merged.note.slice(0, LIMITS.note),
    };
    const { [itemId]: _previous, ...others } = run.answers;
    const blank = next.status === 'open' && !next.reason && !next.note;
    return { ...run, updatedAt: now.toISOString(), answers: blank ? others : { ...others, [itemId]: next } };
  });
  return { ...store, runs };
}

export interface RunSummary {
  done: number;
  na: number;
  open: number;
  total: number;
}

/** Counts over the checklist's current items only. */
export function summarizeRun(run: ChecklistRun | undefined, itemIds: readonly string[]): RunSummary {
  const summary: RunSummary = { done: 0, na: 0, open: 0, total: itemIds.length };
  for (const id of itemIds) summary[answerOf(run, id).status] += 1;
  return summary;
}

export interface RunChanges {
  /** True when the checklist's items changed since the run began (wording included). */
  changed: boolean;
  /** Current items the run did not know about, in checklist order. */
  newItems: string[];
}

export function runChanges(run: ChecklistRun | undefined, checklist: ChecklistShape): RunChanges {
  if (!run || run.checklistVersion === checklist.version) return { changed: false, newItems: [] };
  const known = new Set(run.knownItems);
  return { changed: true, newItems: checklist.itemIds.filter((id) => !known.has(id)) };
}

/** The reader has looked at the changes: the run now knows the checklist as it is. */
export function markUpToDate(store: RunStore, runId: string, checklist: ChecklistShape, now: Date): RunStore {
  const runs = store.runs.map((run) =>
    run.id === runId
      ? {
          ...run,
          checklistVersion: checklist.version,
          knownItems: [...checklist.itemIds],
          updatedAt: now.toISOString(),
        }
      : run,
  );
  return { ...store, runs };
}
