/** The board's model: lanes by owning team, cards ordered by severity then age. Pure functions. */
import type { BoardItem } from '../schemas/board-item.ts';
import type { Owner } from '../schemas/owner.ts';
import { SEVERITIES } from './vocabulary.ts';

export type LaneKey = Owner | 'unowned';

export const LANES: ReadonlyArray<{ key: LaneKey; label: string }> = [
  { key: 'security', label: 'Security' },
  { key: 'shared', label: 'Shared' },
  { key: 'data-science', label: 'Data science' },
  { key: 'unowned', label: 'Needs an owner' },
];

const DAY_MS = 86_400_000;

/** Items per lane page; every item is reachable without JavaScript across these pages. */
export const LANE_PAGE_SIZE = 200;

/** Highest severity first; within a severity the oldest item first; ties by key for stable output. */
export function compareItems(a: BoardItem, b: BoardItem): number {
  return (
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    a.createdAt.localeCompare(b.createdAt) ||
    a.key.localeCompare(b.key)
  );
}

export function groupIntoLanes(items: readonly BoardItem[]) {
  return LANES.map((lane) => ({
    ...lane,
    items: items.filter((i) => (i.owner ?? 'unowned') === lane.key).sort(compareItems),
  }));
}

/** Stale: no update for more than `staleAfterDays` before `now`. */
export function isStale(item: BoardItem, now: Date, staleAfterDays: number): boolean {
  return now.getTime() - Date.parse(item.updatedAt) > staleAfterDays * DAY_MS;
}

/** Whole days between an ISO date-time and now. */
export function ageInDays(iso: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(iso)) / DAY_MS));
}
