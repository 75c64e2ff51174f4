/**
 * Words as the index keeps them, for the build and the browser alike: the browser loads no
 * lunr, so this mirrors the two lunr steps it needs (see lunr 2.3.9 `lunr.tokenizer` and
 * `lunr.trimmer`) and lunr's stop-word list. test/unit/search-words.test.ts checks all three
 * against lunr itself over the whole site's text.
 */

/** lunr.tokenizer.separator: whitespace and hyphens split words. */
export const WORD_SEPARATOR = /[\s-]+/;

/** lunr.trimmer: non-word characters at either end go; inner ones (`AML.T0020`, `gdpr's`) stay. */
export const trimWord = (word: string): string => word.replace(/^\W+/, '').replace(/\W+$/, '');

/** The words of `text` as the index reads them: lower case, trimmed, empty ones dropped. */
export const splitWords = (text: string): string[] =>
  text.toLowerCase().split(WORD_SEPARATOR).map(trimWord).filter(Boolean);

/** lunr.stopWordFilter's list. Stop words are indexed in titles only (so "least" alone finds "Least privilege"). */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a able about across after all almost also am among an and any are as at be because been but by can ' +
    'cannot could dear did do does either else ever every for from get got had has have he her hers him his ' +
    'how however i if in into is it its just least let like likely may me might most must my neither no nor ' +
    'not of off often on only or other our own rather said say says she should since so some than that the ' +
    'their them then there these they this tis to too twas us wants was we were what when where which while ' +
    'who whom why will with would yet you your'
  ).split(' '),
);

/**
 * The shard a word lives in: its first two characters. A query word and every completion of
 * it share a shard once two letters are typed, so one fetch answers a word being typed.
 */
export const shardKey = (word: string): string => [...word].slice(0, 2).join('');

/** A file name for a shard key: plain letters and digits as they are, anything else spelt in hex. */
export const shardFile = (key: string): string =>
  /^[a-z0-9]{1,2}$/.test(key)
    ? key
    : `_${[...key].map((c) => c.codePointAt(0)!.toString(16).padStart(4, '0')).join('')}`;
