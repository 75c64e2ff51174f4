/**
 * Text to index tokens at build time, through lunr's public API: its tokenizer, trimmer,
 * stop-word filter and Porter stemmer. Each token keeps the word as written (lower case,
 * trimmed), which the browser matches what people type against, and its stem, the term
 * that is indexed. Stems are cached: a large site repeats the same few thousand words.
 */
import lunr from 'lunr';

export interface Token {
  word: string;
  term: string;
  stop: boolean;
}

export function tokenizer(): (text: string) => Token[] {
  const cache = new Map<string, Token>();
  return (text) => {
    const out: Token[] = [];
    for (const raw of lunr.tokenizer(text)) {
      const word = lunr.trimmer(raw).toString();
      if (!word) continue;
      let token = cache.get(word);
      if (!token) {
        const stop = lunr.stopWordFilter(new lunr.Token(word, {})) === undefined;
        token = { word, term: lunr.stemmer(new lunr.Token(word, {})).toString(), stop };
        cache.set(word, token);
      }
      out.push(token);
    }
    return out;
  };
}
