import type { BoardItem, ItemChange } from '../../schemas/board-item.ts';

/**
 * The change history the sync keeps on each item: what it observed between two runs, dated as
 * well as the data allows. Pure functions; the merge decides which of them apply.
 */

/** A change with no from → to: opened, closed or reopened. */
export const event = (kind: 'opened' | 'closed' | 'reopened', at: string): ItemChange => ({
  at,
  kind,
  from: null,
  to: null,
});

/** The phases as a change records them: joined by ", ", '' for none. */
export const phaseText = (phases: readonly string[]) => phases.join(', ');

/** Severity, owner and phase changes from `previous` to `next`, all dated `at` (the update). */
export function diffItem(previous: BoardItem, next: BoardItem, at: string): ItemChange[] {
  const pairs = [
    ['severity', previous.severity, next.severity],
    ['owner', previous.owner, next.owner],
    ['phase', phaseText(previous.phases), phaseText(next.phases)],
  ] as const;
  return pairs.filter(([, from, to]) => from !== to).map(([kind, from, to]) => ({ at, kind, from, to }));
}

/**
 * When an item new to the board opened: its creation, if that came after the last sync of its
 * source (or there was none, so history starts with the first sync); else the sync time, as it
 * joined the board later (a label added to an old issue).
 */
export function openedAt(createdAt: string, lastSync: string | null, now: string): string {
  return lastSync === null || Date.parse(createdAt) > Date.parse(lastSync) ? createdAt : now;
}

/** The earlier of two dates: nothing the sync records may lie after the sync itself. */
export const notAfter = (at: string, now: string) => (Date.parse(at) > Date.parse(now) ? now : at);

/** `previous` history followed by `events`, oldest first (a stable sort keeps same-time order). */
export function appendChanges(previous: readonly ItemChange[], events: readonly ItemChange[]): ItemChange[] {
  return [...previous, ...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/**
 * An open item: `opened` when new to the board; `reopened` when it was closed, or `closed` and
 * `reopened` when it was open but `bounced` (its last close came after the last sync); then
 * what changed.
 */
export function openItem(
  item: BoardItem,
  prior: BoardItem | undefined,
  times: { lastSync: string | null; now: string; bounced: string | null },
): BoardItem {
  const { lastSync, now, bounced } = times;
  const at = notAfter(item.updatedAt, now);
  const reopened =
    prior?.closedAt != null
      ? [event('reopened', at)]
      : bounced !== null
        ? [event('closed', notAfter(bounced, at)), event('reopened', at)]
        : [];
  const events = !prior
    ? [event('opened', notAfter(openedAt(item.createdAt, lastSync, now), now))]
    : [...reopened, ...diffItem(prior, item, at)];
  return { ...item, closedAt: null, closedBy: null, changes: appendChanges(prior?.changes ?? [], events) };
}

/** A closed item: what changed, then `closed` unless it was already closed at that time. */
export function closeItem(
  item: BoardItem,
  prior: BoardItem | undefined,
  closedAt: string,
  closedBy: string | null,
  now: string,
): BoardItem {
  const at = notAfter(item.updatedAt, now);
  const again = prior?.closedAt === closedAt;
  const events = !prior
    ? [event('opened', notAfter(item.createdAt, now)), event('closed', closedAt)]
    : [...diffItem(prior, item, at), ...(again ? [] : [event('closed', closedAt)])];
  return {
    ...item,
    closedAt,
    closedBy: closedBy ?? (again ? (prior?.closedBy ?? null) : null),
    changes: appendChanges(prior?.changes ?? [], events),
  };
}
