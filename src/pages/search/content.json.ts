// The search index of modules, checklists, practices and glossary terms, loaded on search intent.
import type { APIRoute } from 'astro';
import { contentIndexFile } from '../../lib/search/site-indexes.ts';

export const GET: APIRoute = async () =>
  new Response(JSON.stringify(await contentIndexFile()), { headers: { 'Content-Type': 'application/json' } });
