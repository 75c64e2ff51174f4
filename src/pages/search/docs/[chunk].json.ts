// Titles, URLs and summaries of a run of documents, fetched for the results shown.
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteSearch } from '../../../lib/search/site-indexes.ts';

export const getStaticPaths = (async () =>
  (await siteSearch()).chunks.map((chunk, n) => ({
    params: { chunk: String(n) },
    props: { chunk },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => Response.json(props['chunk']);
