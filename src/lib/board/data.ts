/**
 * The compact board data the browser loads on demand (/board/items.json): what cards, filters
 * and the agenda need, without bodies. Tag names are sent once, not per item.
 */
import type { BoardItem } from '../../schemas/board-item.ts';
import { resolveTag } from '../taxonomy.ts';

export type ClientItem = Omit<BoardItem, 'bodyHTML' | 'excerpt' | 'author'>;

export interface BoardData {
  syncedAt: string | null;
  staleAfterDays: number;
  /** Names of every taxonomy tag the items carry. */
  tagNames: Record<string, string>;
  items: ClientItem[];
}

export function toBoardData(
  items: readonly BoardItem[],
  syncedAt: string | null,
  staleAfterDays: number,
): BoardData {
  const tagNames: Record<string, string> = {};
  for (const item of items) {
    for (const tag of item.tags) {
      const r = resolveTag(tag);
      if (r.ok) tagNames[tag] = r.value.name;
    }
  }
  return {
    syncedAt,
    staleAfterDays,
    tagNames,
    items: items.map(({ bodyHTML: _b, excerpt: _e, author: _a, ...rest }) => rest),
  };
}

/** Distinct values for the filter pickers, sorted. */
export function filterOptions(items: readonly BoardItem[]) {
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b));
  return {
    phases: sorted(items.flatMap((i) => i.phases)),
    tags: sorted(items.flatMap((i) => [...i.tags, ...i.unknownTags])),
    repos: sorted(items.map((i) => i.repo)),
    assignees: sorted(items.flatMap((i) => i.assignees)),
  };
}
