/**
 * Inline facts about a paragraph of Markdown, read without a parser for the body budget
 * (body-budget.ts), one line at a time:
 *
 * - special characters, each of which may make the parser walk or splice the paragraph's events
 *   (an unmatched closer walks back to the paragraph's start, a failed construct is merged into
 *   the text around it): the paragraph costs up to this many times its length. Counted
 *   everywhere, code and tags included, so that no misreading here can hide a cost;
 * - emphasis nesting: delimiter runs (`*`, `_`, `~`) that can open add their length, runs that
 *   can close take it away, by CommonMark's flanking rules. A run of 5,000 `*`, or 2,500 single
 *   `*` that each open (`*a *a *a…`), nests thousands of levels deep. Bracket nesting (`[`) too;
 * - inside an open `[`, each word: GFM's autolink check walks back to the `[` from every one;
 * - footnote references (`[^`), and the bytes of markup the inline constructs render to.
 *
 * Code spans and inline HTML tags (on one line) hold no emphasis, and code spans no tags: they
 * are left out of the nesting. A misreading there can only let a body through that then fails
 * to render, which renderBody catches.
 */
import type { TagDepth } from './html-depth.ts';

const WHITESPACE = 0;
const PUNCTUATION = 1;
const OTHER = 2;
type Kind = typeof WHITESPACE | typeof PUNCTUATION | typeof OTHER;

/** Bytes of markup per emphasis delimiter (`*a*` → `<em>a</em>`), link (`<a href="">`) and footnote reference. */
const DELIMITER_BYTES = 5;
const LINK_BYTES = 12;
const FOOTNOTE_BYTES = 270;
/** Longest inline tag looked for: longer ones are read as text, which only raises the estimate. */
const MAX_TAG = 512;

const UNICODE_PUNCTUATION = /^[\p{P}\p{S}]$/u;
const UNICODE_WHITESPACE = /^\s$/u;
/** What the parser may treat as the start of a construct: ! & * < [ \ ] _ ` ~ */
const SPECIAL = new Set([33, 38, 42, 60, 91, 92, 93, 95, 96, 126]);

