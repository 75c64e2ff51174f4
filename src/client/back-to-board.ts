/**
 * Points every `a[data-back-to-board]` (the item and lane pages' "Back to the board", the Board
 * breadcrumb) at the board view the reader last had in this tab, filters and sort included.
 * Loaded only by pages below the board; without JavaScript or storage the links keep their
 * plain /board/ href.
 */
import { boardHref } from '../lib/board/query.ts';
import { recallBoardQuery } from './board-query-store.ts';

const query = recallBoardQuery();
if (query) {
  const href = boardHref(query);
  for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-back-to-board]')) link.href = href;
}
