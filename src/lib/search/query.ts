/**
 * Reads a query as people type it. Nothing here is lunr query syntax: words are normalised
 * the way the index normalises text (lunr's tokenizer separator and trimmer, its stop words),
 * so `:`, `^`, `~`, `*`, `+` and `-` are ordinary characters and no input can throw.
 * - the last word is completed as a prefix (`pois` finds "poisoning") unless a space follows it;
 * - `word*` asks for completion explicitly; a leading `*` is dropped with a notice, because
 *   it would make lunr walk the whole term set;
 * - words of five letters or more tolerate one typo (applied by the planner when the word
 *   itself is not in the index);
 * - "quoted phrases" require each of their words (the index keeps no positions, so word order
 *   is not checked);
 * - words with inner punctuation (`title:poison`, `gdpr's`) fall back to their parts.
 */
import lunr from 'lunr';

export interface QueryWord {
  /** Lower case, trimmed of punctuation at both ends, not yet stemmed. */
  text: string;
  prefix: boolean;
  fuzzy: boolean;
  required: boolean;
  /** Pieces of a word with inner punctuation (`title:poison` → title, poison), searched if the whole is not indexed. */
  parts: string[];
}

export interface ParsedQuery {
  words: QueryWord[];
  /** Things the reader should know about how the query was read. */
  notices: string[];
}

export const MAX_QUERY_LENGTH = 200;
export const MAX_WORDS = 8;
/** Shorter stems would expand to hundreds of index terms. */
export const MIN_PREFIX = 2;
export const MIN_FUZZY = 5;

const trim = (s: string) => s.replace(/^\W+/, '').replace(/\W+$/, '');
const isStopWord = (s: string) => lunr.stopWordFilter(new lunr.Token(s, {})) === undefined;

export function parseQuery(raw: unknown): ParsedQuery {
  const notices: string[] = [];
  let text = typeof raw === 'string' ? raw : '';
  if (text.length > MAX_QUERY_LENGTH) {
    text = text.slice(0, MAX_QUERY_LENGTH);
    notices.push(`Only the first ${MAX_QUERY_LENGTH} characters are searched.`);
  }
  text = text.toLowerCase();
  const words: QueryWord[] = [];
  const add = (token: string, required: boolean, last: boolean) => {
    const leading = /^\W*\*/.test(token);
    if (leading && !notices.some((n) => n.startsWith('Wildcards')))
      notices.push('Wildcards only work at the end of a word; the leading * was ignored.');
    const explicitPrefix = /\*\W*$/.test(token);
    const word = trim(token.replace(/\*/g, ''));
    if (!word) return;
    if (isStopWord(word) || words.some((x) => x.text === word)) return;
    const parts = word.split(/\W+/).filter((p) => p.length > 1 && !isStopWord(p));
    words.push({
      text: word,
      prefix: (explicitPrefix || last) && !required && word.length >= MIN_PREFIX,
      fuzzy: !required && word.length >= MIN_FUZZY && /^[a-z]+$/.test(word),
      required,
      parts: parts.length > 1 ? parts : [],
    });
  };

  const phrases: string[] = [];
  const rest = text
    .replace(/"([^"]*)"/g, (_, phrase: string) => (phrases.push(phrase), ' '))
    .replace(/"/g, ' ');
  for (const phrase of phrases)
    for (const token of phrase.split(lunr.tokenizer.separator)) add(token, true, false);
  const tokens = rest.split(lunr.tokenizer.separator).filter(Boolean);
  const typing = !/\s$/.test(rest);
  tokens.forEach((token, i) => add(token, false, typing && i === tokens.length - 1));

  if (words.length > MAX_WORDS) {
    words.length = MAX_WORDS;
    notices.push(`Only the first ${MAX_WORDS} words are searched.`);
  }
  return { words, notices };
}
