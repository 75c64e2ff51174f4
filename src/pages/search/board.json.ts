// The search index of board items, loaded on search intent alongside the content index.
import type { APIRoute } from 'astro';
import { boardIndexFile } from '../../lib/search/site-indexes.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await boardIndexFile()), { headers: { 'Content-Type': 'application/json' } });
