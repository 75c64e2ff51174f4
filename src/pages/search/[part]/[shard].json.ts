// One term shard of one part (content or board): the words starting with two letters and their postings.
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteSearch } from '../../../lib/search/site-indexes.ts';
import { shardFile } from '../../../lib/search/words.ts';

export const getStaticPaths = (async () =>
  (await siteSearch()).shards.map(({ part, key, shard }) => ({
    params: { part, shard: shardFile(key) },
    props: { shard },
  }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => Response.json(props['shard']);
