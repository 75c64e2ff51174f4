import type { BoardItem, ItemChange } from '../../schemas/board-item.ts';

/**
 * Drops what is older than the retention window: changes before `cutoff`, and closed items
 * closed before it. Open items always stay; only their old changes go.
 */
export function pruneHistory(
  lists: { items: readonly BoardItem[]; closed: readonly BoardItem[] },
  cutoff: Date,
): { items: BoardItem[]; closed: BoardItem[] } {
  const keep = (change: ItemChange) => Date.parse(change.at) >= cutoff.getTime();
  const prune = (item: BoardItem) =>
    item.changes.every(keep) ? item : { ...item, changes: item.changes.filter(keep) };
  return {
    items: lists.items.map(prune),
    closed: lists.closed.filter((item) => Date.parse(item.closedAt ?? '') >= cutoff.getTime()).map(prune),
  };
}
