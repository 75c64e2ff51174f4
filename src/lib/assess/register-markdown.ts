/**
 * The whole register as one Markdown document: the system and the assessment, a summary table,
 * then one section per risk with what its issue body holds. Escaped like the issue body, and no
 * user text can end a table cell (`inline` escapes `|`).
 */
import { inline, riskSections, scoreText } from './issue-body.ts';
import { ownerName } from './names.ts';
import type { RegisterEntry } from './register-entry.ts';
import { BANDS } from './severity.ts';

export interface RegisterHeading {
  system: { name: string; purpose: string };
  assessment: { name: string; date: string };
  absolute: (path: string) => string;
}

const title = (e: RegisterEntry) => inline(e.title) || 'Untitled risk';
const BAND_TEXT = BANDS.map((b) => `${b.band} ${b.min}–${b.max}`).join(', ');

export function registerMarkdown(entries: readonly RegisterEntry[], heading: RegisterHeading): string {
  const { system, assessment } = heading;
  const count = `${entries.length} accepted ${entries.length === 1 ? 'risk' : 'risks'}`;
  const summary = [
    '| # | Risk | Owner | Agreed likelihood × impact = score | Band | Phases |',
    '| --- | --- | --- | --- | --- | --- |',
    ...entries.map((e, i) => {
      const cells = [
        i + 1,
        title(e),
        inline(ownerName(e.owner)),
        scoreText(e.ratings.agreed),
        inline(e.band),
      ];
      return `| ${[...cells, e.phases.map(inline).join(', ')].join(' | ')} |`;
    }),
  ].join('\n');
  const risks = entries.map((e, i) =>
    [`## ${i + 1}. ${title(e)}`, ...riskSections(e, heading.absolute, 3)].join('\n\n'),
  );
  return `${[
    `# Risk register: ${inline(system.name) || 'unnamed system'}`,
    inline(system.purpose),
    `- **Assessment:** ${inline(assessment.name) || 'unnamed'}, ${inline(assessment.date)}`,
    `${count}, rated by the security and data-science teams together. Bands of likelihood × impact: ${BAND_TEXT}.`,
    entries.length ? summary : '_No risk has an agreed rating yet._',
    ...risks,
    '---',
    'Exported from Tandem’s joint risk assessment.',
  ]
    .filter(Boolean)
    .join('\n\n')}\n`;
}
