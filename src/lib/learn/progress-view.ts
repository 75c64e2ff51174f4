/**
 * What the reader sees of their progress, in words (never colour alone): one module's state
 * ("Completed", "In progress · best 60 %") and a track's count ("3 of 9 modules complete").
 * The browser renders these; the build has no progress to show.
 */
import { latestActivity } from './progress-merge.ts';
import type { ModuleProgress, ProgressRecord } from './progress-store.ts';

export type ModuleState = 'not-started' | 'in-progress' | 'completed';

export interface ModuleStatus {
  state: ModuleState;
  /** "Completed", "In progress · best 60 %", "In progress" (opened, not attempted) or "Not started". */
  label: string;
  /** When the reader last opened or attempted it, when known. */
  lastActive: string | null;
}

export const percent = (score: number) => `${Math.round(score * 100)} %`;

export function moduleStatus(entry: ModuleProgress | undefined): ModuleStatus {
  if (!entry) return { state: 'not-started', label: 'Not started', lastActive: null };
  const times = [entry.lastAttemptAt, entry.lastVisitedAt].flatMap((t) => (t ? [Date.parse(t)] : []));
  const lastActive = times.length ? new Date(Math.max(...times)).toISOString() : null;
  if (entry.completedAt) return { state: 'completed', label: 'Completed', lastActive };
  const label = entry.attempts > 0 ? `In progress · best ${percent(entry.bestScore)}` : 'In progress';
  return { state: 'in-progress', label, lastActive };
}

/** "visited 20 Nov 2026", in the reader's own calendar (or `timeZone`, for tests). */
export function visitedLabel(iso: string, timeZone?: string): string {
  const format = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(timeZone ? { timeZone } : {}),
  });
  return `visited ${format.format(new Date(iso))}`;
}

export interface TrackCount {
  done: number;
  total: number;
  /** "3 of 9 modules complete". */
  label: string;
}

export function trackCount(record: ProgressRecord, moduleIds: readonly string[]): TrackCount {
  const done = moduleIds.filter((id) => record.modules[id]?.completedAt).length;
  const total = moduleIds.length;
  return { done, total, label: `${done} of ${total} module${total === 1 ? '' : 's'} complete` };
}

/** Time of the reader's latest activity on the module, or -Infinity when there is none. */
export const activityOf = (record: ProgressRecord, id: string) => {
  const entry = record.modules[id];
  return entry ? latestActivity(entry) : -Infinity;
};
