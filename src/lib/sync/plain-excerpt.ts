/**
 * An excerpt of a Markdown body without parsing it, for a body that is too costly to render
 * (see body-budget.ts): the Markdown and HTML punctuation is stripped with a few expressions,
 * each linear in the length of the body (no nested or overlapping repetition), so any input,
 * however hostile, costs one pass per expression. Good enough for 300 code points of preview.
 */
import { EXCERPT_CODE_POINTS, MAX_BODY_CHARS } from './body-limits.ts';
import { cleanText } from './plain-text.ts';

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Steps in order: markup first, so that text decoded from character references stays text. */
const STEPS: [RegExp, string | ((...groups: string[]) => string)][] = [
  [/^[ \t>]*(?:`{3,}|~{3,}).*$/gm, ''], // code fences (their content stays)
  [/^[ \t]*\[[^\[\]\n]*\]:.*$/gm, ''], // link reference definitions
  [/<((?:https?|mailto):[^\s<>]*)>/g, '$1'], // autolinks
  [/<[A-Za-z/!?][^<>]*>/g, ' '], // tags, doctypes, processing instructions
  [/\[\^[^\[\]\s]*\]/g, ''], // footnote references
  [/\]\([^()\n]*\)/g, ']'], // link and image destinations
  [/\]\[[^\[\]\n]*\]/g, ']'], // reference labels
  [/^[ \t]*(?:>[ \t]*|(?:[*+-]|\d{1,9}[.)])[ \t]+)+/gm, ''], // quote and list markers
  [/^\[[ xX]\][ \t]+/gm, ''], // task list boxes
  [/^#{1,6}[ \t]+/gm, ''], // heading markers
  [/^[-*_=|: \t]+$/gm, ''], // thematic breaks, heading underlines, table delimiter rows
  [/!?\[|\]|\|/g, ' '], // brackets and table pipes
  [/[*~`]+/g, ''], // emphasis and code
  [/(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, ''], // underscores that are not inside a word
  [/\\([!-/:-@[-`{-~])/g, '$1'], // backslash escapes
  [/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z]+));/g, decodeReference],
];

function decodeReference(match: string, decimal?: string, hex?: string, name?: string): string {
  if (name !== undefined) return NAMED[name] ?? match;
  const code = decimal !== undefined ? Number.parseInt(decimal, 10) : Number.parseInt(hex!, 16);
  // Out of range or a surrogate: the replacement character, as HTML decodes it.
  return code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\uFFFD' : String.fromCodePoint(code);
}

/** Plain text of a Markdown body's start, at most EXCERPT_CODE_POINTS code points, safe text. */
export function plainExcerpt(markdown: string): string {
  // An excerpt comes from the start; what GitHub allows in a whole body is plenty.
  let text = withoutComments(markdown.slice(0, 2 * MAX_BODY_CHARS));
  for (const [pattern, replacement] of STEPS) {
    text =
      typeof replacement === 'string'
        ? text.replace(pattern, replacement)
        : text.replace(pattern, replacement);
  }
  return cleanText(text, EXCERPT_CODE_POINTS);
}

/** Drops HTML comments; an unclosed one runs to the end, as in HTML. */
function withoutComments(text: string): string {
  let out = '';
  let from = 0;
  for (let open = text.indexOf('<!--'); open !== -1; open = text.indexOf('<!--', from)) {
    out += text.slice(from, open);
    const close = text.indexOf('-->', open + 4);
    if (close === -1) return out;
    from = close + 3;
  }
  return out + text.slice(from);
}
