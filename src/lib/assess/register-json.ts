/** The register as JSON for other tools: each entry with its board labels and absolute control links. */
import type { RegisterEntry } from './register-entry.ts';
import { boardLabels } from './register-labels.ts';
import type { RegisterHeading } from './register-markdown.ts';

export const REGISTER_FORMAT = 'tandem-risk-register';

export function registerJson(entries: readonly RegisterEntry[], heading: RegisterHeading): string {
  const document = {
    format: REGISTER_FORMAT,
    version: 1,
    system: heading.system,
    assessment: heading.assessment,
    risks: entries.map((entry) => {
      const { system: _system, assessment: _assessment, controls, ...rest } = entry;
      return {
        ...rest,
        score: entry.ratings.agreed.likelihood * entry.ratings.agreed.impact,
        labels: boardLabels(entry),
        controls: controls.map((c) => ({ kind: c.kind, title: c.title, url: heading.absolute(c.path) })),
      };
    }),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
