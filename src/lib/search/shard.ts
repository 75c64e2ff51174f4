/**
 * A shard file (types.ts) checked and decoded for querying: postings as typed arrays, refs
 * absolute. A file that is not a shard of this format version is refused with the reason.
 */
import { SEARCH_FORMAT_VERSION } from './types.ts';

export interface TermPostings {
  refs: Uint32Array;
  codes: Uint32Array;
  df: number;
}

export interface LoadedShard {
  /** Sorted. */
  words: readonly string[];
  /** Index into `terms` per word. */
  wordTerms: Uint32Array;
  terms: readonly string[];
  postings: readonly TermPostings[];
}

const isNumbers = (list: unknown): list is number[] =>
  Array.isArray(list) && list.every((n) => Number.isInteger(n) && n >= 0);

export function readShard(file: unknown, where: string): LoadedShard {
  const f = file as Record<string, unknown> | null;
  const fail = (what: string) =>
    new Error(`${where}: not a search shard of version ${SEARCH_FORMAT_VERSION} (${what})`);
  if (!f || typeof f !== 'object' || f['version'] !== SEARCH_FORMAT_VERSION) throw fail('version');
  const { words, wordTerms, terms, df, refs, codes } = f;
  if (!Array.isArray(words) || !words.every((w) => typeof w === 'string')) throw fail('words');
  if (!Array.isArray(terms) || !terms.every((t) => typeof t === 'string')) throw fail('terms');
  if (!isNumbers(wordTerms) || wordTerms.length !== words.length || wordTerms.some((t) => t >= terms.length))
    throw fail('wordTerms');
  if (!isNumbers(df) || df.length !== terms.length) throw fail('df');
  if (
    !Array.isArray(refs) ||
    !Array.isArray(codes) ||
    refs.length !== terms.length ||
    codes.length !== terms.length
  )
    throw fail('postings');
  const postings = terms.map((_, t) => {
    const gaps = refs[t] as unknown;
    const c = codes[t] as unknown;
    if (!isNumbers(gaps) || !isNumbers(c) || gaps.length !== c.length) throw fail(`postings of term ${t}`);
    const absolute = new Uint32Array(gaps.length);
    for (let i = 0, ref = 0; i < gaps.length; i++) absolute[i] = ref += gaps[i]!;
    return { refs: absolute, codes: Uint32Array.from(c), df: df[t]! };
  });
  return {
    words: words as string[],
    wordTerms: Uint32Array.from(wordTerms),
    terms: terms as string[],
    postings,
  };
}
