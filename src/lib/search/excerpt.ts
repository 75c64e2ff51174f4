/**
 * A snippet around the match: the sentence of a page's text that holds the most of the
 * words searched for (the first such, on a tie), cut to `max` characters around its first
 * match. No sentence with a match: null, and the result keeps its summary.
 */
import { matchRanges } from './highlight.ts';

export const EXCERPT_LENGTH = 220;

const SENTENCES = /[^.!?\n]+(?:[.!?]+(?=\s|$)|\n|$)/g;

export function excerpt(text: string, forms: ReadonlySet<string>, max = EXCERPT_LENGTH): string | null {
  let best: { sentence: string; first: number; score: number } | null = null;
  for (const m of text.matchAll(SENTENCES)) {
    const sentence = m[0].replace(/\s+/g, ' ').trim();
    const ranges = matchRanges(sentence, forms);
    if (ranges.length === 0) continue;
    const distinct = new Set(ranges.map(([s, e]) => sentence.slice(s, e).toLowerCase())).size;
    const score = distinct * 100 + Math.min(ranges.length, 99);
    if (!best || score > best.score) best = { sentence, first: ranges[0]![0], score };
  }
  if (!best) return null;
  const { sentence, first } = best;
  if (sentence.length <= max) return sentence;
  // Start a little before the first match, at a word boundary, and end at one.
  let from = Math.max(0, Math.min(first - Math.floor(max / 4), sentence.length - max));
  if (from > 0) from = sentence.indexOf(' ', from) + 1 || from;
  let cut = sentence.slice(from, from + max - 2);
  if (from + cut.length < sentence.length) cut = cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2));
  return `${from > 0 ? '…' : ''}${cut.trim()}${from + cut.length < sentence.length ? '…' : ''}`;
}
