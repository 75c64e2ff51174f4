/** Where the build writes the search indexes (src/pages/search/*.json.ts) and the browser fetches them. */
import { path } from '../paths.ts';

export const searchIndexUrls = (): string[] => [path('/search/content.json'), path('/search/board.json')];
