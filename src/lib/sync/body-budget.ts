/**
 * What an issue body would cost to render, estimated before any parser sees it: one linear pass
 * over its lines, no parser, no recursion. The estimates err high, so that a body within the
 * budget renders within the limits in body-limits.ts, in time linear in its length.
 *
 * Why each estimate: the Markdown and HTML parsers recurse once per level of nesting (2 KB of
 * nested list markers overflow the stack), GFM pads every table row to the header's width, each
 * footnote reference adds a back-link, container markers and emphasis render to elements,
 * and the Markdown parser is quadratic in three places, measured as parser steps (about 5 ns
 * each on the sync's runner):
 *
 * - each line where a block quote or list item closes copies the document's events so far
 *   (two per line, six per container marker), twice, at about 40 ns per event;
 * - each lazy continuation line walks back over its paragraph's events, at about 50 ns each;
 * - in a paragraph, each special character (an unmatched emphasis or bracket closer walks back
 *   to the paragraph's start; a failed construct splices the event list) costs up to the
 *   paragraph's length, and each word inside an open `[` the distance back to it.
 */
import {
  MAX_BODY_CHARS,
  MAX_BODY_HTML_BYTES,
  MAX_FOOTNOTE_REFERENCES,
  MAX_HTML_DEPTH,
  MAX_MARKDOWN_DEPTH,
  MAX_PARSER_STEPS,
  MAX_TABLE_CELLS,
} from './body-limits.ts';
import { htmlNestingDepth, TagDepth } from './html-depth.ts';
import { InlineScan } from './markdown-inline.ts';
import {
  closesFence,
  delimiterCells,
  fenceAt,
  isBlank,
  isHeading,
  isThematicBreak,
  linePrefix,
  quotePrefix,
  type Fence,
  type LinePrefix,
} from './markdown-lines.ts';
import { codePoints } from './plain-text.ts';

export interface MarkdownMeasure {
  /** Length in code points. */
  characters: number;
  /** Deepest estimated nesting: containers on a line, open raw HTML tags, emphasis and brackets. */
  depth: number;
  /** Cells of all GFM tables: columns × rows, header row included. */
  tableCells: number;
  /** `[^` outside code. */
  footnoteReferences: number;
  /** Estimated steps on the parser's quadratic paths (see above). */
  parserSteps: number;
  /** Estimated size of the rendered HTML, in bytes: the text, and the elements its markup becomes. */
  htmlBytes: number;
}

/** Parser steps per event copied when containers close, and per event walked by a lazy line. */
const CLOSE_STEPS = 16;
const LAZY_STEPS = 10;
/** Document events per line, and per container marker on it. */
const LINE_EVENTS = 2;
const MARKER_EVENTS = 6;
/** Bytes of markup per quote (`<blockquote>\n…</blockquote>\n`) and per other container. */
const QUOTE_BYTES = 27;
const CONTAINER_BYTES = 20;
/** Bytes of markup per table cell (`<td></td>\n`). */
const TABLE_CELL_BYTES = 10;

interface Paragraph {
  start: number;
  /** Where its last line ends. */
  end: number;
  /** Document events before it: a lazy line walks back over the paragraph's. */
  events: number;
  quotes: number;
  block: number;
  lines: number;
  /** The GFM table it turned into: columns, and rows after the delimiter row. */
  table: { columns: number; rows: number } | null;
}

/** Nesting from containers: each `>` and list marker, and indentation (two columns per level). */
const blockDepth = (prefix: LinePrefix) => prefix.quotes + prefix.markers + Math.floor(prefix.indent / 2);

class BudgetScan {
  readonly measure: MarkdownMeasure;
  private readonly tags = new TagDepth('markdown');
  private readonly inline = new InlineScan();
  private fence: (Fence & { quotes: number; column: number }) | null = null;
  private paragraph: Paragraph | null = null;
  /** Container nesting of the last line that set it, and its quotes. */
  private block = 0;
  private quotes = 0;
  private offset = 0;
  private events = 0;

  constructor(characters: number, length: number) {
    this.measure = {
      characters,
      depth: 0,
      tableCells: 0,
      footnoteReferences: 0,
      parserSteps: 0,
      htmlBytes: length,
    };
  }

