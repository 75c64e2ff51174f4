/**
 * Board filters and their URL form, so a filtered view can be shared in a meeting invite:
 * /board/?severity=high&owner=unowned&tag=atlas:AML.T0020&stale=1&q=bucket
 * Pure: used at build time and in the browser by <board-view>. The sort order travels with the
 * filters in the same query (see query.ts).
 */
import type { ClientItem } from './data.ts';
import { isStale } from './model.ts';

export interface BoardFilter {
  severity?: string;
  /** An owner team, or `unowned`. */
  owner?: string;
  phase?: string;
  tag?: string;
  repo?: string;
  assignee?: string;
  stale?: boolean;
  /** Opened on or after this day (YYYY-MM-DD), e.g. since the last sync meeting. */
  opened?: string;
  /** Free text matched against title, key, labels and tag names (case-insensitive, all words). */
  q?: string;
}

const KEYS = ['severity', 'owner', 'phase', 'tag', 'repo', 'assignee'] as const;

export function filterFromParams(params: URLSearchParams): BoardFilter {
  const filter: BoardFilter = {};
  for (const key of KEYS) {
    const value = params.get(key)?.trim();
    if (value) filter[key] = value.slice(0, 200);
  }
  if (params.get('stale') === '1') filter.stale = true;
  const opened = params.get('opened')?.trim();
  if (opened && /^\d{4}-\d{2}-\d{2}$/.test(opened) && !Number.isNaN(Date.parse(opened)))
    filter.opened = opened;
  const q = params.get('q')?.trim();
  if (q) filter.q = q.slice(0, 200);
  return filter;
}

export function filterToParams(filter: BoardFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of KEYS) if (filter[key]) params.set(key, filter[key]!);
  if (filter.stale) params.set('stale', '1');
  if (filter.opened) params.set('opened', filter.opened);
  if (filter.q) params.set('q', filter.q);
  return params;
}

/** True when no criterion is set: every item matches. */
export const isEmptyFilter = (filter: BoardFilter) => filterToParams(filter).toString() === '';

/** Text an item can be found by: what the card shows. `names` maps tags to their names. */
export function searchableText(item: ClientItem, names: (tag: string) => string = () => ''): string {
  return [
    item.title,
    item.key,
    ...item.labels.map((l) => l.name),
    ...item.tags.flatMap((t) => [t, names(t)]),
    ...item.unknownTags,
    ...item.assignees,
  ]
    .join(' ')
    .toLowerCase();
}

export function matchesFilter(
  item: ClientItem,
  filter: BoardFilter,
  context: { asOf: Date; staleAfterDays: number; text?: string },
): boolean {
  if (filter.severity && item.severity !== filter.severity) return false;
  if (filter.owner && (item.owner ?? 'unowned') !== filter.owner) return false;
  if (filter.phase && !item.phases.includes(filter.phase as ClientItem['phases'][number])) return false;
  if (filter.tag && !item.tags.includes(filter.tag) && !item.unknownTags.includes(filter.tag)) return false;
  if (filter.repo && item.repo !== filter.repo) return false;
  if (filter.assignee && !item.assignees.includes(filter.assignee)) return false;
  if (filter.stale && !isStale(item, context.asOf, context.staleAfterDays)) return false;
  if (filter.opened && item.createdAt.slice(0, 10) < filter.opened) return false;
  if (filter.q) {
    const text = context.text ?? searchableText(item);
    if (
      !filter.q
        .toLowerCase()
        .split(/\s+/)
        .every((word) => text.includes(word))
    )
      return false;
  }
  return true;
}
