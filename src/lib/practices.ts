/**
 * Grouping and filtering of best practices for the practices index: by area of secure AI
 * development, by lifecycle phase and by owner team, each in a fixed reading order and each
 * group sorted by title. Filters are static pages, so they work as plain links.
 */
import { PRACTICE_AREAS } from '../schemas/practice.ts';
import { PHASES, type Phase } from '../schemas/phase.ts';
import type { Owner } from '../schemas/owner.ts';
import { ownerLabel } from './format.ts';
import { path } from './paths.ts';

export type PracticeArea = (typeof PRACTICE_AREAS)[number];

export const AREA_LABELS: Record<PracticeArea, string> = {
  'joint-risk-assessment': 'Joint risk assessment',
  'data-governance': 'Secure data handling and governance',
  'secure-model-design': 'Security in model design',
  'monitoring-and-response': 'Monitoring and incident response',
  'shared-responsibility': 'A culture of shared responsibility',
  ethics: 'Ethical considerations',
};

export const PHASE_LABELS: Record<Phase, string> = {
  data: 'Data',
  training: 'Training',
  evaluation: 'Evaluation',
  deployment: 'Deployment',
  monitoring: 'Monitoring',
  governance: 'Governance',
};

/** A practice's phases in lifecycle order, whatever order its front matter lists them in. */
export const orderedPhases = (phases: readonly Phase[]): Phase[] => PHASES.filter((p) => phases.includes(p));

export const OWNERS: readonly Owner[] = ['security', 'data-science', 'shared'];

/** Who owns a practice, in running text. */
export const OWNER_PHRASES: Record<Owner, string> = {
  security: 'the security team',
  'data-science': 'the data-science team',
  shared: 'both teams together',
};

interface PracticeLike {
  id: string;
  data: { area: PracticeArea; phases: Phase[]; owner: Owner; title: string };
}

export interface PracticeGroup<T, K extends string> {
  key: K;
  label: string;
  /** The filter page that shows only this group. */
  href: string;
  practices: T[];
}

const byTitle = <T extends PracticeLike>(a: T, b: T) => a.data.title.localeCompare(b.data.title);

/** One group per key in `keys` order, empty groups left out. */
function groupBy<T extends PracticeLike, K extends string>(
  practices: readonly T[],
  keys: readonly K[],
  has: (p: T, key: K) => boolean,
  label: (key: K) => string,
  href: (key: K) => string,
): PracticeGroup<T, K>[] {
  return keys
    .map((key) => ({
      key,
      label: label(key),
      href: href(key),
      practices: practices.filter((p) => has(p, key)).sort(byTitle),
    }))
    .filter((g) => g.practices.length > 0);
}

export const areaHref = (area: PracticeArea) => path(`/practices/#area-${area}`);
export const phaseHref = (phase: Phase) => path(`/practices/phase/${phase}/`);
export const ownerHref = (owner: Owner) => path(`/practices/owner/${owner}/`);

export const groupPracticesByArea = <T extends PracticeLike>(practices: readonly T[]) =>
  groupBy(
    practices,
    PRACTICE_AREAS,
    (p, area) => p.data.area === area,
    (a) => AREA_LABELS[a],
    areaHref,
  );

/** A practice appears under every phase it applies to. */
export const groupPracticesByPhase = <T extends PracticeLike>(practices: readonly T[]) =>
  groupBy(
    practices,
    PHASES,
    (p, phase) => p.data.phases.includes(phase),
    (p) => PHASE_LABELS[p],
    phaseHref,
  );

export const groupPracticesByOwner = <T extends PracticeLike>(practices: readonly T[]) =>
  groupBy(practices, OWNERS, (p, owner) => p.data.owner === owner, ownerLabel, ownerHref);

/** Every phase and owner with a count, for the filter links (filters with no practices are left out). */
export function practiceFilters(practices: readonly PracticeLike[]) {
  const count = (g: PracticeGroup<PracticeLike, string>) => ({
    key: g.key,
    label: g.label,
    href: g.href,
    count: g.practices.length,
  });
  return {
    phases: groupPracticesByPhase(practices).map(count),
    owners: groupPracticesByOwner(practices).map(count),
  };
}
