/**
 * The board's URL query, filters and sort together, so a view can be shared in a meeting invite
 * or kept on the way back from an item: /board/?severity=high&owner=unowned&sort=age.
 * Every link to the board, in pages and in browser code, is built here (respecting the base path).
 */
import { path } from '../paths.ts';
import { filterFromParams, filterToParams, isEmptyFilter, type BoardFilter } from './filters.ts';
import type { LaneKey } from './model.ts';
import { DEFAULT_SORT, sortFromParams, type BoardSort } from './sort.ts';

export interface BoardQuery {
  filter: BoardFilter;
  sort: BoardSort;
}

export const EMPTY_QUERY: BoardQuery = { filter: {}, sort: DEFAULT_SORT };

export function queryFromParams(params: URLSearchParams): BoardQuery {
  return { filter: filterFromParams(params), sort: sortFromParams(params) };
}

/** Filters first, then `sort` unless it is the default; only known keys, so the result is safe to store. */
export function queryToParams({ filter, sort }: BoardQuery): URLSearchParams {
  const params = filterToParams(filter);
  if (sort !== DEFAULT_SORT) params.set('sort', sort);
  return params;
}

/** The board as it is served: no filter, default order. */
export const isDefaultQuery = (query: BoardQuery) =>
  isEmptyFilter(query.filter) && query.sort === DEFAULT_SORT;

/** `/board/`, with the query when there is one. */
export function boardHref(query: BoardQuery = EMPTY_QUERY): string {
  const search = queryToParams(query).toString();
  return path(`/board/${search ? `?${search}` : ''}`);
}

/** One page of a lane's full list, which works without JavaScript. */
export const laneHref = (lane: LaneKey | string, page = 1) => path(`/board/lanes/${lane}/${page}/`);
