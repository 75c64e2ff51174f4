/**
 * From the workshop's model to the register's exports: an accepted risk, with the system it
 * belongs to and the titles and paths of the guidance its controls name, becomes one
 * RegisterEntry. Client-safe; the page passes the control catalogue it built at build time.
 */
import type { AcceptedRisk, Assessment, Rating } from './assessment.ts';
import type { ControlKind } from './controls.ts';
import type { RegisterEntry, TeamScore } from './register-entry.ts';

/** Guidance a control key (`practice:<id>`) points to, built from content at build time. */
export type ControlCatalogue = Record<string, { kind: ControlKind; title: string; path: string }>;

const full = (r: Rating): TeamScore | null =>
  r.likelihood !== null && r.impact !== null ? { likelihood: r.likelihood, impact: r.impact } : null;

export function registerEntry(
  risk: AcceptedRisk,
  assessment: Assessment,
  catalogue: ControlCatalogue,
): RegisterEntry {
  return {
    system: { name: assessment.profile.name || assessment.name, purpose: assessment.profile.purpose },
    assessment: { name: assessment.name, date: assessment.updatedAt.slice(0, 10) },
    id: risk.id,
    title: risk.title,
    description: risk.description,
    owner: risk.owner,
    phases: risk.phases,
    tags: risk.tags,
    band: risk.band,
    ratings: {
      security: full(risk.ratings.security),
      dataScience: full(risk.ratings.dataScience),
      agreed: full(risk.ratings.agreed)!,
    },
    discuss: risk.discuss,
    views: { security: risk.security, dataScience: risk.dataScience },
    controls: risk.controls.flatMap((key) => {
      const guidance = catalogue[key];
      return guidance ? [guidance] : [];
    }),
    notes: risk.notes,
  };
}
