// The search manifest: versions, shard keys, document counts; fetched on search intent.
import type { APIRoute } from 'astro';
import { siteSearch } from '../../lib/search/site-indexes.ts';

export const GET: APIRoute = async () => Response.json((await siteSearch()).manifest);
