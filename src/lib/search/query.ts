/**
 * Reads a query as people type it. Nothing here is query syntax that can fail: words are
 * normalised the way the index normalised text (words.ts), so `:`, `^`, `~`, `+` and `-` are
 * ordinary characters and no input can throw.
 * - every word must match for a result to count as a full match; pages matching only some
 *   words are listed after, as such;
 * - the last word is completed as a prefix (`pois` finds "poisoning") unless a space follows
 *   it, and it is kept even when it is a stop word (`at` on the way to "attack");
 * - other stop words are dropped, as the index drops them, unless the query has nothing
 *   else (`least` alone finds "Least privilege…" through its title);
 * - `word*` asks for completion explicitly; a leading `*` is dropped with a notice;
 * - words of five letters or more that are not in the index as written are matched by the
 *   term they begin with ("drifting" → drift), else with one typo (two from nine letters),
 *   compared with the words as written, not their stems;
 * - "quoted phrases" require each of their words, as written (no completion or typo);
 * - words with inner punctuation (`title:poison`) fall back to their parts when the whole
 *   is not indexed (taxonomy IDs such as `AML.T0020` are indexed whole).
 */
import { splitWords, STOP_WORDS, trimWord, WORD_SEPARATOR } from './words.ts';

export interface QueryWord {
  /** Lower case, trimmed as the index trims, not stemmed. */
  text: string;
  prefix: boolean;
  /** Typo-tolerant when not found. */
  fuzzy: boolean;
  /** From a quoted phrase: documents without it are not results at all. */
  required: boolean;
  stop: boolean;
  /** Pieces of a word with inner punctuation, searched if the whole is not indexed. */
  parts: string[];
}

export interface ParsedQuery {
  words: QueryWord[];
  /** Things the reader should know about how the query was read. */
  notices: string[];
}

export const MAX_QUERY_LENGTH = 200;
export const MAX_WORDS = 8;
/** A single letter would complete to a large part of the index. */
export const MIN_PREFIX = 2;
export const MIN_FUZZY = 5;

export function parseQuery(raw: unknown): ParsedQuery {
  const notices: string[] = [];
  let text = typeof raw === 'string' ? raw : '';
  if (text.length > MAX_QUERY_LENGTH) {
    text = text.slice(0, MAX_QUERY_LENGTH);
    notices.push(`Only the first ${MAX_QUERY_LENGTH} characters are searched.`);
  }
  text = text.toLowerCase();
  const phrases: string[] = [];
  const rest = text
    .replace(/"([^"]*)"/g, (_, phrase: string) => (phrases.push(phrase), ' '))
    .replace(/"/g, ' ');
  const typing = !/\s$/.test(rest) && rest.trim() !== '';
  const tokens = [
    ...phrases.flatMap((p) => p.split(WORD_SEPARATOR).map((token) => ({ token, required: true }))),
    ...rest.split(WORD_SEPARATOR).map((token) => ({ token, required: false })),
  ].filter((t) => t.token);

  let words: QueryWord[] = [];
  tokens.forEach(({ token, required }, i) => {
    if (/^\W*\*/.test(token) && !notices.some((n) => n.startsWith('Wildcards')))
      notices.push('Wildcards only work at the end of a word; the leading * was ignored.');
    const explicit = /\*\W*$/.test(token);
    const word = trimWord(token.replace(/\*/g, ''));
    if (!word || words.some((w) => w.text === word)) return;
    const last = i === tokens.length - 1 && typing && !required;
    const parts = splitWords(word.replace(/\W+/g, ' '));
    words.push({
      text: word,
      prefix: (explicit || last) && !required && word.length >= MIN_PREFIX,
      fuzzy: !required && word.length >= MIN_FUZZY && /^[a-z]+$/.test(word),
      required,
      stop: STOP_WORDS.has(word),
      parts: parts.length > 1 ? parts : [],
    });
  });
  // Stop words count only while being typed, or when there is nothing else to search for.
  if (words.some((w) => !w.stop)) words = words.filter((w) => !w.stop || w.prefix);
  if (words.length > MAX_WORDS) {
    words = words.slice(0, MAX_WORDS);
    notices.push(`Only the first ${MAX_WORDS} words are searched.`);
  }
  return { words, notices };
}
