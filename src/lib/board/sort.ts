/**
 * How cards are ordered within a lane (`?sort=`). Severity is the default, and the only order
 * pages built without JavaScript serve; the others are applied in the browser.
 */
import type { ClientItem } from './data.ts';
import { compareItems } from './model.ts';

export const BOARD_SORTS = [
  { key: 'severity', label: 'Severity, highest first' },
  { key: 'age', label: 'Age, oldest first' },
  { key: 'updated', label: 'Last update, most recent first' },
] as const;

export type BoardSort = (typeof BOARD_SORTS)[number]['key'];

export const DEFAULT_SORT: BoardSort = 'severity';

/** The sort named in the query; anything else is the default. */
export function sortFromParams(params: URLSearchParams): BoardSort {
  const value = params.get('sort');
  return BOARD_SORTS.find((s) => s.key === value)?.key ?? DEFAULT_SORT;
}

export const sortLabel = (sort: BoardSort) => BOARD_SORTS.find((s) => s.key === sort)!.label;

type Compare = (a: ClientItem, b: ClientItem) => number;
const time = (iso: string) => Date.parse(iso);

/** Ties fall back to the default order, so every sort is total and stable across builds. */
const COMPARE: Record<BoardSort, Compare> = {
  severity: compareItems,
  age: (a, b) => time(a.createdAt) - time(b.createdAt) || compareItems(a, b),
  updated: (a, b) => time(b.updatedAt) - time(a.updatedAt) || compareItems(a, b),
};

export const compareBy = (sort: BoardSort): Compare => COMPARE[sort];
