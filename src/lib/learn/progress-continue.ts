/**
 * "Continue where you left off": which module to offer next, from the stored progress and module
 * ids in curriculum order. In a track, the unfinished module the reader opened or attempted most
 * recently, else the first one not started. Overall (the home page), the same within the track
 * of the reader's latest activity, falling back to the rest of the site.
 */
import { activityOf, moduleStatus } from './progress-view.ts';
import type { ProgressRecord } from './progress-store.ts';

export interface ContinueTarget {
  id: string;
  /** resume: touched, unfinished; next: not started, after progress elsewhere; start: nothing done yet. */
  reason: 'resume' | 'next' | 'start';
}

const trackOf = (id: string) => id.split('/')[0] ?? '';

/** The most recently active of `ids`; on a tie (or no known time) the first in curriculum order. */
const mostRecent = (record: ProgressRecord, ids: readonly string[]) =>
  ids.reduce((best, id) => (activityOf(record, id) > activityOf(record, best) ? id : best));

/** For one track's modules; null when all are complete. */
export function continueInTrack(record: ProgressRecord, ids: readonly string[]): ContinueTarget | null {
  const unfinished = ids.filter((id) => !record.modules[id]?.completedAt);
  const touched = unfinished.filter((id) => record.modules[id]);
  if (touched.length) return { id: mostRecent(record, touched), reason: 'resume' };
  const next = unfinished[0];
  if (next === undefined) return null;
  return { id: next, reason: ids.some((id) => record.modules[id]) ? 'next' : 'start' };
}

/** For the whole site; null for a reader with no progress, or with every module complete. */
export function continueOverall(record: ProgressRecord, ids: readonly string[]): ContinueTarget | null {
  const touched = ids.filter((id) => record.modules[id]);
  if (!touched.length) return null;
  const track = trackOf(mostRecent(record, touched));
  return (
    continueInTrack(
      record,
      ids.filter((id) => trackOf(id) === track),
    ) ?? continueInTrack(record, ids)
  );
}

export const continueLead = (target: ContinueTarget) =>
  target.reason === 'start' ? 'Start with:' : 'Continue where you left off:';

/** What follows the link: the track (when the block spans tracks) and, when resuming, the module's state. */
export function continueDetail(record: ProgressRecord, target: ContinueTarget, track: string | null): string {
  const parts = [track, target.reason === 'resume' ? moduleStatus(record.modules[target.id]).label : null];
  const text = parts.filter(Boolean).join(' · ');
  return text && `(${text})`;
}
