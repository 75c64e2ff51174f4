/**
 * Board items as search documents: title, labels (plain labels, owner, severity, phases and
 * taxonomy names) and a short excerpt. Only this much, so the board index stays small as the
 * board grows (see test/bench-results/search.md). All of it is untrusted text; the browser
 * renders it as text nodes.
 */
import type { BoardItem } from '../../schemas/board-item.ts';
import { ownerLabel } from '../format.ts';
import { routes } from '../paths.ts';
import { shorten } from './snippet.ts';
import { tagIds, tagText } from './tag-text.ts';
import type { SearchDocument } from './types.ts';

/** How much of the excerpt is indexed and how much is shown. */
export const BOARD_INDEXED_EXCERPT = 200;
export const BOARD_SNIPPET = 140;

type BoardInput = Pick<
  BoardItem,
  'key' | 'title' | 'owner' | 'severity' | 'phases' | 'tags' | 'unknownTags' | 'labels' | 'excerpt'
>;

export function boardDocument(item: BoardInput): SearchDocument {
  const labels = [
    ownerLabel(item.owner),
    item.severity === 'unrated' ? 'unrated' : `${item.severity} severity`,
    ...item.phases,
    ...item.labels.map((l) => l.name),
    tagText([...item.tags, ...item.unknownTags]),
  ];
  return {
    type: 'board',
    title: item.title,
    url: routes.boardItem(item.key),
    owner: item.owner,
    snippet: shorten(item.excerpt, BOARD_SNIPPET),
    fields: {
      title: item.title,
      labels: labels.join(' ; '),
      body: shorten(item.excerpt, BOARD_INDEXED_EXCERPT),
    },
    ids: tagIds(item.tags),
  };
}
