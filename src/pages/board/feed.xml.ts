import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getSnapshot } from '../../lib/content.ts';
import { feedItems } from '../../lib/board/feed-items.ts';
import { routes } from '../../lib/paths.ts';
import { site } from '../../site.config.ts';

export const GET: APIRoute = async (context) => {
  const snapshot = await getSnapshot();
  return rss({
    title: `${site.title}: new AI risks`,
    description: 'Open AI risk and threat items on the shared-responsibility board, newest first.',
    site: context.site ?? site.url,
    items: feedItems(snapshot.items, routes.boardItem),
  });
};
