/**
 * The board view a reader last had, so "Back to the board" and the Board breadcrumb return to it.
 *
 * Stored in sessionStorage (this tab only) under `tandem:board-query` as the board's URL query
 * without "?", e.g. `severity=high&owner=unowned&sort=age`; absent for the plain board. It is
 * parsed through queryFromParams on the way in and out, so a stale or hand-edited value can only
 * ever yield known keys. Unversioned: the value is a URL query and ages like a bookmark.
 * Storage may be missing or full (private mode, disabled cookies): then nothing is kept.
 */
import { queryFromParams, queryToParams, type BoardQuery } from '../lib/board/query.ts';

const KEY = 'tandem:board-query';

export function rememberBoardQuery(query: BoardQuery): void {
  const value = queryToParams(query).toString();
  try {
    if (value) sessionStorage.setItem(KEY, value);
    else sessionStorage.removeItem(KEY);
  } catch {
    // Without storage the links simply lead to the plain board.
  }
}

export function recallBoardQuery(): BoardQuery | null {
  let value: string | null = null;
  try {
    value = sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
  return value ? queryFromParams(new URLSearchParams(value.slice(0, 2000))) : null;
}
