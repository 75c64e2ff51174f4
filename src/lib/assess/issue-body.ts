/**
 * The GitHub issue a register entry becomes: its title and a Markdown body with the system,
 * both teams' ratings and views, the agreed rating, controls linked back to the guidance, and
 * the notes. Every string came from a person, so it is escaped to stay text: no links, images,
 * HTML, headings, tables or @-mentions can be smuggled in through a system name or a note.
 */
import { markdownDestination } from '../markdown-link.ts';
import { ownerName } from './names.ts';
import type { RegisterEntry, TeamScore } from './register-entry.ts';

/** GitHub's limit on an issue title. */
export const TITLE_MAX = 256;

/** Control characters other than tab and line breaks; never useful in text, sometimes harmful. */
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g;

/** One line of untrusted text, escaped for Markdown prose: no structure, no mentions, no references. */
export function inline(text: string): string {
  return (
    text
      .replace(CONTROLS, '')
      .replace(/[\\`*_{}[\]()<>#|!~&]/g, (c) => `\\${c}`)
      .replace(/@/g, '@\u2060')
      .replace(/\s+/g, ' ')
      .trim()
      // What only means something at the start of a line: list markers and setext underlines.
      .replace(/^([-+=])/, '\\$1')
      .replace(/^(\d+)([.)])/, '$1\\$2')
  );
}

/** Untrusted paragraphs: each escaped like `inline`, blank lines kept between them. */
export function paragraphs(text: string): string {
  return text
    .replace(CONTROLS, '')
    .split(/\r?\n\s*\r?\n|\r\s*\r/)
    .map(inline)
    .filter(Boolean)
    .join('\n\n');
}

export function issueTitle(entry: RegisterEntry): string {
  const title = entry.title.replace(CONTROLS, '').replace(/\s+/g, ' ').trim() || 'Untitled risk';
  const chars = [...title];
  return chars.length <= TITLE_MAX ? title : `${chars.slice(0, TITLE_MAX - 1).join('')}…`;
}

export const scoreText = (s: TeamScore | null) =>
  s ? `${s.likelihood} × ${s.impact} = ${s.likelihood * s.impact}` : 'not rated';

/** The body sections, in order, so the register's Markdown can reuse them per risk. */
export function riskSections(entry: RegisterEntry, absolute: (path: string) => string, level = 3): string[] {
  const h = '#'.repeat(level);
  const view = (text: string) => paragraphs(text) || '_Not written._';
  const rows = [
    '| | Likelihood × impact | |',
    '| --- | --- | --- |',
    `| Security | ${scoreText(entry.ratings.security)} | |`,
    `| Data science | ${scoreText(entry.ratings.dataScience)} | |`,
    `| **Agreed** | **${scoreText(entry.ratings.agreed)}** | **${entry.band}** |`,
  ];
  const controls = entry.controls.map(
    (c) => `- [${inline(c.title)}](${markdownDestination(absolute(c.path))}) (${c.kind})`,
  );
  return [
    `**System:** ${inline(entry.system.name)}${entry.system.purpose ? `: ${inline(entry.system.purpose)}` : ''}`,
    `**Assessment:** ${inline(entry.assessment.name)}, ${entry.assessment.date}`,
    paragraphs(entry.description) || '_No description._',
    `${h} Rating\n\n${rows.join('\n')}${entry.discuss ? '\n\nThe teams differed by 2 or more and discussed it before agreeing.' : ''}`,
    `${h} Security’s view\n\n${view(entry.views.security)}`,
    `${h} Data science’s view\n\n${view(entry.views.dataScience)}`,
    [
      `**Owner team:** ${ownerName(entry.owner)}`,
      `**Phases:** ${entry.phases.join(', ') || 'none'}`,
      `**Tags:** ${entry.tags.map((t) => `\`${t.replace(/`/g, '')}\``).join(', ') || 'none'}`,
    ].join('  \n'),
    `${h} Controls\n\n${controls.join('\n') || '_None chosen._'}`,
    ...(entry.notes.trim() ? [`${h} Notes\n\n${paragraphs(entry.notes)}`] : []),
  ];
}

export function issueBody(entry: RegisterEntry, absolute: (path: string) => string): string {
  return [...riskSections(entry, absolute), '---\nFiled from Tandem’s joint risk assessment.'].join('\n\n');
}
