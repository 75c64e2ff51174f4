import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { getSnapshot } from '../../lib/content.ts';
import { feedItems } from '../../lib/board/feed-items.ts';
import { routes } from '../../lib/paths.ts';
import { site } from '../../site.config.ts';

/**
 * RSS needs absolute links (and @astrojs/rss an absolute `site`), so without a known site URL
 * there is no feed: a response without a body is a page Astro does not write.
 */
export const GET: APIRoute = async (context) => {
  if (!context.site) return new Response(null, { status: 404 });
  const snapshot = await getSnapshot();
  return rss({
    title: `${site.title}: new AI risks`,
    description: 'Open AI risk and threat items on the shared-responsibility board, newest first.',
    site: context.site,
    items: feedItems(snapshot.items, routes.boardItem),
  });
};
