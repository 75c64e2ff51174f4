/**
 * Picks the documents worth handing to lunr for one query. lunr's query engine costs a few
 * microseconds for every document a term touches (objects for match data, field refs and
 * sets); at 10,000 board items a common word touches thousands. This pass scores every
 * touched document from typed arrays with lunr's own weights and query-vector arithmetic
 * (to within float rounding) and returns the best few of each kind, plus how many matched
 * in all. lunr then scores just those, and its scores for them are exactly what it would
 * give over the whole index, so the results shown are lunr's (test/unit/search-query.test.ts
 * compares them with an unrestricted lunr query).
 */
import type { LoadedIndex } from './load-index.ts';
import type { QueryPlan } from './query-plan.ts';
import { DOC_TYPES, type DocType } from './types.ts';

export interface Pick {
  /** Best documents wanted in all... */
  limit?: number | undefined;
  /** ...or of each type. */
  perType?: number | undefined;
  /** Only documents of this type are wanted (counts still cover all types). */
  type?: DocType | null | undefined;
  /** Weight of each type in the final ranking. */
  weight: Readonly<Record<DocType, number>>;
}

export interface Selection {
  candidates: number[];
  /** Matching documents per type: all of them, not only the candidates. */
  byType: Record<DocType, number>;
}

/** A little more than asked for, so float rounding at the cut-off cannot change what is shown. */
const withMargin = (k: number) => k + 2;

/** The `k` refs with the highest key (ties: first come), in their given order. */
function best(refs: number[], key: Float64Array, k: number): number[] {
  if (refs.length <= k) return refs;
  // The k-th highest key, from a min-heap of the k highest seen so far.
  const heap = new Float64Array(k);
  for (let i = 0; i < refs.length; i++) {
    const value = key[refs[i]!]!;
    if (i < k) {
      let j = i;
      for (; j > 0 && heap[(j - 1) >> 1]! > value; j = (j - 1) >> 1) heap[j] = heap[(j - 1) >> 1]!;
      heap[j] = value;
    } else if (value > heap[0]!) {
      let j = 0;
      for (;;) {
        const l = 2 * j + 1;
        if (l >= k) break;
        const c = l + 1 < k && heap[l + 1]! < heap[l]! ? l + 1 : l;
        if (heap[c]! >= value) break;
        heap[j] = heap[c]!;
        j = c;
      }
      heap[j] = value;
    }
  }
  const threshold = heap[0]!;
  let ties = k;
  for (const r of refs) if (key[r]! > threshold) ties--;
  const out: number[] = [];
  for (const r of refs) if (key[r]! > threshold || (key[r] === threshold && ties-- > 0)) out.push(r);
  return out;
}

/** Per-document accumulators, kept per index and cleared after each query: typing makes many queries. */
interface Scratch {
  score: Float64Array;
  key: Float64Array;
  covered: Uint32Array;
  required: Uint8Array;
  stamp: Uint8Array;
}
const scratches = new WeakMap<LoadedIndex, Scratch>();

function scratchFor(loaded: LoadedIndex): Scratch {
  let s = scratches.get(loaded);
  if (!s) {
    const N = loaded.documentCount;
    s = {
      score: new Float64Array(N),
      key: new Float64Array(N),
      covered: new Uint32Array(N),
      required: new Uint8Array(N),
      stamp: new Uint8Array(N),
    };
    scratches.set(loaded, s);
  }
  return s;
}

export function selectCandidates(loaded: LoadedIndex, plan: QueryPlan, words: number, pick: Pick): Selection {
  const scratch = scratchFor(loaded);
  const touched: number[] = [];
  try {
    return select(loaded, plan, words, pick, scratch, touched);
  } finally {
    for (const d of touched) {
      scratch.score[d] = scratch.key[d] = scratch.covered[d] = scratch.required[d] = 0;
    }
  }
}

function select(
  loaded: LoadedIndex,
  plan: QueryPlan,
  words: number,
  pick: Pick,
  scratch: Scratch,
  touched: number[],
): Selection {
  const byType = Object.fromEntries(DOC_TYPES.map((t) => [t, 0])) as Record<DocType, number>;
  const N = loaded.documentCount;
  const { score, key, covered, required, stamp } = scratch;

  // lunr's query vector per field: each planned term's boost in each of its fields.
  const magnitude = new Map<string, number>();
  for (const t of plan.terms)
    for (const f of t.fields) magnitude.set(f, (magnitude.get(f) ?? 0) + t.boost * t.boost);
  let requiredClauses = 0;
  for (const t of plan.terms) {
    const bit = 1 << t.word;
    for (const field of t.fields) {
      const { refs, weights } = loaded.postings(t.term, field);
      const scale = t.boost / Math.sqrt(magnitude.get(field)!);
      for (let i = 0; i < refs.length; i++) {
        const d = refs[i]!;
        if (covered[d] === 0) touched.push(d);
        score[d]! += weights[i]! * scale;
        covered[d]! |= bit;
      }
    }
    // A required term must occur in one of its fields: count each document once per term.
    if (t.required) {
      requiredClauses++;
      for (const field of t.fields) for (const d of loaded.postings(t.term, field).refs) stamp[d] = 1;
      for (const d of touched) required[d]! += stamp[d]!;
      stamp.fill(0);
    }
  }

  const counts = new Uint32Array(DOC_TYPES.length);
  const groups: number[][] = DOC_TYPES.map(() => []);
  const only = pick.type ? DOC_TYPES.indexOf(pick.type) : -1;
  const weight = DOC_TYPES.map((t) => pick.weight[t]);
  let top = -1;
  for (const d of touched) {
    if (required[d]! < requiredClauses) continue;
    const type = loaded.types[d]!;
    counts[type]!++;
    if (top < 0 || score[d]! > score[top]!) top = d;
    if (only >= 0 && type !== only) continue;
    let n = 0;
    for (let m = covered[d]!; m; m &= m - 1) n++;
    key[d] = score[d]! * (n / words) * weight[type]!;
    groups[type]!.push(d);
  }
  DOC_TYPES.forEach((t, i) => (byType[t] = counts[i]!));
  const chosen = pick.perType
    ? groups.flatMap((refs) => best(refs, key, withMargin(pick.perType!)))
    : best(groups.flat(), key, withMargin(pick.limit ?? N));
  // The best-scoring document of the index, which the caller normalises scores by.
  if (top >= 0 && !chosen.includes(top)) chosen.push(top);
  return { candidates: chosen, byType };
}
