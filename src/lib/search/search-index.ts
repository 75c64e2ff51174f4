/**
 * The query side of search: a manifest plus whichever shards have arrived. `needed` says
 * which shard files a query wants; `search` answers from the parts whose shards are all
 * here and says which parts are still pending, so the browser can show guidance first and
 * add board items when their shards land. In Node (tests, benchmark) every shard is added up
 * front and nothing is pending.
 */
import { alternatives, formsOf, keysOf, termsIn, type Alternative } from './expand.ts';
import { parseQuery, type ParsedQuery, type QueryWord } from './query.ts';
import { best, rank, Scratch, type Ranked, type WordMatch } from './rank.ts';
import { readShard, type LoadedShard } from './shard.ts';
import {
  DOC_TYPES,
  LUNR_VERSION,
  PARTS,
  SEARCH_FORMAT_VERSION,
  type DocType,
  type Part,
  type SearchManifest,
} from './types.ts';

export interface SearchOptions {
  /** Hits wanted, best first (default 10). */
  limit?: number;
  /** Only hits of this type; counts still cover every type. */
  type?: DocType | null;
}

export interface SearchHit extends Ranked {
  type: DocType;
}

export interface SearchResult {
  query: ParsedQuery;
  /** Best first: documents matching every word, then those matching some (`tier` 0). */
  hits: SearchHit[];
  /** Documents matching every word, and some of the words only. */
  full: number;
  partial: number;
  /** Per type: the full matches, or the partial ones when nothing matches every word. */
  byType: Record<DocType, number>;
  /** Parts not searched yet because their shards have not arrived. */
  pending: Part[];
}

export interface ShardRef {
  part: Part;
  key: string;
}

export function readManifest(file: unknown, where = 'search manifest'): SearchManifest {
  const m = file as Partial<SearchManifest> | null;
  if (!m || m.version !== SEARCH_FORMAT_VERSION)
    throw new Error(`${where}: format version ${String(m?.version)}, expected ${SEARCH_FORMAT_VERSION}`);
  if (m.lunr !== LUNR_VERSION)
    throw new Error(
      `${where}: made with lunr ${String(m.lunr)}, this code reads lunr ${LUNR_VERSION}'s terms`,
    );
  const ok =
    Number.isInteger(m.documents) &&
    Array.isArray(m.typeStarts) &&
    m.typeStarts.length === DOC_TYPES.length + 1 &&
    PARTS.every((p) => Array.isArray(m.shards?.[p])) &&
    Number.isInteger(m.chunkSize) &&
    Number.isInteger(m.fragments) &&
    m.chunkSize! > 0 &&
    Array.isArray(m.suggestions);
  if (!ok) throw new Error(`${where}: missing or malformed fields`);
  return m as SearchManifest;
}

export class SearchIndex {
  readonly manifest: SearchManifest;
  readonly #shards = new Map<string, LoadedShard>();
  readonly #exists: Record<Part, Set<string>>;
  readonly #scratch: Scratch;

  constructor(manifest: unknown) {
    this.manifest = readManifest(manifest);
    this.#exists = {
      content: new Set(this.manifest.shards.content),
      board: new Set(this.manifest.shards.board),
    };
    this.#scratch = new Scratch(this.manifest.documents);
  }

  typeOf(ref: number): DocType {
    const starts = this.manifest.typeStarts;
    let t = 0;
    while (t < DOC_TYPES.length - 1 && ref >= starts[t + 1]!) t++;
    return DOC_TYPES[t]!;
  }

  /** Shard files the query needs that exist, in parts order (content first). */
  needed(query: ParsedQuery | string): ShardRef[] {
    const q = typeof query === 'string' ? parseQuery(query) : query;
    const keys = [...new Set(q.words.flatMap(keysOf))];
    return PARTS.flatMap((part) =>
      keys.filter((key) => this.#exists[part].has(key)).map((key) => ({ part, key })),
    );
  }

  has({ part, key }: ShardRef): boolean {
    return this.#shards.has(`${part}/${key}`);
  }

  /** Adds a shard file as fetched; throws (naming `where`) if it is not one. */
  add({ part, key }: ShardRef, file: unknown, where = `${part} shard ${key}`): void {
    this.#shards.set(`${part}/${key}`, readShard(file, where));
  }

  search(raw: ParsedQuery | string, options: SearchOptions = {}): SearchResult {
    const query = typeof raw === 'string' ? parseQuery(raw) : raw;
    const byType = Object.fromEntries(DOC_TYPES.map((t) => [t, 0])) as Record<DocType, number>;
    const needed = this.needed(query);
    const pending = PARTS.filter((part) => needed.some((r) => r.part === part && !this.has(r)));
    const ready = PARTS.filter((part) => !pending.includes(part));
    if (query.words.length === 0 || ready.length === 0)
      return { query, hits: [], full: 0, partial: 0, byType, pending };
    const words: WordMatch[] = query.words.map((word) => ({
      alternatives: this.#alternatives(word, ready),
      required: word.required,
      stop: word.stop,
    }));
    const s = this.#scratch;
    rank(words, this.manifest.documents, s);
    let full = 0;
    for (let i = 0; i < s.count; i++) if (s.tiers[i]! > 0) full++;
    for (let i = 0; i < s.count; i++) if (full > 0 === s.tiers[i]! > 0) byType[this.typeOf(s.refs[i]!)]++;
    const only = options.type;
    const hits = best(s, options.limit ?? 10, only ? (ref) => this.typeOf(ref) === only : () => true).map(
      (r) => ({ ...r, type: this.typeOf(r.ref) }),
    );
    const partial = s.count - full;
    return { query, hits, full, partial, byType, pending };
  }

  /**
   * A word's alternatives in every ready part. A part may have written only another form of
   * the word ("poisoning" where the query says "poison"): a term found in one part is looked
   * up in the others too, so every document holding it counts.
   */
  #alternatives(word: QueryWord, parts: readonly Part[]): Alternative[] {
    const lookups = parts.map((part) => (key: string) => this.#shards.get(`${part}/${key}`));
    let found = lookups.map((lookup) => alternatives(word, lookup));
    // A word one part knows as written is no typo in another: "sales" on the board is not "saves" in a module.
    if (found.some((alts) => alts.some((a) => !a.typo)))
      found = found.map((alts) => alts.filter((a) => !a.typo));
    const wanted = new Map<string, Alternative>();
    for (const alt of found.flat())
      if ((wanted.get(alt.term)?.boost ?? -1) < alt.boost) wanted.set(alt.term, alt);
    return lookups.flatMap((lookup, i) => {
      const own = new Set(found[i]!.map((a) => a.term));
      const more = [...wanted.values()].filter((a) => !own.has(a.term));
      return [...found[i]!, ...termsIn(more, keysOf(word), lookup)];
    });
  }

  /** The written words to mark in titles and snippets for a query: every form of every term it matched. */
  forms(raw: ParsedQuery | string): string[] {
    const query = typeof raw === 'string' ? parseQuery(raw) : raw;
    const out = new Set<string>();
    for (const word of query.words) {
      const terms = new Set(this.#alternatives(word, PARTS).map((a) => a.term));
      for (const part of PARTS)
        for (const key of keysOf(word)) {
          const shard = this.#shards.get(`${part}/${key}`);
          if (shard) for (const form of formsOf(shard, terms)) out.add(form);
        }
    }
    return [...out];
  }
}
