/**
 * The register as JSON for other tools: the system, the assessment, and every risk as its
 * RegisterEntry with its agreed score, its board labels and each control's absolute URL.
 * Pretty, newline-terminated, keys in a fixed order, so an unchanged register exports the same bytes.
 */
import type { RegisterEntry, TeamScore } from './register-entry.ts';
import { boardLabels } from './register-labels.ts';
import type { RegisterHeading } from './register-markdown.ts';

export const REGISTER_FORMAT = 'tandem-risk-register';

type Absolute = (path: string) => string;

const score = (s: TeamScore | null) => s && { likelihood: s.likelihood, impact: s.impact };

/**
 * `registerJson(entries, absolute)` takes the system and assessment from the first entry (every
 * entry of a register shares them); pass `{ system, assessment, absolute }` to name them
 * explicitly, as an empty register needs.
 */
export function registerJson(entries: readonly RegisterEntry[], target: Absolute | RegisterHeading): string {
  const first = entries[0];
  const heading: RegisterHeading =
    typeof target === 'function'
      ? {
          system: first?.system ?? { name: '', purpose: '' },
          assessment: first?.assessment ?? { name: '', date: '' },
          absolute: target,
        }
      : target;
  const document = {
    format: REGISTER_FORMAT,
    version: 1,
    system: { name: heading.system.name, purpose: heading.system.purpose },
    assessment: { name: heading.assessment.name, date: heading.assessment.date },
    risks: entries.map((e) => ({
      system: { name: e.system.name, purpose: e.system.purpose },
      assessment: { name: e.assessment.name, date: e.assessment.date },
      id: e.id,
      title: e.title,
      description: e.description,
      owner: e.owner,
      phases: e.phases,
      tags: e.tags,
      band: e.band,
      score: e.ratings.agreed.likelihood * e.ratings.agreed.impact,
      ratings: {
        security: score(e.ratings.security),
        dataScience: score(e.ratings.dataScience),
        agreed: score(e.ratings.agreed),
      },
      discuss: e.discuss,
      views: { security: e.views.security, dataScience: e.views.dataScience },
      controls: e.controls.map((c) => ({
        kind: c.kind,
        title: c.title,
        path: c.path,
        url: heading.absolute(c.path),
      })),
      notes: e.notes,
      labels: boardLabels(e),
    })),
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
