/**
 * Which parts of a title or snippet to mark for a result. The index knows every written form
 * of the terms a query matched (SearchIndex#forms: "poison", "poisoning", "poisoned"), so a
 * word of the text is marked when, read the way the index reads words (words.ts), it is one
 * of them. The result is data: the browser turns it into text nodes and <mark> elements,
 * never HTML.
 */
import { trimWord } from './words.ts';

export interface Segment {
  text: string;
  mark: boolean;
}

const WORD = /[^\s-]+/g;

/** [start, end) ranges of the words in `text` that are one of `forms`. */
export function matchRanges(text: string, forms: ReadonlySet<string>): Array<[number, number]> {
  if (forms.size === 0) return [];
  const ranges: Array<[number, number]> = [];
  for (const m of text.matchAll(WORD)) {
    const lead = /^\W*/.exec(m[0])![0].length;
    const core = trimWord(m[0]);
    if (core && forms.has(core.toLowerCase())) ranges.push([m.index + lead, m.index + lead + core.length]);
  }
  return ranges;
}

/** `text` cut into plain and marked segments, in order, covering it exactly. */
export function highlight(text: string, forms: Iterable<string>): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const [start, end] of matchRanges(text, new Set(forms))) {
    if (start > at) segments.push({ text: text.slice(at, start), mark: false });
    segments.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < text.length || segments.length === 0) segments.push({ text: text.slice(at), mark: false });
  return segments;
}
