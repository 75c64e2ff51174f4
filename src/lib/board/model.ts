/** The board's model: lanes by owning team, cards ordered by severity then age. Pure functions. */
import type { BoardItem } from '../../schemas/board-item.ts';
import type { Owner } from '../../schemas/owner.ts';
import type { Snapshot } from '../../schemas/snapshot.ts';
import { buildNow } from '../clock.ts';
import { SEVERITIES } from '../vocabulary.ts';

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

/** What ordering and grouping need of an item; full items and the browser's compact ones both fit. */
type Sortable = Pick<BoardItem, 'key' | 'severity' | 'createdAt' | 'owner'>;

/** Highest severity first; within a severity the oldest item first; ties by key for stable output. */
export function compareItems(a: Sortable, b: Sortable): number {
  return (
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    Date.parse(a.createdAt) - Date.parse(b.createdAt) ||
    a.key.localeCompare(b.key)
  );
}

export const laneOf = (item: Pick<BoardItem, 'owner'>): LaneKey => item.owner ?? 'unowned';

export function groupIntoLanes<T extends Sortable>(
  items: readonly T[],
  compare: (a: T, b: T) => number = compareItems,
) {
  return LANES.map((lane) => ({
    ...lane,
    items: items.filter((i) => laneOf(i) === lane.key).sort(compare),
  }));
}

/**
 * The date the board is "as of": when the snapshot was synced, else (never synced) the build's
 * clock. Ages and staleness count back from it everywhere (board, lane pages, agenda, browser),
 * so a snapshot read a month later still says what it said on the day it was taken.
 */
export function boardAsOf(snapshot: Pick<Snapshot, 'syncedAt'>, fallback: () => Date = buildNow): Date {
  return snapshot.syncedAt ? new Date(snapshot.syncedAt) : fallback();
}

/** Stale: no update on GitHub for more than `staleAfterDays` before `asOf` (see boardAsOf). */
export function isStale(item: Pick<BoardItem, 'updatedAt'>, asOf: Date, staleAfterDays: number): boolean {
  return asOf.getTime() - Date.parse(item.updatedAt) > staleAfterDays * DAY_MS;
}

/** Whole days between an ISO date-time and `asOf`. */
export function ageInDays(iso: string, asOf: Date): number {
  return Math.max(0, Math.floor((asOf.getTime() - Date.parse(iso)) / DAY_MS));
}

/** The lane pages the board builds, `lanes/<lane>/<page>`: every lane has at least one. */
export function lanePages(items: readonly BoardItem[]) {
  return groupIntoLanes(items).flatMap((lane) => {
    const pages = Math.max(1, Math.ceil(lane.items.length / LANE_PAGE_SIZE));
    return Array.from({ length: pages }, (_, i) => ({
      lane,
      page: i + 1,
      pages,
      items: lane.items.slice(i * LANE_PAGE_SIZE, (i + 1) * LANE_PAGE_SIZE),
    }));
  });
}

/**
 * Route parameters of every item page, `/board/<owner>/<repo>/<number>/`. An item whose route
 * is also a lane page (an organisation called `lanes`) or another item's route on a
 * case-insensitive file system would silently lose its page, so the build fails instead.
 */
export function itemRoutes(items: readonly BoardItem[]) {
  const taken = new Map(lanePages(items).map((p) => [`lanes/${p.lane.key}/${p.page}`, `the lane page`]));
  return items.map((item) => {
    const [owner = '', repo = ''] = item.repo.split('/');
    const route = `${owner}/${repo}/${item.number}`;
    const other = taken.get(route.toLowerCase());
    if (other) {
      throw new Error(
        `board item ${item.key} would be built at /board/${route}/, which is already ${other}; rename or remove one of them in the snapshot`,
      );
    }
    taken.set(route.toLowerCase(), `the page of ${item.key}`);
    return { params: { owner, repo, number: String(item.number) }, item };
  });
}
