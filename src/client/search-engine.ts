/**
 * The page's search session: the manifest, the shards and document chunks fetched so far,
 * and a `run` that answers a query in stages. It fetches the shards of the query's words for
 * both parts at once, answers as soon as the content shards are in (board items are added
 * when theirs land), and fetches only the document chunks of the results it shows. A newer
 * query supersedes an older one: its stages are dropped. A file that fails to load is
 * reported, not fatal: the rest stays searchable.
 */
import { DocStore } from '../lib/search/doc-store.ts';
import { searchUrls } from '../lib/search/index-urls.ts';
import { parseQuery } from '../lib/search/query.ts';
import {
  SearchIndex,
  type SearchOptions,
  type SearchResult,
  type ShardRef,
} from '../lib/search/search-index.ts';
import { PARTS, SEARCH_FORMAT_VERSION, type StoredDoc } from '../lib/search/types.ts';
import { fetchJson } from './search-fetch.ts';

export interface Stage {
  result: SearchResult;
  /** The hits' documents, in hit order (a hit whose chunk failed is left out). */
  docs: Map<number, StoredDoc>;
  forms: Set<string>;
  /** Some file could not be loaded: results may be missing. */
  failed: boolean;
  /** More stages follow (board items still loading). */
  partial: boolean;
}

export class SearchSession {
  readonly index: SearchIndex;
  readonly #docs: DocStore;
  #latest = 0;
  #failed = false;

  private constructor(index: SearchIndex) {
    this.index = index;
    this.#docs = new DocStore(index.manifest.chunkSize);
  }

  static #opening: Promise<SearchSession> | undefined;

  static open(manifestUrl: string): Promise<SearchSession> {
    SearchSession.#opening ??= fetchJson(manifestUrl)
      .then((file) => new SearchSession(new SearchIndex(file)))
      .catch((error: unknown) => {
        SearchSession.#opening = undefined; // try again on the next query
        throw error;
      });
    return SearchSession.#opening;
  }

  async #shard(ref: ShardRef): Promise<void> {
    if (this.index.has(ref)) return;
    const url = searchUrls.shard(ref.part, ref.key);
    this.index.add(ref, await fetchJson(url), url);
  }

  /** Fetches the chunks of `refs` not loaded yet; failures are noted, not thrown. */
  async docs(refs: readonly number[]): Promise<Map<number, StoredDoc>> {
    await Promise.all(
      this.#docs.missing(refs).map(async (chunk) => {
        const url = searchUrls.chunk(chunk);
        try {
          this.#docs.add(await fetchJson(url), url);
        } catch (error) {
          this.#failed = true;
          console.error('Search results could not be loaded', error);
        }
      }),
    );
    const out = new Map<number, StoredDoc>();
    for (const ref of refs) {
      const doc = this.#docs.get(ref);
      if (doc) out.set(ref, doc);
    }
    return out;
  }

  /** The plain text of a content page, for a snippet around the match; null if it has none or it failed. */
  async text(ref: number): Promise<string | null> {
    if (ref >= this.index.manifest.fragments) return null;
    try {
      const file = (await fetchJson(searchUrls.fragment(ref))) as { version?: unknown; text?: unknown };
      return file.version === SEARCH_FORMAT_VERSION && typeof file.text === 'string' ? file.text : null;
    } catch {
      return null;
    }
  }

  /** Calls `show` with each stage of the answer to `raw`, content first, until the query is superseded. */
  async run(raw: string, options: SearchOptions, show: (stage: Stage) => void): Promise<void> {
    const run = ++this.#latest;
    const query = parseQuery(raw);
    const needed = this.index.needed(query);
    let complete = false;
    // Stages are numbered as they search; one that finishes fetching after a later one was shown is dropped.
    let searched = 0;
    let shown = 0;
    const stage = async (last: boolean) => {
      if (run !== this.#latest || complete) return;
      const result = this.index.search(query, options);
      const n = ++searched;
      complete = result.pending.length === 0;
      const docs = await this.docs(result.hits.map((h) => h.ref));
      if (run !== this.#latest || n < shown) return;
      shown = n;
      const forms = new Set(this.index.forms(query));
      show({ result, docs, forms, failed: this.#failed, partial: !last && result.pending.length > 0 });
    };
    const parts = PARTS.map((part) =>
      Promise.all(needed.filter((r) => r.part === part).map((r) => this.#shard(r))).catch(
        (error: unknown) => {
          this.#failed = true;
          console.error('Part of the search index could not be loaded', error);
        },
      ),
    );
    await parts[0];
    const board = parts[1]!.then(() => stage(true));
    await stage(false);
    await board;
  }
}
