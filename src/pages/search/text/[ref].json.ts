// The plain text of one page, fetched for a result whose snippet is cut around the words searched for.
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteSearch } from '../../../lib/search/site-indexes.ts';

export const getStaticPaths = (async () =>
  (await siteSearch()).fragments.map(({ ref, fragment }) => ({
    params: { ref: String(ref) },
    props: { fragment },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => Response.json(props['fragment']);
