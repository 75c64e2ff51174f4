/** The agenda as Markdown, for "Copy as Markdown", the download and /sync/agenda.md. Pure. */
import { markdownDestination, markdownLink, markdownText } from '../markdown-link.ts';
import type { AgendaView } from './agenda-view.ts';

/**
 * Renders the same view the page shows. `absolute` turns a site-relative link into the form
 * the file should carry: absolute on the site's URL when it is known, else left as it is.
 */
export function agendaMarkdown(
  view: AgendaView,
  options: { sample: boolean; absolute: (href: string) => string },
): string {
  const { absolute } = options;
  const lines = [
    `# ${view.title}`,
    '',
    `${view.summary} ${view.plan}${options.sample ? ' **Sample data.**' : ''}`,
    '',
  ];
  for (const note of view.notes) lines.push(`> ${markdownText(note)}`, '');
  for (const section of view.sections) {
    lines.push(
      `## ${section.number}. ${section.title} (${section.count}) · ${section.timebox}`,
      '',
      markdownText(section.intro),
      '',
    );
    if (section.lines.length === 0) lines.push(markdownText(section.empty));
    for (const line of section.lines) {
      const link = markdownLink(line.title, absolute(line.issueUrl));
      const meta = markdownText(line.meta);
      const why = line.reasons.length ? `: ${line.reasons.map(markdownText).join('; ')}` : '';
      lines.push(`- ${link} (${meta})${why}`);
    }
    if (section.more) {
      const text = markdownText(section.more.text);
      lines.push(
        section.more.href ? `- [${text}](${markdownDestination(absolute(section.more.href))})` : `- ${text}`,
      );
    }
    lines.push('');
  }
  lines.push(`## Decisions and actions`, '');
  if (view.actions.length === 0) lines.push('No risks to discuss.');
  else {
    lines.push('| Risk | Decision or action | Owner | Due |', '| --- | --- | --- | --- |');
    for (const action of view.actions) {
      lines.push(`| ${markdownLink(`${action.key} ${action.title}`, absolute(action.issueUrl))} |  |  |  |`);
    }
  }
  lines.push('');
  return lines.join('\n');
}
