/** Board summary: owner × severity counts, totals, and how fresh the snapshot is. Pure. */
import { SEVERITIES, type Severity } from '../vocabulary.ts';
import type { ClientItem } from './data.ts';
import { isStale, laneOf, LANES, type LaneKey } from './model.ts';

export interface SummaryTable {
  rows: Array<{ lane: LaneKey; label: string; counts: Record<Severity, number>; total: number }>;
  totals: Record<Severity, number> & { all: number };
  /** Largest single cell, for shading the heat map. */
  max: number;
}

export function summaryTable(items: readonly ClientItem[]): SummaryTable {
  const zero = () => Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const rows = LANES.map((lane) => ({ lane: lane.key, label: lane.label, counts: zero(), total: 0 }));
  const totals = { ...zero(), all: 0 };
  for (const item of items) {
    const row = rows.find((r) => r.lane === laneOf(item))!;
    row.counts[item.severity] += 1;
    row.total += 1;
    totals[item.severity] += 1;
    totals.all += 1;
  }
  const max = Math.max(0, ...rows.flatMap((r) => SEVERITIES.map((s) => r.counts[s])));
  return { rows, totals, max };
}

/** Heat level 0–4 of a cell, for CSS; 0 only for empty cells. */
export function heatLevel(count: number, max: number): number {
  return count === 0 || max === 0 ? 0 : Math.max(1, Math.ceil((count / max) * 4));
}

export interface BoardTotals {
  open: number;
  stale: number;
  unowned: number;
}

/** Open, stale (as of the board's date, see boardAsOf) and unowned items. */
export function boardTotals(items: readonly ClientItem[], asOf: Date, staleAfterDays: number): BoardTotals {
  return {
    open: items.length,
    stale: items.filter((i) => isStale(i, asOf, staleAfterDays)).length,
    unowned: items.filter((i) => i.owner === null).length,
  };
}

export interface Freshness {
  hours: number;
  tooOld: boolean;
}

/** How long ago the snapshot was taken; null when it was never synced. */
export function freshness(syncedAt: string | null, now: Date, maxAgeHours: number): Freshness | null {
  if (!syncedAt) return null;
  const hours = Math.max(0, Math.floor((now.getTime() - Date.parse(syncedAt)) / 3_600_000));
  return { hours, tooOld: hours > maxAgeHours };
}

/** "3 hours ago", "2 days ago". */
export function relativeAge(hours: number): string {
  if (hours < 1) return 'less than an hour ago';
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  return `${Math.floor(hours / 24)} days ago`;
}
