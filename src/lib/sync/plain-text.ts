/**
 * The one normaliser for strings that come from GitHub (titles, excerpts, label names, logins,
 * error messages) before they are stored, printed or rendered. Its output is valid everywhere
 * Tandem puts text: HTML, XML feeds, JSON, Markdown, a terminal.
 *
 * - well-formed Unicode (a lone surrogate becomes U+FFFD), NFC, at most 30 combining marks in a row;
 * - no C0 or C1 control characters, no code points XML 1.0 forbids or discourages
 *   (U+FFFE, U+FFFF and the other noncharacters), no byte-order mark;
 * - no bidirectional controls or marks (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069),
 *   which can make a title read differently from what it is;
 * - text made only of invisible characters (Hangul fillers, zero-width and other default-ignorable
 *   code points, combining marks, the braille blank) counts as empty;
 * - lengths and cuts are in code points and never split a character.
 */

/** Controls, XML-forbidden and noncharacter code points, the BOM and bidi controls and marks. */
const NONCHARACTERS = Array.from(
  { length: 16 },
  (_, i) => `\\u{${(i + 1).toString(16)}fffe}-\\u{${(i + 1).toString(16)}ffff}`,
);
const UNSAFE = new RegExp(
  `[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069\\ufeff\\ufdd0-\\ufdef\\ufffe\\uffff${NONCHARACTERS.join('')}]`,
  'gu',
);
/** What a reader cannot see on its own. */
const INVISIBLE = /[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{M}\u2800]/gu;
const LOGIN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,38}(?:\[bot\])?$/;
const COLOR = /^[0-9a-fA-F]{6}$/;

/**
 * Runs of more than 30 combining marks are cut to 30, as in Unicode's Stream-Safe Text Format
 * (UAX #15): no real text needs more, and normalising a longer run takes quadratic time.
 */
const MARK_RUN = /(\p{M}{30})\p{M}+/gu;

/** Well-formed, NFC, without unsafe code points; tab, line feed and carriage return kept. */
export function safeText(value: string): string {
  return value.toWellFormed().replace(MARK_RUN, '$1').normalize('NFC').replace(UNSAFE, '');
}

/**
 * The start of a long string, before any normalising: normalisation can be slow on long runs of
 * combining marks, and a title of 60,000 of them only ever shows its first few.
 */
function headOf(value: string, max: number): string {
  const limit = max * 8 + 64;
  if (value.length <= limit) return value;
  const cut = value.slice(0, limit);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** Whether a string holds something a reader can see. */
export function isVisible(value: string): boolean {
  return value.replace(INVISIBLE, '') !== '';
}

/** One line of safe text, whitespace collapsed, at most `max` code points; invisible-only text is ''. */
export function cleanText(value: string, max: number): string {
  const line = safeText(headOf(value, max)).replace(/\s+/gu, ' ').trim();
  return isVisible(line) ? truncate(line, max) : '';
}

/** Length in code points, the unit every limit on untrusted text is written in. */
export function codePoints(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

/** Cuts to at most `max` code points, ending with an ellipsis when cut. */
export function truncate(text: string, max: number): string {
  if (text.length <= max || codePoints(text) <= max) return text;
  let out = '';
  let n = 0;
  for (const char of text) {
    if (n + 1 > max - 1) break;
    out += char;
    n += 1;
  }
  return `${out.trimEnd()}…`;
}

/** A GitHub login, or null when the value does not look like one. */
export function cleanLogin(value: string | null | undefined): string | null {
  return value && LOGIN.test(value) ? value : null;
}

/** A label colour as six lowercase hex digits, or undefined (the schema's default applies). */
export function cleanColor(value: string | null | undefined): string | undefined {
  return value && COLOR.test(value) ? value.toLowerCase() : undefined;
}

/**
 * Text for a terminal or a log: safe text with every remaining control (escape sequences
 * included) gone, so a message from a server can neither move the cursor nor fake a line.
 * Line feeds are kept; carriage returns and tabs become spaces.
 */
export function terminalText(value: string): string {
  return safeText(value).replace(/[\r\t]/g, ' ');
}
