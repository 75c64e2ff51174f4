/**
 * Named runs of one checklist: start, rename, switch and delete. Pure: every function returns
 * a new store. Names are what readers tell runs apart by, so they are trimmed, non-empty and
 * unique (ignoring case) within a checklist.
 */
import { LIMITS, type ChecklistRun, type RunStore } from './checklist-run-store.ts';

/** What a run needs to know about the checklist it belongs to. */
export interface ChecklistShape {
  version: string;
  itemIds: readonly string[];
}

export type RunResult = { ok: true; store: RunStore; run: ChecklistRun } | { ok: false; error: string };

export const activeRun = (store: RunStore): ChecklistRun | undefined =>
  store.runs.find((r) => r.id === store.activeRunId) ?? store.runs[0];

const tidy = (name: string) => name.replace(/\s+/g, ' ').trim();

/** Why a name cannot be used, or null when it can; `exceptId` is the run being renamed. */
export function nameError(store: RunStore, name: string, exceptId?: string): string | null {
  const clean = tidy(name);
  if (!clean) return 'Give the run a name.';
  if (clean.length > LIMITS.name) return `Run names can be at most ${LIMITS.name} characters.`;
  const taken = store.runs.some((r) => r.id !== exceptId && r.name.toLowerCase() === clean.toLowerCase());
  return taken ? `There is already a run called “${clean}”. Choose another name.` : null;
}

/** "Run 1", "Run 2"… the first such name not yet taken. */
export function defaultRunName(store: RunStore): string {
  for (let n = store.runs.length + 1; ; n++) if (!nameError(store, `Run ${n}`)) return `Run ${n}`;
}

/** Starts a run that knows the checklist as it is now, and makes it the active one. */
export function createRun(
  store: RunStore,
  name: string,
  id: string,
  checklist: ChecklistShape,
  now: Date,
): RunResult {
  const error =
    store.runs.length >= LIMITS.runs
      ? `You have ${LIMITS.runs} runs of this checklist; delete one first.`
      : nameError(store, name);
  if (error) return { ok: false, error };
  const at = now.toISOString();
  const run: ChecklistRun = {
    id,
    name: tidy(name),
    createdAt: at,
    updatedAt: at,
    checklistVersion: checklist.version,
    knownItems: [...checklist.itemIds],
    answers: {},
  };
  return { ok: true, run, store: { version: 1, activeRunId: id, runs: [...store.runs, run] } };
}

export function renameRun(store: RunStore, runId: string, name: string, now: Date): RunResult {
  const current = store.runs.find((r) => r.id === runId);
  if (!current) return { ok: false, error: 'That run no longer exists.' };
  const error = nameError(store, name, runId);
  if (error) return { ok: false, error };
  const run = { ...current, name: tidy(name), updatedAt: now.toISOString() };
  return { ok: true, run, store: { ...store, runs: store.runs.map((r) => (r.id === runId ? run : r)) } };
}

export function switchRun(store: RunStore, runId: string): RunStore {
  return store.runs.some((r) => r.id === runId) ? { ...store, activeRunId: runId } : store;
}

/** Removes a run; the next one (or the previous, if it was last) becomes active. */
export function deleteRun(store: RunStore, runId: string): RunStore {
  const index = store.runs.findIndex((r) => r.id === runId);
  if (index < 0) return store;
  const runs = store.runs.filter((r) => r.id !== runId);
  const active = store.activeRunId === runId ? (runs[index] ?? runs[index - 1]) : activeRun(store);
  return { version: 1, activeRunId: active?.id ?? null, runs };
}
