/** The agenda as Markdown, for "Copy as Markdown" and /sync/agenda.md. Pure. */
import type { AgendaSection } from './agenda.ts';
import { ownerLabel } from '../format.ts';
import { markdownLink } from '../markdown-link.ts';

export interface AgendaMeta {
  since: Date;
  /** When the board data was taken. */
  asOf: Date;
  sample: boolean;
  /** Absolute site URL used to make links absolute (guidance links are site-relative). */
  siteUrl: string;
}

const day = (d: Date) => d.toISOString().slice(0, 10);

export function agendaMarkdown(sections: readonly AgendaSection[], meta: AgendaMeta): string {
  const lines = [
    `# Security × data-science sync: agenda`,
    '',
    `Changes since ${day(meta.since)}; board as of ${day(meta.asOf)}.${meta.sample ? ' **Sample data.**' : ''}`,
    '',
  ];
  sections.forEach((section, n) => {
    lines.push(`## ${n + 1}. ${section.title} (${section.items.length})`, '');
    if (section.items.length === 0) lines.push('Nothing this time.');
    if (section.kind === 'risks') {
      for (const i of section.items) {
        lines.push(
          `- [ ] ${markdownLink(i.title, i.url)} (${i.repo}#${i.number}, ${i.severity}, ${ownerLabel(i.owner)})`,
        );
      }
    } else {
      for (const g of section.items) {
        lines.push(
          `- ${markdownLink(g.title, new URL(g.url, meta.siteUrl).href)} (${g.type}, ${ownerLabel(g.owner)}, reviewed ${g.lastReviewed})`,
        );
      }
    }
    lines.push('');
  });
  lines.push('## Decisions and actions', '', '- Decision or action, owner, due date', '');
  return lines.join('\n');
}
