/*
 * Reader progress, kept only in this browser's localStorage under one key.
 *
 * Key: "tandem:progress". Value (version 3, current):
 *   { "version": 3,
 *     "modules": { "<track>/<slug>": { "completedAt": "2026-11-25T10:00:00.000Z" | null,
 *                                      "bestScore": 0.8, "lastScore": 0.6, "attempts": 3,
 *                                      "lastAttemptAt": "2026-11-26T09:00:00.000Z" | null,
 *                                      "lastVisitedAt": "2026-11-27T08:00:00.000Z" | null } } }
 * A module is complete once a knowledge check is passed; completedAt is the first pass. A module
 * with an entry that is not complete is in progress (opened, or attempted); scores are 0 until
 * the first attempt (attempts 0). Timestamps are null when unknown.
 * Older values are migrated on read: version 2 (the same entries without lastAttemptAt and
 * lastVisitedAt) and version 1 (early builds: completion dates only, { "version": 1,
 * "completed": { id: iso } }). Anything else (corrupt JSON, another app's data, a value over
 * MAX_BYTES, a newer version) is replaced by an empty record and the reader is told;
 * unreadable entries inside a good record are dropped, also with a notice.
 */
import { isDate, isDateOrNull, isObject, parseStoredState, removed, type Loaded } from '../stored-state.ts';

export { MAX_BYTES } from '../stored-state.ts';

export const PROGRESS_KEY = 'tandem:progress';

export interface ModuleProgress {
  completedAt: string | null;
  bestScore: number;
  lastScore: number;
  attempts: number;
  lastAttemptAt: string | null;
  lastVisitedAt: string | null;
}

export interface ProgressRecord {
  version: 3;
  modules: Record<string, ModuleProgress>;
}

export interface LoadResult {
  record: ProgressRecord;
  /** Set when stored data could not be used and was reset. */
  notice?: string;
}

export const emptyProgress = (): ProgressRecord => ({ version: 3, modules: {} });

/** A module the reader has not touched; every stored entry starts from this. */
export const notStarted = (): ModuleProgress => ({
  completedAt: null,
  bestScore: 0,
  lastScore: 0,
  attempts: 0,
  lastAttemptAt: null,
  lastVisitedAt: null,
});

const isScore = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= 1;
const isCount = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
/**
 * A stored key that can be a module id, "<track>/<slug>", with room to spare. The slash also
 * keeps out "__proto__" and other names objects treat specially.
 */
export const isModuleId = (id: unknown): id is string =>
  typeof id === 'string' && id.length <= 200 && /^[^/\s]+\/\S+$/.test(id);

/** A module entry with only the known fields, or null when it is unreadable. Version 2 entries lack the timestamps. */
export function readModuleProgress(v: unknown, version: 2 | 3 = 3): ModuleProgress | null {
  if (!isObject(v)) return null;
  const { completedAt, bestScore, lastScore, attempts } = v;
  const lastAttemptAt = version === 2 ? null : v['lastAttemptAt'];
  const lastVisitedAt = version === 2 ? null : v['lastVisitedAt'];
  const readable =
    isDateOrNull(completedAt) &&
    isScore(bestScore) &&
    isScore(lastScore) &&
    isCount(attempts) &&
    isDateOrNull(lastAttemptAt) &&
    isDateOrNull(lastVisitedAt);
  return readable ? { completedAt, bestScore, lastScore, attempts, lastAttemptAt, lastVisitedAt } : null;
}

function readModules(data: Record<string, unknown>, version: 2 | 3): Loaded<ProgressRecord> | null {
  if (!isObject(data['modules'])) return null;
  const entries = Object.entries(data['modules']);
  const modules: Record<string, ModuleProgress> = {};
  for (const [id, entry] of entries) {
    const read = isModuleId(id) ? readModuleProgress(entry, version) : null;
    if (read) modules[id] = read;
  }
  const value: ProgressRecord = { version: 3, modules };
  const dropped = entries.length - Object.keys(modules).length;
  return dropped
    ? { value, notice: `${removed(dropped, 'unreadable progress entry', 'unreadable progress entries')}.` }
    : { value };
}

function readVersion1(data: Record<string, unknown>): Loaded<ProgressRecord> | null {
  if (!isObject(data['completed'])) return null;
  const modules: Record<string, ModuleProgress> = {};
  for (const [id, at] of Object.entries(data['completed'])) {
    if (isDate(at) && isModuleId(id))
      modules[id] = { ...notStarted(), completedAt: at, bestScore: 1, lastScore: 1, attempts: 1 };
  }
  return { value: { version: 3, modules } };
}

const RESET = 'Your saved learning progress could not be read and has been reset.';

/** Reads a stored value, migrating older versions; never throws. */
export function parseProgress(raw: string | null): LoadResult {
  const { value, notice } = parseStoredState(raw, {
    empty: emptyProgress,
    versions: { 1: readVersion1, 2: (d) => readModules(d, 2), 3: (d) => readModules(d, 3) },
    notices: { reset: RESET, tooLarge: `${RESET} (It was larger than expected.)` },
  });
  return notice ? { record: value, notice } : { record: value };
}

const withModule = (record: ProgressRecord, id: string, entry: ModuleProgress): ProgressRecord => ({
  version: 3,
  modules: { ...record.modules, [id]: entry },
});

/** Records one attempt at a module's knowledge check. Pure: returns a new record. */
export function recordAttempt(
  record: ProgressRecord,
  moduleId: string,
  score: number,
  passed: boolean,
  now: Date,
): ProgressRecord {
  const previous = record.modules[moduleId] ?? notStarted();
  return withModule(record, moduleId, {
    ...previous,
    completedAt: previous.completedAt ?? (passed ? now.toISOString() : null),
    bestScore: Math.max(previous.bestScore, score),
    lastScore: score,
    attempts: previous.attempts + 1,
    lastAttemptAt: now.toISOString(),
  });
}

/** Records that the reader opened a module's page. Pure: returns a new record. */
export function recordVisit(record: ProgressRecord, moduleId: string, now: Date): ProgressRecord {
  const previous = record.modules[moduleId] ?? notStarted();
  return withModule(record, moduleId, { ...previous, lastVisitedAt: now.toISOString() });
}

export const isCompleted = (record: ProgressRecord, moduleId: string) =>
  Boolean(record.modules[moduleId]?.completedAt);
