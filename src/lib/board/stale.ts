/**
 * What "stale" means, in the words shown next to the count. The definition itself is isStale
 * and boardAsOf in model.ts; this file is build-time only (it formats dates), so browser code
 * that imports the model does not pull in the formatter.
 */
import { isoDate } from '../format.ts';

/** "no update on GitHub for more than 30 days before the snapshot of 2026-11-23" */
export function staleMeaning(staleAfterDays: number, asOf: Date, synced: boolean): string {
  const before = synced ? `the snapshot of ${isoDate(asOf)}` : `${isoDate(asOf)} (never synced)`;
  return `no update on GitHub for more than ${staleAfterDays} days before ${before}`;
}