  line(line: string, offset: number): void {
    this.offset = offset;
    this.events += LINE_EVENTS;
    if (this.fence && this.insideFence(line)) return;
    const prefix = linePrefix(line);
    this.measure.depth = Math.max(this.measure.depth, blockDepth(prefix));
    this.events += MARKER_EVENTS * (prefix.quotes + prefix.markers);
    this.measure.htmlBytes += QUOTE_BYTES * prefix.quotes + CONTAINER_BYTES * prefix.markers;
    const start = prefix.start;
    const blank = isBlank(line, start);
    // Indented lines may be code, not fences, headings or breaks: read them as text.
    const fence = blank || prefix.weak ? null : fenceAt(line, start);
    const heading = !blank && !prefix.weak && isHeading(line, start);
    const thematic = !blank && !prefix.weak && !fence && isThematicBreak(line, start);
    const paragraph = this.paragraph;
    if (paragraph && !fence && !heading && !thematic && this.continues(prefix, blank, paragraph)) {
      // A line that may start a new list item or may continue the paragraph counts as both.
      if (prefix.markers > 0 || prefix.quotes > 0) this.containers(prefix);
      if (blank || this.continueParagraph(line, prefix, paragraph)) return;
    } else {
      this.endParagraph();
      if (blank) return this.blankLine(prefix);
      this.containers(prefix);
      if (fence) this.fence = { ...fence, quotes: prefix.quotes, column: prefix.column };
      if (fence || thematic) return;
      this.paragraph = {
        start: offset,
        end: offset,
        events: this.events,
        quotes: prefix.quotes,
        block: blockDepth(prefix),
        lines: 0,
        table: null,
      };
    }
    this.text(line, prefix);
    if (heading) this.endParagraph();
  }

  finish(end: number): MarkdownMeasure {
    this.offset = end;
    this.endParagraph();
    this.measure.footnoteReferences = this.inline.footnotes;
    this.measure.parserSteps += this.inline.labelWalks;
    this.measure.htmlBytes += this.inline.markupBytes + TABLE_CELL_BYTES * this.measure.tableCells;
    return this.measure;
  }

  /** A line inside a fenced code block is skipped, unless its container has ended. */
  private insideFence(line: string): boolean {
    const fence = this.fence!;
    const prefix = quotePrefix(line);
    const blank = isBlank(line, prefix.start);
    const left = prefix.quotes < fence.quotes || (!blank && fence.column > 0 && prefix.column < fence.column);
    if (!left && !closesFence(line, prefix.start, fence)) {
      this.events += MARKER_EVENTS * prefix.quotes;
      return true;
    }
    this.fence = null;
    return !left;
  }

  /**
   * Whether a line goes on with the open paragraph. New containers (a list item, a deeper
   * quote) interrupt it, and blank lines end it, unless the line is `weak` (see LinePrefix) or
   * an empty list item, which cannot interrupt a paragraph.
   */
  private continues(prefix: LinePrefix, blank: boolean, paragraph: Paragraph): boolean {
    if (blank) return prefix.markers > 0;
    return prefix.weak || (prefix.markers === 0 && prefix.quotes <= paragraph.quotes);
  }

  /** Adds a line to the paragraph; true when it is a table's delimiter row, which holds no text. */
  private continueParagraph(line: string, prefix: LinePrefix, paragraph: Paragraph): boolean {
    if (blockDepth(prefix) < paragraph.block) {
      this.measure.parserSteps += LAZY_STEPS * (this.events - paragraph.events);
    }
    if (paragraph.table) {
      paragraph.table.rows += 1;
      return false;
    }
    const columns = paragraph.lines > 0 ? delimiterCells(line, prefix.start) : 0;
    if (columns > 0) paragraph.table = { columns, rows: 0 };
    return columns > 0;
  }

  private blankLine(prefix: LinePrefix): void {
    if (prefix.quotes > 0 || prefix.markers > 0) return this.containers(prefix);
    // A line with no `>` ends every block quote; list items go on past blank lines.
    if (this.quotes > 0) this.measure.parserSteps += CLOSE_STEPS * this.events;
    this.block = Math.max(0, this.block - this.quotes);
    this.quotes = 0;
  }

