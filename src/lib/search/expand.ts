/**
 * What each query word can match in one part: its own term, completions while it is being
 * typed, typo neighbours when it is not indexed. The words are looked up as written (the
 * index records which term every written word was stemmed to), so no stemmer runs here.
 */
import type { QueryWord } from './query.ts';
import type { LoadedShard, TermPostings } from './shard.ts';
import { allowedEdits, withinEdits } from './typo.ts';
import { shardKey } from './words.ts';

export interface Alternative {
  term: string;
  postings: TermPostings;
  /** How much a match counts: 1 for the word itself, less for a completion or a typo. */
  boost: number;
  /** A typo neighbour: never makes an exact title match. */
  typo: boolean;
}

export const BOOST = { exact: 1, completion: 0.8, stem: 0.9, typo: [1, 0.6, 0.4] } as const;
/** How much shorter than the word a term found by its beginning may be ("drifting" → drift). */
export const MAX_SUFFIX = 4;
/** Completions kept per word, the commonest first; two letters say little yet. */
export const MAX_COMPLETIONS = 24;
export const MAX_SHORT_COMPLETIONS = 8;
export const MAX_TYPOS = 6;

export type ShardLookup = (key: string) => LoadedShard | undefined;

/** Position of the first word ≥ `text`. */
function lowerBound(words: readonly string[], text: string): number {
  let lo = 0;
  let hi = words.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]! < text) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The longest term of `shard` that `word` begins with, at most MAX_SUFFIX letters shorter and
 * at least four long; a final `i` of the term may stand for the word's `y` (Porter writes
 * "notify" as "notifi"). -1 if none.
 */
function termBeginning(shard: LoadedShard, word: string): number {
  for (let cut = word.length - 1; cut >= Math.max(4, word.length - MAX_SUFFIX); cut--) {
    const head = word.slice(0, cut);
    for (const candidate of head.endsWith('y') ? [head, `${head.slice(0, -1)}i`] : [head]) {
      const t = lowerBound(shard.terms, candidate);
      if (shard.terms[t] === candidate) return t;
    }
  }
  return -1;
}

/** The shard keys a word needs (its own, and its parts' if it has inner punctuation). */
export const keysOf = (word: QueryWord): string[] => [...new Set([word.text, ...word.parts].map(shardKey))];

export function alternatives(word: QueryWord, shards: ShardLookup): Alternative[] {
  const found = new Map<string, Alternative>();
  const add = (shard: LoadedShard, w: number, boost: number, typo = false) => {
    const t = shard.wordTerms[w]!;
    const term = shard.terms[t]!;
    const had = found.get(term);
    if (!had || had.boost < boost) found.set(term, { term, postings: shard.postings[t]!, boost, typo });
  };
  const shard = shards(shardKey(word.text));
  if (shard) {
    const at = lowerBound(shard.words, word.text);
    if (shard.words[at] === word.text) add(shard, at, BOOST.exact);
    if (word.prefix) {
      const range: number[] = [];
      for (let w = at; w < shard.words.length && shard.words[w]!.startsWith(word.text); w++) range.push(w);
      const max = word.text.length < 3 ? MAX_SHORT_COMPLETIONS : MAX_COMPLETIONS;
      const byTerm = new Map<number, number>();
      for (const w of range) if (!byTerm.has(shard.wordTerms[w]!)) byTerm.set(shard.wordTerms[w]!, w);
      [...byTerm]
        .sort(([a], [b]) => shard.postings[b]!.df - shard.postings[a]!.df)
        .slice(0, max)
        .forEach(([, w]) => add(shard, w, BOOST.completion));
    }
    if (found.size === 0 && word.fuzzy) {
      // A form the site never wrote ("drifting" where it wrote "drift" and "drifted"): the longest
      // term the word begins with, as a stemmer would have cut it.
      const t = termBeginning(shard, word.text);
      if (t >= 0) {
        const term = shard.terms[t]!;
        found.set(term, { term, postings: shard.postings[t]!, boost: BOOST.stem, typo: false });
      }
    }
    if (found.size === 0 && word.fuzzy) {
      const max = allowedEdits(word.text.length);
      const near: Array<[w: number, edits: number]> = [];
      shard.words.forEach((candidate, w) => {
        const edits = withinEdits(word.text, candidate, max);
        if (edits !== null && edits > 0) near.push([w, edits]);
      });
      near
        .sort(
          ([a, x], [b, y]) =>
            x - y || shard.postings[shard.wordTerms[b]!]!.df - shard.postings[shard.wordTerms[a]!]!.df,
        )
        .slice(0, MAX_TYPOS)
        .forEach(([w, edits]) => add(shard, w, BOOST.typo[edits]!, true));
    }
  }
  if (found.size === 0 && word.parts.length) {
    // `title:poison` is not indexed whole: its parts, each as an exact word.
    for (const part of word.parts) {
      const s = shards(shardKey(part));
      const at = s ? lowerBound(s.words, part) : -1;
      if (s && s.words[at] === part) add(s, at, BOOST.exact);
    }
  }
  return [...found.values()];
}

/** `alts`' terms as they stand in another part's shards (same boost), where that part has them. */
export function termsIn(
  alts: readonly Alternative[],
  keys: readonly string[],
  shards: ShardLookup,
): Alternative[] {
  const out: Alternative[] = [];
  for (const alt of alts) {
    for (const key of keys) {
      const shard = shards(key);
      const t = shard ? lowerBound(shard.terms, alt.term) : -1;
      if (shard && shard.terms[t] === alt.term) {
        out.push({ ...alt, postings: shard.postings[t]! });
        break;
      }
    }
  }
  return out;
}

/** The written forms of `terms` in a shard, for marking matches in titles and snippets. */
export function formsOf(shard: LoadedShard, terms: ReadonlySet<string>): string[] {
  const out: string[] = [];
  shard.words.forEach((w, i) => terms.has(shard.terms[shard.wordTerms[i]!]!) && out.push(w));
  return out;
}
