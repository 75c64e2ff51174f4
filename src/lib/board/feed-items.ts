/** RSS items for new risks, newest first; one feed for all and one per owner team. Pure. */
import type { BoardItem } from '../../schemas/board-item.ts';
import { ownerLabel } from '../format.ts';

export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  categories: string[];
}

export function feedItems(
  items: readonly BoardItem[],
  itemUrl: (key: string) => string,
  limit = 100,
): FeedItem[] {
  return [...items]
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.key.localeCompare(b.key))
    .slice(0, limit)
    .map((i) => ({
      title: `[${i.severity}] ${i.title}`,
      link: itemUrl(i.key),
      pubDate: new Date(i.createdAt),
      // Plain text only: @astrojs/rss escapes it, and no untrusted HTML goes into the feed.
      description: `${i.repo}#${i.number} · ${ownerLabel(i.owner)} · ${i.severity}${i.excerpt ? ` · ${i.excerpt}` : ''}`,
      categories: [i.severity, i.owner ?? 'unowned', ...i.phases, ...i.tags],
    }));
}
