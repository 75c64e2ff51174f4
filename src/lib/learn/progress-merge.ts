/**
 * Merging an imported progress record into the one in this browser, module by module. The
 * newer entry wins: its last score and attempt time come from the later attempt (or, when
 * neither side knows its attempt time, from the entry with the later activity; a tie keeps this
 * browser's). Whatever the winner, the first pass, the best score, the most attempts and the
 * latest visit are kept from either side. Each field is decided on its own, so merging is
 * idempotent: importing the same file twice changes nothing the second time.
 */
import type { ModuleProgress, ProgressRecord } from './progress-store.ts';

const time = (iso: string | null) => (iso === null ? -Infinity : Date.parse(iso));

/** When the reader last did anything with the module: opened, attempted or passed it. */
export const latestActivity = (m: ModuleProgress) =>
  Math.max(time(m.completedAt), time(m.lastAttemptAt), time(m.lastVisitedAt));

const earliest = (a: string | null, b: string | null) =>
  b !== null && time(b) < time(a ?? b) ? b : (a ?? b);
const latest = (a: string | null, b: string | null) => (b !== null && time(b) > time(a ?? b) ? b : (a ?? b));

export function mergeModule(local: ModuleProgress, incoming: ModuleProgress): ModuleProgress {
  const byAttempt = time(incoming.lastAttemptAt) - time(local.lastAttemptAt);
  const incomingNewer =
    byAttempt > 0 || (Number.isNaN(byAttempt) && latestActivity(incoming) > latestActivity(local));
  const newer = incomingNewer ? incoming : local;
  return {
    completedAt: earliest(local.completedAt, incoming.completedAt),
    bestScore: Math.max(local.bestScore, incoming.bestScore),
    lastScore: newer.lastScore,
    attempts: Math.max(local.attempts, incoming.attempts),
    lastAttemptAt: newer.lastAttemptAt,
    lastVisitedAt: latest(local.lastVisitedAt, incoming.lastVisitedAt),
  };
}

export interface MergeResult {
  record: ProgressRecord;
  /** Modules the import added, changed, and left as they were. */
  added: number;
  updated: number;
  unchanged: number;
}

const same = (a: ModuleProgress, b: ModuleProgress) =>
  (Object.keys(a) as (keyof ModuleProgress)[]).every((k) => a[k] === b[k]);

export function mergeProgress(local: ProgressRecord, incoming: ProgressRecord): MergeResult {
  const modules = { ...local.modules };
  const counts = { added: 0, updated: 0, unchanged: 0 };
  for (const [id, entry] of Object.entries(incoming.modules)) {
    const mine = modules[id];
    const merged = mine ? mergeModule(mine, entry) : entry;
    counts[!mine ? 'added' : same(mine, merged) ? 'unchanged' : 'updated'] += 1;
    modules[id] = merged;
  }
  return { record: { version: 3, modules }, ...counts };
}

/** "Imported 5 modules: 2 new, 1 updated, 2 already up to date." */
export function mergeSummary({ added, updated, unchanged }: MergeResult): string {
  const total = added + updated + unchanged;
  if (total === 0) return 'The file holds no module progress, so nothing changed.';
  const parts = [
    added && `${added} new`,
    updated && `${updated} updated`,
    unchanged && `${unchanged} already up to date`,
  ].filter(Boolean);
  return `Imported ${total} module${total === 1 ? '' : 's'}: ${parts.join(', ')}.`;
}
