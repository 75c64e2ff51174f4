/** The whole register as one Markdown document: a summary table, then one section per risk. */
import { inline, riskSections, scoreText } from './issue-body.ts';
import { ownerName } from './names.ts';
import type { RegisterEntry } from './register-entry.ts';

export interface RegisterHeading {
  system: { name: string; purpose: string };
  assessment: { name: string; date: string };
  absolute: (path: string) => string;
}

/** Text for a table cell: escaped, and no pipe can end the cell. */
const cell = (text: string) => inline(text).replace(/\|/g, '\\|');

export function registerMarkdown(entries: readonly RegisterEntry[], heading: RegisterHeading): string {
  const summary = [
    '| # | Risk | Owner | Agreed | Severity | Phases |',
    '| --- | --- | --- | --- | --- | --- |',
    ...entries.map(
      (e, i) =>
        `| ${i + 1} | ${cell(e.title)} | ${ownerName(e.owner)} | ${scoreText(e.ratings.agreed)} | ${e.band} | ${e.phases.join(', ')} |`,
    ),
  ];
  const risks = entries.map((e, i) =>
    [`## ${i + 1}. ${inline(e.title)}`, ...riskSections(e, heading.absolute, 3).slice(2)].join('\n\n'),
  );
  return `${[
    `# Risk register: ${inline(heading.system.name)}`,
    heading.system.purpose ? inline(heading.system.purpose) : '',
    `Joint risk assessment “${inline(heading.assessment.name)}”, ${heading.assessment.date}. ${entries.length} accepted ${entries.length === 1 ? 'risk' : 'risks'}, rated by the security and data-science teams; severity from likelihood × impact (low 1–4, medium 5–9, high 10–16, critical 20–25).`,
    entries.length ? summary.join('\n') : '_No risk has an agreed rating yet._',
    ...risks,
  ]
    .filter(Boolean)
    .join('\n\n')}\n`;
}
