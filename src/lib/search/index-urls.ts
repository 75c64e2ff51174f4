/** Where the build writes each search file (src/pages/search/) and the browser fetches it: one function per file. */
import { path } from '../paths.ts';
import type { Part } from './types.ts';
import { shardFile } from './words.ts';

export const searchUrls = {
  manifest: () => path('/search/manifest.json'),
  shard: (part: Part, key: string) => path(`/search/${part}/${shardFile(key)}.json`),
  chunk: (chunk: number) => path(`/search/docs/${chunk}.json`),
  fragment: (ref: number) => path(`/search/text/${ref}.json`),
};
