/*
 * Reader progress, kept only in this browser's localStorage under one key.
 *
 * Key: "tandem:progress". Value (version 2, current):
 *   { "version": 2,
 *     "modules": { "<track>/<slug>": { "completedAt": "2026-11-25T10:00:00.000Z" | null,
 *                                      "bestScore": 0.8, "lastScore": 0.6, "attempts": 3 } } }
 * A module is complete once a knowledge check is passed; completedAt is the first pass.
 * Version 1 (early builds) stored only completion dates: { "version": 1, "completed": { id: iso } }
 * and is migrated on read. Anything else (corrupt JSON, another app's data, a value over
 * MAX_BYTES, a newer version) is replaced by an empty record and the reader is told.
 */

export const PROGRESS_KEY = 'tandem:progress';
export const MAX_BYTES = 256 * 1024;

export interface ModuleProgress {
  completedAt: string | null;
  bestScore: number;
  lastScore: number;
  attempts: number;
}

export interface ProgressRecord {
  version: 2;
  modules: Record<string, ModuleProgress>;
}

export interface LoadResult {
  record: ProgressRecord;
  /** Set when stored data could not be used and was reset. */
  notice?: string;
}

export const emptyProgress = (): ProgressRecord => ({ version: 2, modules: {} });

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isIsoDate = (v: unknown): v is string => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const isScore = (v: unknown): v is number => typeof v === 'number' && v >= 0 && v <= 1;

function validModule(v: unknown): v is ModuleProgress {
  return (
    isObject(v) &&
    (v['completedAt'] === null || isIsoDate(v['completedAt'])) &&
    isScore(v['bestScore']) &&
    isScore(v['lastScore']) &&
    Number.isInteger(v['attempts']) &&
    (v['attempts'] as number) >= 0
  );
}

const RESET = 'Your saved learning progress could not be read and has been reset.';

/** Reads a stored value; never throws. */
export function parseProgress(raw: string | null): LoadResult {
  if (raw === null) return { record: emptyProgress() };
  if (raw.length > MAX_BYTES)
    return { record: emptyProgress(), notice: `${RESET} (It was larger than expected.)` };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { record: emptyProgress(), notice: RESET };
  }
  if (isObject(data) && data['version'] === 1 && isObject(data['completed'])) {
    const modules: Record<string, ModuleProgress> = {};
    for (const [id, at] of Object.entries(data['completed'])) {
      if (isIsoDate(at)) modules[id] = { completedAt: at, bestScore: 1, lastScore: 1, attempts: 1 };
    }
    return { record: { version: 2, modules } };
  }
  if (!isObject(data) || data['version'] !== 2 || !isObject(data['modules'])) {
    return { record: emptyProgress(), notice: RESET };
  }
  const modules = Object.fromEntries(
    Object.entries(data['modules']).filter(([, v]) => validModule(v)),
  ) as Record<string, ModuleProgress>;
  const dropped = Object.keys(data['modules']).length - Object.keys(modules).length;
  return dropped > 0
    ? {
        record: { version: 2, modules },
        notice: `${dropped} unreadable progress entr${dropped === 1 ? 'y was' : 'ies were'} removed.`,
      }
    : { record: { version: 2, modules } };
}

/** Records one attempt at a module's knowledge check. Pure: returns a new record. */
export function recordAttempt(
  record: ProgressRecord,
  moduleId: string,
  score: number,
  passed: boolean,
  now: Date,
): ProgressRecord {
  const previous = record.modules[moduleId];
  const next: ModuleProgress = {
    completedAt: previous?.completedAt ?? (passed ? now.toISOString() : null),
    bestScore: Math.max(previous?.bestScore ?? 0, score),
    lastScore: score,
    attempts: (previous?.attempts ?? 0) + 1,
  };
  return { version: 2, modules: { ...record.modules, [moduleId]: next } };
}

export const isCompleted = (record: ProgressRecord, moduleId: string) =>
  Boolean(record.modules[moduleId]?.completedAt);
