/*
 * Checklist runs, kept only in this browser's localStorage, one key per checklist.
 *
 * Key: "tandem:checklist-runs:<checklist id>". Value (version 1, current):
 *   { "version": 1,
 *     "activeRunId": "lx3k2a9f",
 *     "runs": [ { "id": "lx3k2a9f", "name": "Fraud model v2",
 *                 "createdAt": "2026-11-25T10:00:00.000Z", "updatedAt": "2026-11-25T10:20:00.000Z",
 *                 "checklistVersion": "1a2b3c4d",
 *                 "knownItems": ["lawful-basis", "special-category-data"],
 *                 "answers": { "lawful-basis": { "status": "na", "reason": "No personal data", "note": "" } } } ] }
 * checklistVersion and knownItems are the checklist's version and item ids when the run began
 * (or was last marked up to date): an item id missing from knownItems is new to the run.
 * status is "done" | "na" | "open"; an item with no answer is open. Answers to items the
 * checklist no longer has are kept but not shown or exported.
 * Anything unreadable (corrupt JSON, another app's data, a value over MAX_BYTES, a newer
 * version) is replaced by an empty store and the reader is told; unreadable runs or answers
 * inside a good store are dropped one by one, also with a notice (src/lib/stored-state.ts reads
 * the part every store shares).
 */

import { isDate, isObject, isText, parseStoredState, removed } from './stored-state.ts';

export { MAX_BYTES } from './stored-state.ts';

export const runStoreKey = (checklistId: string) => `tandem:checklist-runs:${checklistId}`;
/** Longest run name, N/A reason and note a reader can store, and most runs per checklist. */
export const LIMITS = { name: 80, reason: 500, note: 4000, runs: 50 } as const;

export type ItemStatus = 'done' | 'na' | 'open';
export const STATUSES: readonly ItemStatus[] = ['done', 'na', 'open'];

export interface ItemAnswer {
  status: ItemStatus;
  /** Why the item does not apply; kept when the status changes so it is not lost by a misclick. */
  reason: string;
  note: string;
}

export interface ChecklistRun {
  id: string;
  name: string;
  createdAt: string;
  updatedAt: string;
  checklistVersion: string;
  knownItems: string[];
  answers: Record<string, ItemAnswer>;
}

export interface RunStore {
  version: 1;
  activeRunId: string | null;
  runs: ChecklistRun[];
}

export interface RunStoreLoad {
  store: RunStore;
  /** Set when stored data could not be used, in whole or in part. */
  notice?: string;
}

export const emptyRunStore = (): RunStore => ({ version: 1, activeRunId: null, runs: [] });

function isAnswer(v: unknown): v is ItemAnswer {
  return (
    isObject(v) &&
    STATUSES.includes(v['status'] as ItemStatus) &&
    isText(v['reason'], LIMITS.reason) &&
    isText(v['note'], LIMITS.note)
  );
}

/** A run with its unreadable answers dropped (and counted), or null when the run itself is unreadable. */
function readRun(v: unknown): { run: ChecklistRun; dropped: number } | null {
  if (
    !isObject(v) ||
    !isText(v['id'], 40) ||
    !v['id'] ||
    !isText(v['name'], LIMITS.name) ||
    !v['name'].trim()
  )
    return null;
  if (!isDate(v['createdAt']) || !isDate(v['updatedAt']) || !isText(v['checklistVersion'], 40)) return null;
  const known = v['knownItems'];
  if (!Array.isArray(known) || !known.every((id) => isText(id, 200)) || !isObject(v['answers'])) return null;
  const entries = Object.entries(v['answers']);
  const answers = Object.fromEntries(entries.filter(([, a]) => isAnswer(a))) as Record<string, ItemAnswer>;
  const run: ChecklistRun = {
    id: v['id'],
    name: v['name'],
    createdAt: v['createdAt'],
    updatedAt: v['updatedAt'],
    checklistVersion: v['checklistVersion'],
    knownItems: known as string[],
    answers,
  };
  return { run, dropped: entries.length - Object.keys(answers).length };
}

/** Version 1: runs read one by one, unreadable ones (and answers) dropped and counted. */
function readVersion1(data: Record<string, unknown>) {
  if (!Array.isArray(data['runs'])) return null;
  const runs: ChecklistRun[] = [];
  let droppedRuns = 0;
  let droppedAnswers = 0;
  for (const entry of data['runs'].slice(0, LIMITS.runs)) {
    const read = readRun(entry);
    if (!read || runs.some((r) => r.id === read.run.id)) {
      droppedRuns += 1;
    } else {
      runs.push(read.run);
      droppedAnswers += read.dropped;
    }
  }
  droppedRuns += Math.max(0, data['runs'].length - LIMITS.runs);
  const active = runs.find((r) => r.id === data['activeRunId']) ?? runs[0];
  const value: RunStore = { version: 1, activeRunId: active?.id ?? null, runs };
  const lost = [
    droppedRuns && removed(droppedRuns, 'unreadable run', 'unreadable runs'),
    droppedAnswers && removed(droppedAnswers, 'unreadable answer', 'unreadable answers'),
  ].filter(Boolean);
  return lost.length ? { value, notice: `Saved checklist runs: ${lost.join(' and ')}.` } : { value };
}

const RESET = 'Your saved runs of this checklist could not be read and have been reset.';

/** Reads a stored value; never throws. */
export function parseRunStore(raw: string | null): RunStoreLoad {
  const { value, notice } = parseStoredState(raw, {
    empty: emptyRunStore,
    versions: { 1: readVersion1 },
    notices: { reset: RESET, tooLarge: `${RESET} (They were larger than expected.)` },
  });
  return notice ? { store: value, notice } : { store: value };
}
