/**
 * The GitHub issue a register entry becomes: its title, and a Markdown body with the system,
 * the assessment, both teams' ratings and views, the agreed rating, owner, phases, tags, the
 * controls linked back to the guidance, and the notes. Every string came from a person (or a
 * shared link), so it is escaped to stay text: no link, image, HTML, heading, list, table cell
 * or @-mention can be smuggled in through a system name or a note.
 */
import { markdownDestination } from '../markdown-link.ts';
import { ownerName } from './names.ts';
import type { RegisterEntry, TeamScore } from './register-entry.ts';

/** GitHub's limit on an issue title. */
export const TITLE_MAX = 256;

export const CLOSING = '---\n\nFiled from Tandem’s joint risk assessment.';

/**
 * Never wanted in filed text: controls other than tab and newline, lone surrogates,
 * noncharacters (U+FFFF) and the bidi embeddings, overrides and isolates that reorder what a
 * reader sees.
 */
const UNWANTED = /(?![\t\n])[\p{Cc}\p{Cs}\p{Noncharacter_Code_Point}\u202a-\u202e\u2066-\u2069]/gu;

export const cleanText = (text: string) => text.replace(/\r\n?/g, '\n').replace(UNWANTED, '');

/** Markdown punctuation, as markdownText escapes it, and `$` for GitHub's maths. */
const PUNCTUATION = /[\\`*_{}[\]()<>#|!~&$]/g;

/** A bare URL, as far as GitHub (cmark-gfm) or remark might autolink it; never a backtick or pipe. */
const BARE_URL = /(?:(?:https?|ftp):\/\/|www\.)[^\s`|]*/gi;

/**
 * One line of untrusted text as Markdown prose. Markdown punctuation is backslash-escaped, as
 * is what starts a block at the start of a line (`-`, `+`, `=`, `1.`). A bare URL becomes
 * inline code: still readable, never a link (remark autolinks escaped text too). `@team` and
 * `#123` get a word joiner, because GitHub links mentions and issue references in the
 * rendered text, where a backslash no longer counts.
 */
export function inline(text: string): string {
  const line = cleanText(text).replace(/\s+/g, ' ').trim();
  const prose = (part: string) =>
    part
      .replace(PUNCTUATION, (c) => `\\${c}`)
      .replace(/@/g, '@\u2060')
      .replace(/#(?=\d)/g, '#\u2060');
  let out = '';
  let last = 0;
  for (const match of line.matchAll(BARE_URL)) {
    out += `${prose(line.slice(last, match.index))}\`${match[0]}\``;
    last = match.index + match[0].length;
  }
  out += prose(line.slice(last));
  // A code span at the start is not a block; anything else that could start one is escaped.
  return out.startsWith('`')
    ? out
    : out.replace(/^(?!\\)([!-/:-@[-`{-~])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Untrusted paragraphs: each line escaped like `inline`, line breaks and blank lines kept. */
export function paragraphs(text: string): string {
  return cleanText(text)
    .split(/\n\s*\n/)
    .map((p) => p.split('\n').map(inline).filter(Boolean).join('\n'))
    .filter(Boolean)
    .join('\n\n');
}

/** A tag as inline code: nothing inside a code span is Markdown, so only backticks and breaks go. */
const code = (text: string) =>
  `\`${cleanText(text)
    .replace(/[`\s]+/g, ' ')
    .trim()}\``;

export function issueTitle(entry: RegisterEntry): string {
  const title = cleanText(entry.title).replace(/\s+/g, ' ').trim() || 'Untitled risk';
  const chars = [...title];
  return chars.length <= TITLE_MAX ? title : `${chars.slice(0, TITLE_MAX - 1).join('')}…`;
}

const number = (n: number) => (Number.isFinite(n) ? String(n) : '?');

export function scoreText(s: TeamScore | null): string {
  return s
    ? `${number(s.likelihood)} × ${number(s.impact)} = ${number(s.likelihood * s.impact)}`
    : 'not rated';
}

/** A control as a link back to the guidance; only site paths become links, anything else stays text. */
function controlLine(c: RegisterEntry['controls'][number], absolute: (path: string) => string): string {
  const url = /^\/(?![/\\])/.test(c.path) ? absolute(c.path) : '';
  const title = inline(c.title) || 'Untitled';
  const kind = inline(c.kind);
  return /^https?:\/\//i.test(url)
    ? `- [${title}](${markdownDestination(url)}) (${kind})`
    : `- ${title} (${kind})`;
}

/** The system and the assessment the risk came from. */
export function contextList(entry: RegisterEntry): string {
  const purpose = inline(entry.system.purpose);
  return [
    `- **System:** ${inline(entry.system.name) || 'unnamed'}${purpose ? ` — ${purpose}` : ''}`,
    `- **Assessment:** ${inline(entry.assessment.name) || 'unnamed'}, ${inline(entry.assessment.date)}`,
  ].join('\n');
}

/** A risk's sections from its description on, headings at `level`; the register reuses them. */
export function riskSections(entry: RegisterEntry, absolute: (path: string) => string, level = 3): string[] {
  const h = '#'.repeat(level);
  const view = (text: string) => paragraphs(text) || '_Not written._';
  const { security, dataScience, agreed } = entry.ratings;
  const notes = paragraphs(entry.notes);
  const rating = [
    '| Team | Likelihood × impact = score | Band |',
    '| --- | --- | --- |',
    `| Security | ${scoreText(security)} | |`,
    `| Data science | ${scoreText(dataScience)} | |`,
    `| **Agreed** | **${scoreText(agreed)}** | **${inline(entry.band)}** |`,
  ].join('\n');
  return [
    paragraphs(entry.description) || '_No description._',
    `${h} Rating\n\n${rating}`,
    ...(entry.discuss ? ['_The teams differed by 2 or more; discussed before agreeing._'] : []),
    `${h} Security’s view\n\n${view(entry.views.security)}`,
    `${h} Data science’s view\n\n${view(entry.views.dataScience)}`,
    [
      `- **Owner team:** ${inline(ownerName(entry.owner))}`,
      `- **Phases:** ${entry.phases.map(inline).join(', ') || 'none'}`,
      `- **Tags:** ${entry.tags.map(code).join(', ') || 'none'}`,
    ].join('\n'),
    `${h} Controls\n\n${entry.controls.map((c) => controlLine(c, absolute)).join('\n') || '_None chosen._'}`,
    ...(notes ? [`${h} Notes\n\n${notes}`] : []),
  ];
}

/** The body's blocks, separated by blank lines in the issue; a link that must be shorter drops the last ones. */
export function bodyBlocks(entry: RegisterEntry, absolute: (path: string) => string): string[] {
  return [contextList(entry), ...riskSections(entry, absolute)].flatMap((s) => s.split('\n\n'));
}

export function issueBody(entry: RegisterEntry, absolute: (path: string) => string): string {
  return [...bodyBlocks(entry, absolute), CLOSING].join('\n\n');
}
