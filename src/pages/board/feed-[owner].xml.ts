import rss from '@astrojs/rss';
import type { APIRoute, GetStaticPaths } from 'astro';
import { LANES } from '../../lib/board/model.ts';
import { getSnapshot } from '../../lib/content.ts';
import { feedItems } from '../../lib/board/feed-items.ts';
import { routes } from '../../lib/paths.ts';
import { site } from '../../site.config.ts';

/** /board/feed-security.xml, feed-data-science.xml, feed-shared.xml and feed-unowned.xml. */
export const getStaticPaths = (() =>
  LANES.map((lane) => ({
    params: { owner: lane.key },
    props: { label: lane.label },
  }))) satisfies GetStaticPaths;

/** Not written without a known site URL, like feed.xml. */
export const GET: APIRoute = async (context) => {
  if (!context.site) return new Response(null, { status: 404 });
  const snapshot = await getSnapshot();
  const owner = context.params['owner'];
  const label = (context.props as { label: string }).label;
  const items = snapshot.items.filter((i) => (i.owner ?? 'unowned') === owner);
  return rss({
    title: `${site.title}: new AI risks for ${label}`,
    description: `Open AI risk and threat items in the ${label} lane, newest first.`,
    site: context.site,
    items: feedItems(items, routes.boardItem),
  });
};
