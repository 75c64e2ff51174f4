/**
 * Block-level facts about single lines of Markdown, read without a parser for the body budget
 * (body-budget.ts): container markers, fences, headings, thematic breaks, table delimiter rows.
 * Each function looks at one line once, so a scan over a body stays linear. Where CommonMark's
 * rules depend on context these functions cannot see, they err towards more nesting.
 */

const SPACE = 32;
const TAB = 9;

const isWhitespace = (c: number) => c === SPACE || c === TAB;
const isBullet = (c: number) => c === 45 || c === 42 || c === 43; // - * +
const isDigit = (c: number) => c >= 48 && c <= 57;

/** The container markers at the start of a line. */
export interface LinePrefix {
  /** Block quote markers (`>`). */
  quotes: number;
  /** List markers (`-`, `*`, `+`, `1.`, `1)`), stacked on one line. */
  markers: number;
  /** Columns of whitespace, not counting the one space after each marker. */
  indent: number;
  /** Columns from the last `>` to the content: where a fence in a list item starts. */
  column: number;
  /** Index where the content starts. */
  start: number;
  /**
   * Whether the line may not start a block that interrupts a paragraph after all: whitespace
   * of four columns or more before a marker or the content (indented code, or continuation
   * text, depending on containers only a parser knows), or a first list marker that is
   * ordered but not `1.` (which cannot interrupt a paragraph).
   */
  weak: boolean;
}

/** Quote markers, then list markers and indentation, as far as they go. */
export function linePrefix(line: string): LinePrefix {
  const prefix: LinePrefix = { quotes: 0, markers: 0, indent: 0, column: 0, start: 0, weak: false };
  const breakFrom = thematicBreakFrom(line);
  let i = 0;
  for (;;) {
    const spaces = whitespaceAt(line, i);
    i += spaces.length;
    prefix.indent += spaces.columns;
    prefix.column += spaces.columns;
    if (spaces.columns >= 4) prefix.weak = true;
    const c = line.charCodeAt(i);
    let width = 0;
    if (c === 62) {
      prefix.quotes += 1;
      prefix.column = 0;
      i += line.charCodeAt(i + 1) === SPACE ? 2 : 1;
      continue;
    }
    // `- - -` is a thematic break, not three list items.
    if (!(i >= breakFrom.from && i <= breakFrom.last)) width = listMarkerWidth(line, i);
    if (width === 0) break;
    if (prefix.markers === 0 && width > 1 && line.slice(i, i + width - 1) !== '1') prefix.weak = true;
    prefix.markers += 1;
    const space = isWhitespace(line.charCodeAt(i + width)) ? 1 : 0;
    prefix.column += width + space;
    i += width + space;
  }
  prefix.start = i;
  return prefix;
}

/** Quote markers and the indentation after them only: how a line inside a fence is read. */
export function quotePrefix(line: string): Pick<LinePrefix, 'quotes' | 'column' | 'start'> {
  let quotes = 0;
  let i = 0;
  for (;;) {
    const spaces = whitespaceAt(line, i);
    if (line.charCodeAt(i + spaces.length) !== 62) {
      return { quotes, column: spaces.columns, start: i + spaces.length };
    }
    quotes += 1;
    i += spaces.length + (line.charCodeAt(i + spaces.length + 1) === SPACE ? 2 : 1);
  }
}

/** A fenced code block's opening: three or more backticks or tildes. */
export interface Fence {
  marker: number;
  length: number;
}

export function fenceAt(line: string, start: number): Fence | null {
  const marker = line.charCodeAt(start);
  if (marker !== 96 && marker !== 126) return null;
  const length = runLength(line, start);
  if (length < 3) return null;
  // A backtick fence's info string cannot hold a backtick: "```a```" is inline code.
  if (marker === 96 && line.indexOf('`', start + length) !== -1) return null;
  return { marker, length };
}