  /** Containers close when there are fewer of them, or a list item starts (and ends a sibling). */
  private containers(prefix: LinePrefix): void {
    const block = blockDepth(prefix);
    if (block < this.block || prefix.quotes < this.quotes || prefix.markers > 0) {
      this.measure.parserSteps += CLOSE_STEPS * this.events;
    }
    this.block = block;
    this.quotes = prefix.quotes;
  }

  private text(line: string, prefix: LinePrefix): void {
    const paragraph = this.paragraph!;
    paragraph.lines += 1;
    paragraph.end = this.offset + line.length;
    this.tags.markLine();
    this.inline.markLine();
    this.inline.scan(line, prefix.start, this.offset, this.tags);
    // A lazy line sits as deep as its paragraph.
    const block = Math.max(blockDepth(prefix), paragraph.block);
    this.measure.depth = Math.max(this.measure.depth, block + this.tags.lineMax + this.inline.lineMax);
  }

  private endParagraph(): void {
    const paragraph = this.paragraph;
    if (!paragraph) return;
    this.measure.parserSteps += this.inline.specials * (paragraph.end - paragraph.start);
    if (paragraph.table) this.measure.tableCells += paragraph.table.columns * (paragraph.table.rows + 1);
    this.inline.reset();
    this.paragraph = null;
  }
}

/** The estimates for a body, in one pass over its lines. */
export function measureMarkdown(text: string): MarkdownMeasure {
  const scan = new BudgetScan(codePoints(text), text.length);
  let offset = 0;
  for (;;) {
    let end = offset;
    for (let c = text.charCodeAt(end); end < text.length && c !== 10 && c !== 13; c = text.charCodeAt(end)) {
      end += 1;
    }
    scan.line(text.slice(offset, end), offset);
    if (end >= text.length) return scan.finish(text.length);
    offset = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
  }
}

const number = (n: number) => n.toLocaleString('en-US');
const kilobytes = (n: number) => number(Math.ceil(n / 1024));

/** Why a body is not rendered, for a reader ("the body is nested 1,100 levels deep…"), or null. */
export function checkBudget(text: string): string | null {
  const characters = codePoints(text);
  if (characters > MAX_BODY_CHARS) {
    return `the body is ${kilobytes(characters)} KB, over the ${kilobytes(MAX_BODY_CHARS)} KB limit`;
  }
  const measure = measureMarkdown(text);
  if (measure.depth > MAX_MARKDOWN_DEPTH) {
    return `the body is nested ${number(measure.depth)} levels deep, over the limit of ${number(MAX_MARKDOWN_DEPTH)}`;
  }
  if (measure.tableCells > MAX_TABLE_CELLS) {
    return `the body's tables have ${number(measure.tableCells)} cells, over the limit of ${number(MAX_TABLE_CELLS)}`;
  }
  if (measure.footnoteReferences > MAX_FOOTNOTE_REFERENCES) {
    return `the body has ${number(measure.footnoteReferences)} footnote references, over the limit of ${number(MAX_FOOTNOTE_REFERENCES)}`;
  }
  if (measure.htmlBytes > MAX_BODY_HTML_BYTES) {
    return `the body would render to about ${kilobytes(measure.htmlBytes)} KB, over the ${kilobytes(MAX_BODY_HTML_BYTES)} KB limit`;
  }
  if (measure.parserSteps > MAX_PARSER_STEPS) {
    return `the body would take an estimated ${number(measure.parserSteps)} parser steps to render, over the limit of ${number(MAX_PARSER_STEPS)}`;
  }
  return null;
}

/** UTF-8 length, counted without encoding (a lone surrogate encodes as U+FFFD, three bytes). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** Why rendered or stored HTML is too large or too deep to keep, for a reader, or null. */
export function checkHtml(html: string): string | null {
  const bytes = utf8Bytes(html);
  if (bytes > MAX_BODY_HTML_BYTES) {
    return `the rendered body is ${kilobytes(bytes)} KB, over the ${kilobytes(MAX_BODY_HTML_BYTES)} KB limit`;
  }
  const depth = htmlNestingDepth(html);
  if (depth > MAX_HTML_DEPTH) {
    return `the rendered body is nested ${number(depth)} levels deep, over the limit of ${number(MAX_HTML_DEPTH)}`;
  }
  return null;
}
