/**
 * Loads a search index file in the browser (and in tests and the benchmark) as a real
 * lunr.Index, queried and scored by lunr's own code, without building lunr's object graph up
 * front: `lunr.Index.load` of lunr's JSON takes a quarter of a second at 10,000 board items
 * on a 2-core machine (test/bench-results/search.md). Postings and weights live in typed
 * arrays (index-arrays.ts); lunr's inverted index and document vectors are made from them
 * when lunr asks, so scores are identical to `lunr.Index.load(expandIndex(file.index))`
 * (test/unit/search-index.test.ts). The arrays also serve the candidate pass (candidates.ts).
 */
import lunr from 'lunr';
import type { CompactIndex } from './compact-index.ts';
import { indexArrays } from './index-arrays.ts';
import { TokenSet } from './lunr-internals.ts';
import {
  DOC_TYPES,
  SEARCH_INDEX_VERSION,
  type DocType,
  type SearchIndexFile,
  type StoredDoc,
} from './types.ts';

export interface Postings {
  /** Documents holding the term in the field, ascending. */
  refs: Uint32Array;
  /** lunr's weight of the term in each of those documents' field vectors (boost included). */
  weights: Float64Array;
}

export interface LoadedIndex {
  index: lunr.Index;
  docs: readonly StoredDoc[];
  /** Each document's type as its position in DOC_TYPES. */
  types: Uint8Array;
  suggestions: readonly number[];
  fields: readonly string[];
  documentCount: number;
  /** The postings of `term` in `field` (empty for unknown terms and fields). */
  postings(term: string, field: string): Postings;
  /** How many (document, field) pairs contain `term`: lunr's document frequency for idf. */
  documentFrequency(term: string): number;
  /**
   * Runs a lunr query made only of the given index terms (no wildcards, no pipeline). With
   * `candidates`, lunr sees only those documents: their scores are what lunr gives them
   * over the whole index, since a document's score depends only on its own vectors.
   */
  run(
    terms: readonly string[],
    candidates: readonly number[] | null,
    build: lunr.Index.QueryBuilder,
  ): lunr.Index.Result[];
}

const NO_METADATA = Object.freeze({});
const EMPTY: Postings = { refs: new Uint32Array(0), weights: new Float64Array(0) };

export function loadSearchIndex(file: unknown): LoadedIndex {
  const f = file as Partial<SearchIndexFile> | null;
  if (
    !f ||
    f.version !== SEARCH_INDEX_VERSION ||
    !Array.isArray(f.docs) ||
    !f.index ||
    !Array.isArray(f.index.terms)
  ) {
    throw new Error(`not a search index file of version ${SEARCH_INDEX_VERSION}`);
  }
  const types = Uint8Array.from(f.docs, (d) => Math.max(0, DOC_TYPES.indexOf(d[0] as DocType)));
  return { ...lazyIndex(f.index), docs: f.docs, types, suggestions: f.suggestions ?? [] };
}

