/**
 * Fetches and loads the search indexes once per page, on first use. An index that fails to
 * load is reported, not fatal: guidance stays searchable if the board index is missing.
 */
import { loadSearchIndex, type LoadedIndex } from '../lib/search/load-index.ts';

export interface Loaded {
  indexes: LoadedIndex[];
  /** URLs that could not be fetched or read. */
  failed: string[];
}

let pending: Promise<Loaded> | undefined;

async function fetchIndex(url: string): Promise<LoadedIndex> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return loadSearchIndex(await response.json());
}

export function loadIndexes(urls: readonly string[]): Promise<Loaded> {
  pending ??= Promise.allSettled(urls.map(fetchIndex)).then((settled) => {
    const loaded: Loaded = { indexes: [], failed: [] };
    settled.forEach((s, i) => {
      if (s.status === 'fulfilled') loaded.indexes.push(s.value);
      else {
        loaded.failed.push(urls[i]!);
        console.error('Search index could not be loaded', s.reason);
      }
    });
    if (loaded.indexes.length === 0) pending = undefined; // nothing loaded: try again next time
    return loaded;
  });
  return pending;
}
