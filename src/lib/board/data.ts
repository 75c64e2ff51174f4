/**
 * The compact board data the browser loads on demand (/board/items.json): what cards, filters
 * and the agenda need, without bodies. Tag names are sent once, not per item.
 */
import type { BoardItem } from '../../schemas/board-item.ts';
import { resolveTag } from '../taxonomy.ts';
import { boardAsOf } from './model.ts';
import { tagOptionGroups } from './tag-options.ts';

export type ClientItem = Omit<BoardItem, 'bodyHTML' | 'excerpt' | 'author'>;

export interface BoardData {
  syncedAt: string | null;
  /** The board's date (boardAsOf): the browser counts ages and staleness from it, never from its own clock. */
  asOf: string;
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
    asOf: boardAsOf({ syncedAt }).toISOString(),
    staleAfterDays,
    tagNames,
    items: items.map(({ bodyHTML: _b, excerpt: _e, author: _a, ...rest }) => rest),
  };
}

/** Distinct values for the filter pickers, sorted; tags grouped by scheme with their names. */
export function filterOptions(items: readonly BoardItem[]) {
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b));
  return {
    phases: sorted(items.flatMap((i) => i.phases)),
    tags: tagOptionGroups(items.flatMap((i) => [...i.tags, ...i.unknownTags])),
    repos: sorted(items.map((i) => i.repo)),
    assignees: sorted(items.flatMap((i) => i.assignees)),
  };
}