/** CommonMark's classes for flanking: Unicode whitespace, Unicode punctuation, anything else. */
function kind(char: string | undefined): Kind {
  if (char === undefined) return WHITESPACE;
  const c = char.charCodeAt(0);
  if (c < 128) {
    if (c <= 32) return WHITESPACE;
    const punctuation = (c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || c >= 123;
    return punctuation ? PUNCTUATION : OTHER;
  }
  if (UNICODE_WHITESPACE.test(char)) return WHITESPACE;
  return UNICODE_PUNCTUATION.test(char) ? PUNCTUATION : OTHER;
}

/** The code point ending just before `index` (a line's start counts as whitespace). */
function charBefore(line: string, index: number, start: number): string | undefined {
  if (index <= start) return undefined;
  const c = line.charCodeAt(index - 1);
  const pair = c >= 0xdc00 && c <= 0xdfff && index - 2 >= start;
  return pair ? line.slice(index - 2, index) : line[index - 1];
}

function charAt(line: string, index: number): string | undefined {
  const c = line.codePointAt(index);
  return c === undefined ? undefined : String.fromCodePoint(c);
}

const isAlphanumeric = (c: number) => (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
/** An ASCII letter or digit after something else: where GFM tries autolinks (`www.`, `a@b.c`). */
const isWordStart = (line: string, i: number, start: number) =>
  isAlphanumeric(line.charCodeAt(i)) && (i === start || !isAlphanumeric(line.charCodeAt(i - 1)));
const isAsciiPunctuation = (c: number) => c < 128 && kind(String.fromCharCode(c)) === PUNCTUATION;

export class InlineScan {
  /** Open delimiter lengths per marker: `*`, `_`, `~`. */
  private readonly open = new Map<number, number>([
    [42, 0],
    [95, 0],
    [126, 0],
  ]);
  private brackets = 0;
  /** Where the `[` still open in the paragraph are, innermost last. */
  private readonly labels: number[] = [];
  /** Special characters and delimiter runs in the paragraph so far. */
  specials = 0;
  /** Characters walked back to an open `[` from each word inside it, in the whole body. */
  labelWalks = 0;
  /** Footnote references (`[^`) in the whole body. */
  footnotes = 0;
  /** Estimated bytes of the elements the markup renders to, in the whole body. */
  markupBytes = 0;
  /** Deepest emphasis and bracket nesting since the last `markLine`. */
  lineMax = 0;

  /** A new paragraph: emphasis and brackets cannot cross paragraphs. */
  reset(): void {
    for (const marker of this.open.keys()) this.open.set(marker, 0);
    this.brackets = 0;
    this.labels.length = 0;
    this.specials = 0;
  }

  markLine(): void {
    this.lineMax = this.depth();
  }

  /**
   * Reads a line's content from `start` (the line starts at `offset` in the body), and feeds
   * `tags` everything outside code spans.
   */
  scan(line: string, start: number, offset: number, tags: TagDepth): void {
    const spans = codeSpans(line, start);
    let text = start;
    for (let i = start; i < line.length; i += 1) {
      const c = line.charCodeAt(i);
      if (!SPECIAL.has(c)) {
        // Inside an open `[`, each word may start an autolink, and the check walks back to it.
        if (this.labels.length > 0 && isWordStart(line, i, start)) {
          this.labelWalks += offset + i - this.labels.at(-1)!;
        }
        continue;
      }
      this.specials += 1;
      if (c === 96) {
        const span = spans.get(i);
        if (span === undefined) {
          while (line.charCodeAt(i + 1) === 96) i += 1;
          continue;
        }
        tags.scan(line.slice(text, i));
        text = span;
        i = this.skip(line, i + 1, span);
      } else if (c === 60) {
        i = this.skip(line, i + 1, inlineTagEnd(line, i));
      } else if (c === 92) {
        if (isAsciiPunctuation(line.charCodeAt(i + 1))) i += 1;
      } else {
        if (c === 42 || c === 95 || c === 126) i = this.run(line, i, start) - 1;
        else if (c === 91) this.bracket(line.charCodeAt(i + 1) === 94, offset + i);
        else if (c === 93) {
          this.brackets = Math.max(0, this.brackets - 1);
          this.labels.pop();
          // A link destination holds no code span: its backticks are part of the URL.
          if (line.charCodeAt(i + 1) === 40) i = this.skip(line, i + 1, destinationEnd(line, i + 1));
        }
        this.lineMax = Math.max(this.lineMax, this.depth());
      }
    }
    tags.scan(line.slice(text));
    tags.scan('\n');
  }

  /** Counts the specials in a code span or tag without reading them as markup; the index to go on from. */
  private skip(line: string, from: number, end: number): number {
    for (let i = from; i < end; i += 1) if (SPECIAL.has(line.charCodeAt(i))) this.specials += 1;
    return Math.max(from, end) - 1;
  }

  /** A `[`, which may start a link (its `]` renders to `<a href="…">`) or a footnote reference. */
  private bracket(footnote: boolean, at: number): void {
    this.brackets += 1;
    this.labels.push(at);
    this.markupBytes += footnote ? FOOTNOTE_BYTES : LINK_BYTES;
    if (footnote) this.footnotes += 1;
  }

  private depth(): number {
    let depth = this.brackets;
    for (const length of this.open.values()) depth += length;
    return depth;
  }

  /** One delimiter run from `i`: opens, closes or (both-flanking) closes what is open, else opens. */
  private run(line: string, i: number, start: number): number {
    const marker = line.charCodeAt(i);
    let end = i;
    while (line.charCodeAt(end) === marker) end += 1;
    const length = end - i;
    if (marker === 126 && length > 2) return end; // not strikethrough
    this.markupBytes += DELIMITER_BYTES * length;
    const before = kind(charBefore(line, i, start));
    const after = kind(charAt(line, end));
    const left = after !== WHITESPACE && (after !== PUNCTUATION || before !== OTHER);
    const right = before !== WHITESPACE && (before !== PUNCTUATION || after !== OTHER);
    const underscore = marker === 95;
    const opens = left && (!underscore || !right || before === PUNCTUATION);
    const closes = right && (!underscore || !left || after === PUNCTUATION);
    const open = this.open.get(marker)!;
    if (closes && (!opens || open > 0)) this.open.set(marker, Math.max(0, open - length));
    else if (opens) this.open.set(marker, open + length);
    return end;
  }
}

/**
 * Code spans on one line: where each opening backtick run starts, and where its span ends (after
 * the closing run of the same length). A run after a backslash loses its first, escaped, backtick
 * as an opener; as a closer it counts whole (backslashes are literal in code). Linear: each run
 * looks up the nearest run of its length to the right, found in one pass from the end.
 */
function codeSpans(line: string, start: number): Map<number, number> {
  const runs: { at: number; length: number; opens: number }[] = [];
  for (let i = line.indexOf('`', start); i !== -1; i = line.indexOf('`', i)) {
    let end = i;
    while (line.charCodeAt(end) === 96) end += 1;
    let slashes = 0;
    while (i - slashes - 1 >= start && line.charCodeAt(i - slashes - 1) === 92) slashes += 1;
    runs.push({ at: i, length: end - i, opens: slashes % 2 });
    i = end;
  }
  const nearest = new Map<number, number>();
  const next: number[] = new Array<number>(runs.length);
  for (let r = runs.length - 1; r >= 0; r -= 1) {
    const run = runs[r]!;
    next[r] = nearest.get(run.length - run.opens) ?? -1;
    nearest.set(run.length, r);
  }
  const spans = new Map<number, number>();
  for (let r = 0; r < runs.length; r += 1) {
    const run = runs[r]!;
    const closer = next[r]!;
    if (closer === -1 || run.length - run.opens === 0) continue;
    spans.set(run.at + run.opens, runs[closer]!.at + runs[closer]!.length);
    r = closer;
  }
  return spans;
}

/** What follows `<` in inline HTML other than an open tag: a closing tag, comment, declaration, CDATA or PI. */
const OTHER_HTML =
  /\/[A-Za-z][A-Za-z0-9-]*\s*>|!-->|!--->|!--[\s\S]*?-->|![A-Za-z][^>]*>|!\[CDATA\[[\s\S]*?\]\]>|\?[\s\S]*?\?>/y;
const TAG_NAME = /[A-Za-z][A-Za-z0-9-]*/y;
const DESTINATION = /\(\s*(?:<[^<>\n]*>|[^\s()<]*)/y;
const ATTRIBUTE = /\s+[A-Za-z_:][A-Za-z0-9_.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?/y;
const TAG_END = /\s*\/?>/y;
const AUTOLINK = /[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*>/y;

/** Where a link destination starting at `i` (a `(`) ends, roughly: an `<…>` or a run without spaces. */
function destinationEnd(line: string, i: number): number {
  const text = line.length - i > MAX_TAG ? line.slice(i, i + MAX_TAG) : line.slice(i);
  DESTINATION.lastIndex = 0;
  return DESTINATION.test(text) ? i + DESTINATION.lastIndex : -1;
}

/** Where inline HTML or an autolink starting at `i` (a `<`) ends, by CommonMark's grammar, or -1. */
function inlineTagEnd(line: string, i: number): number {
  const text = line.length - i > MAX_TAG ? line.slice(i, i + MAX_TAG) : line.slice(i);
  for (const pattern of [OTHER_HTML, AUTOLINK]) {
    pattern.lastIndex = 1;
    if (pattern.test(text)) return i + pattern.lastIndex;
  }
  TAG_NAME.lastIndex = 1;
  if (!TAG_NAME.test(text)) return -1;
  let at = TAG_NAME.lastIndex;
  for (ATTRIBUTE.lastIndex = at; ATTRIBUTE.test(text); ATTRIBUTE.lastIndex = at) at = ATTRIBUTE.lastIndex;
  TAG_END.lastIndex = at;
  return TAG_END.test(text) ? i + TAG_END.lastIndex : -1;
}
