/**
 * A snippet around the match: the sentence of a page's text that holds the most of the
 * words searched for (the first such, on a tie), cut to at most `max` characters around its
 * first match, at word boundaries, with an ellipsis where it was cut. No sentence with a
 * match: null, and the result keeps its summary.
 */
import { matchRanges } from './highlight.ts';

export const EXCERPT_LENGTH = 220;

/** Sentences end at . ! or ? (and any closing quote or bracket) before a space, or at a line break; `AML.T0020` does not end one. */
const SENTENCE_END = /(?<=[.!?][)\]"'’”]*)\s+|\n+/;

export function excerpt(text: string, forms: ReadonlySet<string>, max = EXCERPT_LENGTH): string | null {
  let best: { sentence: string; first: number; score: number } | null = null;
  for (const raw of text.split(SENTENCE_END)) {
    const sentence = raw.replace(/\s+/g, ' ').trim();
    const ranges = matchRanges(sentence, forms);
    if (ranges.length === 0) continue;
    const distinct = new Set(ranges.map(([s, e]) => sentence.slice(s, e).toLowerCase())).size;
    const score = distinct * 100 + Math.min(ranges.length, 99);
    if (!best || score > best.score) best = { sentence, first: ranges[0]![0], score };
  }
  if (!best) return null;
  return best.sentence.length <= max ? best.sentence : cutAround(best.sentence, best.first, max);
}

/** Whole words around the one at `at`: up to a quarter of the room before it, the rest after, then before again. */
function cutAround(sentence: string, at: number, max: number): string {
  const words = [...sentence.matchAll(/\S+/g)].map((m) => [m.index, m.index + m[0].length] as const);
  const room = max - 2; // for the ellipses
  const k = Math.max(
    0,
    words.findIndex(([, end]) => end > at),
  );
  const span = (a: number, b: number) => words[b]![1] - words[a]![0];
  if (span(k, k) > room) return `…${sentence.slice(words[k]![0], words[k]![0] + room)}…`;
  let [a, b] = [k, k];
  while (a > 0 && span(a - 1, k) <= room / 4 && span(a - 1, b) <= room) a--;
  while (b < words.length - 1 && span(a, b + 1) <= room) b++;
  while (a > 0 && span(a - 1, b) <= room) a--;
  const cut = sentence.slice(words[a]![0], words[b]![1]);
  return `${a > 0 ? '…' : ''}${cut}${b < words.length - 1 ? '…' : ''}`;
}
