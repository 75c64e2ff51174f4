/**
 * Inline facts about a paragraph of Markdown, read without a parser for the body budget
 * (body-budget.ts), one line at a time:
 *
 * - emphasis nesting: delimiter runs (`*`, `_`, `~`) that can open add their length, runs that
 *   can close take it away, by CommonMark's flanking rules. A run of 5,000 `*`, or 2,500 single
 *   `*` that each open (`*a *a *a…`), nests thousands of levels deep;
 * - bracket nesting (`[`), and footnote references (`[^`);
 * - special characters, each of which may make the parser walk or splice the paragraph's events
 *   (unmatched closers walk back to the paragraph's start, merges and matches splice the event
 *   list): the paragraph costs about this many times its length.
 *
 * Code spans are read as text: their content only ever raises the estimate.
 */

const WHITESPACE = 0;
const PUNCTUATION = 1;
const OTHER = 2;
type Kind = typeof WHITESPACE | typeof PUNCTUATION | typeof OTHER;

/** Bytes of markup per emphasis delimiter (`*a*` → `<em>a</em>`), link (`<a href="">`) and footnote reference. */
const DELIMITER_BYTES = 5;
const LINK_BYTES = 12;
const FOOTNOTE_BYTES = 270;

const UNICODE_PUNCTUATION = /^[\p{P}\p{S}]$/u;
const UNICODE_WHITESPACE = /^\s$/u;

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

const isAsciiPunctuation = (c: number) => kind(String.fromCharCode(c)) === PUNCTUATION && c < 128;

export class InlineScan {
  /** Open delimiter lengths per marker: `*`, `_`, `~`. */
  private readonly open = new Map<number, number>([
    [42, 0],
    [95, 0],
    [126, 0],
  ]);
  private brackets = 0;
  /** Special characters and delimiter runs in the paragraph so far. */
  specials = 0;
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
    this.specials = 0;
  }

  markLine(): void {
    this.lineMax = this.depth();
  }

  scan(line: string, start: number): void {
    for (let i = start; i < line.length; i += 1) {
      const c = line.charCodeAt(i);
      if (c === 42 || c === 95 || c === 126) {
        i = this.run(line, i, start) - 1;
      } else if (c === 91) {
        this.brackets += 1;
        if (line.charCodeAt(i + 1) === 94) {
          this.footnotes += 1;
          this.markupBytes += FOOTNOTE_BYTES;
        }
      } else if (c === 93) {
        this.brackets = Math.max(0, this.brackets - 1);
        this.markupBytes += LINK_BYTES;
      } else if (c === 92) {
        if (isAsciiPunctuation(line.charCodeAt(i + 1))) i += 1;
      } else if (c !== 33 && c !== 38 && c !== 60 && c !== 96) {
        continue; // not one of ! & < `
      }
      this.specials += 1;
      this.lineMax = Math.max(this.lineMax, this.depth());
    }
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