export function closesFence(line: string, start: number, fence: Fence): boolean {
  if (line.charCodeAt(start) !== fence.marker) return false;
  const length = runLength(line, start);
  return length >= fence.length && isBlank(line, start + length);
}

export function isBlank(line: string, start: number): boolean {
  for (let i = start; i < line.length; i += 1) if (!isWhitespace(line.charCodeAt(i))) return false;
  return true;
}

export function isHeading(line: string, start: number): boolean {
  const length = line.charCodeAt(start) === 35 ? runLength(line, start) : 0;
  const next = line.charCodeAt(start + length);
  return length >= 1 && length <= 6 && (Number.isNaN(next) || isWhitespace(next));
}

export function isThematicBreak(line: string, start: number): boolean {
  const at = thematicBreakFrom(line);
  return start >= at.from && start <= at.last;
}

/**
 * The cells of a GFM table's delimiter row (`| --- | :-: |`), or 0 when the line is not one.
 * A row without a pipe is a thematic break or a heading underline instead.
 */
export function delimiterCells(line: string, start: number): number {
  let cells = 0;
  let pipes = 0;
  let dashes = 0;
  let closed = false; // a colon after the dashes, or whitespace after them
  let empty = true;
  for (let i = start; i < line.length; i += 1) {
    const c = line.charCodeAt(i);
    if (c === 124) {
      if (!empty && dashes === 0) return 0;
      if (dashes > 0) cells += 1;
      else if (pipes > 0) return 0; // `||`: an empty cell
      pipes += 1;
      dashes = 0;
      closed = false;
      empty = true;
    } else if (c === 45 && !closed) {
      dashes += 1;
      empty = false;
    } else if (c === 58) {
      if (dashes > 0) closed = true;
      else if (!empty) return 0;
      empty = false;
    } else if (isWhitespace(c)) {
      if (dashes > 0) closed = true;
    } else return 0;
  }
  if (dashes > 0) cells += 1;
  else if (!empty) return 0;
  return pipes > 0 ? cells : 0;
}

/** Width of a list marker at `i` (`-`, `12.`, `3)`) when whitespace or the line's end follows, else 0. */
function listMarkerWidth(line: string, i: number): number {
  let width = 0;
  const c = line.charCodeAt(i);
  if (isBullet(c)) width = 1;
  else {
    while (width < 9 && isDigit(line.charCodeAt(i + width))) width += 1;
    const delimiter = line.charCodeAt(i + width);
    width = width > 0 && (delimiter === 46 || delimiter === 41) ? width + 1 : 0;
  }
  const next = line.charCodeAt(i + width);
  return width > 0 && (Number.isNaN(next) || isWhitespace(next)) ? width : 0;
}

function whitespaceAt(line: string, i: number): { length: number; columns: number } {
  let length = 0;
  let columns = 0;
  for (let c = line.charCodeAt(i); isWhitespace(c); c = line.charCodeAt(i + length)) {
    length += 1;
    columns += c === TAB ? 4 : 1;
  }
  return { length, columns };
}

function runLength(line: string, start: number): number {
  const c = line.charCodeAt(start);
  let end = start;
  while (line.charCodeAt(end) === c) end += 1;
  return end - start;
}

/**
 * Where a thematic break (three or more of one of `-`, `*`, `_`, spaces between) may start:
 * the line's tail from `from` is only that character and whitespace, with three of the
 * character at or after any start up to `last`. Found backwards in one pass.
 */
function thematicBreakFrom(line: string): { from: number; last: number } {
  let i = line.length - 1;
  while (i >= 0 && isWhitespace(line.charCodeAt(i))) i -= 1;
  const c = line.charCodeAt(i);
  if (c !== 45 && c !== 42 && c !== 95) return { from: 1, last: 0 };
  let count = 0;
  let last = -1;
  for (; i >= 0; i -= 1) {
    const here = line.charCodeAt(i);
    if (here === c) {
      count += 1;
      if (count === 3) last = i;
    } else if (!isWhitespace(here)) break;
  }
  return { from: i + 1, last };
}
