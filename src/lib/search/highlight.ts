/**
 * Which parts of a title or snippet to mark for a result. lunr reports the index terms that
 * matched (stemmed, lower case); a word of the text is marked when it normalises to one of
 * them the way the index normalised it (tokenizer separator, trimmer, Porter stemmer). The
 * result is data: the browser turns it into text nodes and <mark> elements, never HTML.
 */
import lunr from 'lunr';

export interface Segment {
  text: string;
  mark: boolean;
}

const WORD = /[^\s-]+/g;

/** [start, end) ranges of the words in `text` that match `terms`. */
export function matchRanges(text: string, terms: ReadonlySet<string>): Array<[number, number]> {
  if (terms.size === 0) return [];
  const ranges: Array<[number, number]> = [];
  for (const m of text.matchAll(WORD)) {
    const lead = /^\W*/.exec(m[0])![0].length;
    const core = m[0].slice(lead).replace(/\W+$/, '');
    if (!core) continue;
    const stem = lunr.stemmer(new lunr.Token(core.toLowerCase(), {})).toString();
    if (terms.has(stem)) ranges.push([m.index + lead, m.index + lead + core.length]);
  }
  return ranges;
}

/** `text` cut into plain and marked segments, in order, covering it exactly. */
export function highlight(text: string, terms: Iterable<string>): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const [start, end] of matchRanges(text, new Set(terms))) {
    if (start > at) segments.push({ text: text.slice(at, start), mark: false });
    segments.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < text.length || segments.length === 0) segments.push({ text: text.slice(at), mark: false });
  return segments;
}
