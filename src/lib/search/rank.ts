/**
 * Scores documents for a query from the postings of each word's alternatives (expand.ts) and
 * sorts them into tiers, best first:
 *   3 every word matches, and the title is exactly the query's words or the document is
 *     tagged with a taxonomy ID the query names;
 *   2 every word matches, all in the title;
 *   1 every word matches;
 *   0 some words match ("Results with some of your words").
 * Within a tier, by score: per word, the best of its alternatives' BM25 weight
 * (idf × the posting's field-weighted term frequency) times the alternative's boost, summed
 * over words. Board items and pages share idf, so they compete on the same score.
 */
import type { Alternative } from './expand.ts';
import { postingTagged, postingTitleLength, postingWeight } from './posting-code.ts';

export interface WordMatch {
  alternatives: Alternative[];
  required: boolean;
  /** Stop words do not count towards a title's length. */
  stop: boolean;
}

export interface Ranked {
  ref: number;
  tier: 0 | 1 | 2 | 3;
  score: number;
}

/**
 * Per-document accumulators and the list of matches, reused between queries (typing makes
 * many), so a query allocates nothing per document: at 11,000 documents a common word
 * matches thousands.
 */
export class Scratch {
  readonly score: Float64Array;
  readonly best: Float64Array;
  readonly covered: Uint16Array;
  readonly inTitle: Uint16Array;
  readonly exact: Uint16Array;
  readonly tagged: Uint8Array;
  readonly seen: Uint32Array;
  readonly wordSeen: Uint32Array;
  /** The matches of the last query: `count` refs with their tier and score. */
  readonly refs: Uint32Array;
  readonly tiers: Uint8Array;
  readonly scores: Float64Array;
  count = 0;
  generation = 0;

  constructor(documents: number) {
    this.score = new Float64Array(documents);
    this.best = new Float64Array(documents);
    this.covered = new Uint16Array(documents);
    this.inTitle = new Uint16Array(documents);
    this.exact = new Uint16Array(documents);
    this.tagged = new Uint8Array(documents);
    this.seen = new Uint32Array(documents);
    this.wordSeen = new Uint32Array(documents);
    this.refs = new Uint32Array(documents);
    this.tiers = new Uint8Array(documents);
    this.scores = new Float64Array(documents);
  }
}

export const idf = (documents: number, df: number): number =>
  Math.log(1 + Math.abs((documents - df + 0.5) / (df + 0.5)));

/** Scores every document the words touch into `s.refs`/`s.tiers`/`s.scores` (`s.count` of them). */
export function rank(words: readonly WordMatch[], documents: number, s: Scratch): void {
  const query = ++s.generation;
  const length = words.filter((w) => !w.stop).length;
  let all = 0;
  let required = 0;
  let counted = 0;
  let touched = 0;
  words.forEach((word, i) => {
    const bit = 1 << i;
    all |= bit;
    if (word.required) required |= bit;
    if (!word.stop) counted |= bit;
    const stamp = ++s.generation;
    for (const alt of word.alternatives) {
      const weight = idf(documents, alt.postings.df) * alt.boost;
      const { refs, codes } = alt.postings;
      for (let p = 0; p < refs.length; p++) {
        const d = refs[p]!;
        const code = codes[p]!;
        if (s.wordSeen[d] !== stamp) {
          s.wordSeen[d] = stamp;
          s.best[d] = 0;
          if (s.seen[d] !== query) {
            s.seen[d] = query;
            s.score[d] = s.covered[d] = s.inTitle[d] = s.exact[d] = s.tagged[d] = 0;
            s.refs[touched++] = d;
          }
        }
        const score = postingWeight(code) * weight;
        if (score > s.best[d]!) s.best[d] = score;
        if (alt.typo) continue;
        const title = postingTitleLength(code);
        if (title > 0) {
          s.inTitle[d]! |= bit;
          // The shortest title or alias holding the word is no longer than the query: the query names it.
          if (title <= length) s.exact[d]! |= bit;
        }
        if (postingTagged(code)) s.tagged[d] = 1;
      }
    }
    // Every document this word touched: those seen for an earlier word and the new ones.
    for (let i2 = 0; i2 < touched; i2++) {
      const d = s.refs[i2]!;
      if (s.wordSeen[d] !== stamp) continue;
      s.score[d]! += s.best[d]!;
      s.covered[d]! |= bit;
    }
  });

  let n = 0;
  for (let i = 0; i < touched; i++) {
    const d = s.refs[i]!;
    const covered = s.covered[d]!;
    if ((covered & required) !== required) continue;
    let tier = 0;
    if (covered === all) {
      tier = 1;
      if ((s.inTitle[d]! & all) === all) tier = 2;
      if (s.tagged[d] || (counted !== 0 && (s.exact[d]! & counted) === counted)) tier = 3;
    }
    s.refs[n] = d;
    s.tiers[n] = tier;
    s.scores[n++] = s.score[d]!;
  }
  s.count = n;
}

/** Best first: tier, then score, then ref (earlier documents are the curated order). */
export const byRank = (a: Ranked, b: Ranked): number => b.tier - a.tier || b.score - a.score || a.ref - b.ref;

/**
 * The `k` best matches of the last `rank` that `keep` accepts, in rank order: a sorted
 * window of the best seen so far, which most matches fall below at once.
 */
export function best(s: Scratch, k: number, keep: (ref: number) => boolean): Ranked[] {
  const top: Ranked[] = [];
  if (k <= 0) return top;
  for (let i = 0; i < s.count; i++) {
    const tier = s.tiers[i]!;
    const score = s.scores[i]!;
    const ref = s.refs[i]!;
    if (top.length === k) {
      const last = top[k - 1]!;
      if (
        tier < last.tier ||
        (tier === last.tier && (score < last.score || (score === last.score && ref > last.ref)))
      )
        continue;
    }
    if (!keep(ref)) continue;
    const r: Ranked = { ref, tier: tier as Ranked['tier'], score };
    let at = top.length;
    while (at > 0 && byRank(r, top[at - 1]!) < 0) at--;
    top.splice(at, 0, r);
    if (top.length > k) top.pop();
  }
  return top;
}