function lazyIndex(c: CompactIndex): Omit<LoadedIndex, 'docs' | 'types' | 'suggestions'> {
  const { N, F, start, refs, weights, withTerm, docStart, docTerms, docPosting } = indexArrays(c);

  /** Position of term `t` in document field `v`'s slice of the forward index, or -1. */
  function find(v: number, t: number): number {
    let lo = docStart[v]!;
    let hi = docStart[v + 1]!;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (docTerms[mid]! < t) lo = mid + 1;
      else hi = mid;
    }
    return lo < docStart[v + 1]! && docTerms[lo] === t ? lo : -1;
  }

  // While `run` runs: the query's term indexes (ascending) and the candidate documents.
  let focus: number[] | undefined;
  let candidates: readonly number[] | null = null;

  /**
   * lunr scores a match as `queryVector.similarity(fieldVector)`: a dot product divided by the
   * query's magnitude. So while a query runs, a field vector of just the query's terms sums the
   * same products in the same order as the whole vector; outside `run`, the whole vector.
   */
  function vector(v: number): lunr.Vector {
    const elements: number[] = [];
    if (!focus) {
      for (let i = docStart[v]!; i < docStart[v + 1]!; i++)
        elements.push(docTerms[i]!, weights[docPosting[i]!]!);
    } else {
      for (const t of focus) {
        const i = find(v, t);
        if (i >= 0) elements.push(t, weights[docPosting[i]!]!);
      }
    }
    return new lunr.Vector(elements);
  }

  /** The documents lunr sees for (t, f): all of them, or the candidates that hold the term. */
  function postingDocs(t: number, f: number): Record<number, object> {
    const docs: Record<number, object> = {};
    if (candidates) {
      for (const ref of candidates) if (find(ref * F + f, t) >= 0) docs[ref] = NO_METADATA;
    } else {
      for (let p = start[t * F + f]!; p < start[t * F + f + 1]!; p++) docs[refs[p]!] = NO_METADATA;
    }
    return docs;
  }

  const termIndex = new Map(c.terms.map((term, t) => [term, t]));
  const fieldIndex = new Map(c.fields.map((field, f) => [field, f]));

  // Postings objects in lunr's shape, made per field on first read (a query reads few fields).
  // Cached only outside `run`, since inside they depend on the candidates.
  const postingCache = new Map<string, object>();
  const invertedIndex = new Proxy(Object.create(null) as Record<string, object>, {
    get(_, term) {
      const t = typeof term === 'string' ? termIndex.get(term) : undefined;
      if (t === undefined) return undefined;
      const cached = candidates ? undefined : postingCache.get(term as string);
      if (cached) return cached;
      const posting: Record<string, unknown> = { _index: t };
      c.fields.forEach((field, f) => {
        Object.defineProperty(posting, field, {
          enumerable: true,
          configurable: true,
          get() {
            const docs = postingDocs(t, f);
            Object.defineProperty(posting, field, { value: docs, enumerable: true });
            return docs;
          },
        });
      });
      if (!candidates) postingCache.set(term as string, posting);
      return posting;
    },
  });

  const fieldVectors = new Proxy(Object.create(null) as Record<string, lunr.Vector>, {
    get(_, fieldRef) {
      if (typeof fieldRef !== 'string') return undefined;
      const slash = fieldRef.lastIndexOf('/');
      const f = fieldIndex.get(fieldRef.slice(0, slash));
      const ref = Number(fieldRef.slice(slash + 1));
      return f === undefined || !(ref >= 0 && ref < N) ? undefined : vector(ref * F + f);
    },
  });

  // @types/lunr still calls `fieldVectors` by its 1.x name, `documentVectors`.
  const index = new lunr.Index({
    invertedIndex,
    fieldVectors,
    tokenSet: TokenSet.fromArray([...c.terms].sort()),
    fields: c.fields,
    pipeline: lunr.Pipeline.load(c.pipeline),
  } as unknown as lunr.Index.Attributes);

  return {
    index,
    fields: c.fields,
    documentCount: N,
    postings(term, field) {
      const t = termIndex.get(term);
      const f = fieldIndex.get(field);
      if (t === undefined || f === undefined) return EMPTY;
      const [from, to] = [start[t * F + f]!, start[t * F + f + 1]!];
      return { refs: refs.subarray(from, to), weights: weights.subarray(from, to) };
    },
    documentFrequency: (term) => {
      const t = termIndex.get(term);
      return t === undefined ? 0 : withTerm[t]!;
    },
    run(terms, only, build) {
      focus = [...new Set(terms.map((term) => termIndex.get(term)).filter((t) => t !== undefined))].sort(
        (x, y) => x - y,
      );
      candidates = only ? [...only].sort((x, y) => x - y) : null;
      try {
        return index.query(build);
      } finally {
        focus = undefined;
        candidates = null;
      }
    },
  };
}
