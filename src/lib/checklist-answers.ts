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

/** The hint under the N/A reason field: before a reason is given, and while one is missing. */
export const REASON_HINT = {
  ask: 'Not applicable counts only with a reason.',
  missing: 'Give a reason: until then this item counts as open.',
} as const;

/** "Not applicable" counts only with a reason; until then the item is still open. */
export const needsReason = (answer: ItemAnswer): boolean => answer.status === 'na' && !answer.reason.trim();

/** The status an answer counts as: N/A without a reason is open. */
export const settledStatus = (answer: ItemAnswer): ItemStatus =>
  needsReason(answer) ? 'open' : answer.status;

/** Done, or not applicable with a reason. */
export const isSettled = (answer: ItemAnswer): boolean => settledStatus(answer) !== 'open';

export interface RunSummary {
  done: number;
  /** Not applicable, with a reason. */
  na: number;
  /** Open, including items marked N/A that still need a reason. */
  open: number;
  /** Items marked N/A without a reason yet (counted as open). */
  needReason: number;
  total: number;
}

/** Counts over the checklist's current items only. */
export function summarizeRun(run: ChecklistRun | undefined, itemIds: readonly string[]): RunSummary {
  const summary: RunSummary = { done: 0, na: 0, open: 0, needReason: 0, total: itemIds.length };
  for (const id of itemIds) {
    const answer = answerOf(run, id);
    summary[settledStatus(answer)] += 1;
    if (needsReason(answer)) summary.needReason += 1;
  }
  return summary;
}

/** "3 done, 1 not applicable, 6 open of 10 items", plus any N/A still waiting for a reason. */
export function summaryText({ done, na, open, needReason, total }: RunSummary): string {
  const pending = needReason
    ? ` (${needReason} marked not applicable ${needReason === 1 ? 'needs a reason' : 'need reasons'})`
    : '';
  return `${done} done, ${na} not applicable, ${open} open${pending} of ${total} items`;
}

export interface SectionProgress {
  id: string;
  title: string;
  /** Done, or not applicable with a reason. */
  settled: number;
  total: number;
}

/** Progress per section, for the sticky summary's jump links. */
export function sectionProgress(
  run: ChecklistRun | undefined,
  sections: ReadonlyArray<{ id: string; title: string; items: ReadonlyArray<{ id: string }> }>,
): SectionProgress[] {
  return sections.map((s) => ({
    id: s.id,
    title: s.title,
    settled: s.items.filter((i) => isSettled(answerOf(run, i.id))).length,
    total: s.items.length,
  }));
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
