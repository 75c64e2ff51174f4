import { describe, expect, it } from 'vitest';
import {
  groupPracticesByArea,
  groupPracticesByOwner,
  groupPracticesByPhase,
  orderedPhases,
  practiceFilters,
} from '../../src/lib/practices.ts';
import type { Phase } from '../../src/schemas/phase.ts';
import type { Owner } from '../../src/schemas/owner.ts';

type Area = Parameters<typeof groupPracticesByArea>[0][number]['data']['area'];
const practice = (id: string, title: string, area: Area, owner: Owner, phases: Phase[]) => ({
  id,
  data: { title, area, owner, phases },
});

const practices = [
  practice('monitor', 'Monitor models in production', 'monitoring-and-response', 'data-science', [
    'monitoring',
    'deployment',
  ]),
  practice('encrypt', 'Encrypt data and model artifacts', 'data-governance', 'security', [
    'data',
    'deployment',
  ]),
  practice('sync', 'Hold a regular joint sync', 'shared-responsibility', 'shared', ['governance']),
  practice('access', 'Least-privilege access', 'data-governance', 'security', ['data']),
];
const summary = (groups: { key: string; label: string; href: string; practices: { id: string }[] }[]) =>
  groups.map((g) => `${g.key} (${g.label}, ${g.href}): ${g.practices.map((p) => p.id).join(' ')}`);

describe('practices index grouping', () => {
  it('groups by area in the fixed order of the six areas, titles sorted, empty areas left out', () => {
    expect(summary(groupPracticesByArea(practices))).toEqual([
      'data-governance (Secure data handling and governance, /practices/#area-data-governance): encrypt access',
      'monitoring-and-response (Monitoring and incident response, /practices/#area-monitoring-and-response): monitor',
      'shared-responsibility (A culture of shared responsibility, /practices/#area-shared-responsibility): sync',
    ]);
  });

  it('lists a practice under every lifecycle phase it applies to, in lifecycle order', () => {
    expect(summary(groupPracticesByPhase(practices))).toEqual([
      'data (Data, /practices/phase/data/): encrypt access',
      'deployment (Deployment, /practices/phase/deployment/): encrypt monitor',
      'monitoring (Monitoring, /practices/phase/monitoring/): monitor',
      'governance (Governance, /practices/phase/governance/): sync',
    ]);
  });

  it('groups by owner team: security, data science, then shared', () => {
    expect(summary(groupPracticesByOwner(practices))).toEqual([
      'security (Security, /practices/owner/security/): encrypt access',
      'data-science (Data science, /practices/owner/data-science/): monitor',
      'shared (Shared, /practices/owner/shared/): sync',
    ]);
  });

  it('offers a filter link with a count for each phase and owner that has practices', () => {
    const filters = practiceFilters(practices);
    expect(filters.phases.map((f) => `${f.label} ${f.count} ${f.href}`)).toEqual([
      'Data 2 /practices/phase/data/',
      'Deployment 2 /practices/phase/deployment/',
      'Monitoring 1 /practices/phase/monitoring/',
      'Governance 1 /practices/phase/governance/',
    ]);
    expect(filters.owners.map((f) => `${f.label} ${f.count}`)).toEqual([
      'Security 2',
      'Data science 1',
      'Shared 1',
    ]);
  });

  it('has no groups and no filters when there are no practices', () => {
    expect(groupPracticesByPhase([])).toEqual([]);
    expect(practiceFilters([])).toEqual({ phases: [], owners: [] });
  });
});

describe('practice phases', () => {
  it('are shown in lifecycle order whatever order the front matter uses', () => {
    expect(orderedPhases(['governance', 'data', 'monitoring'])).toEqual(['data', 'monitoring', 'governance']);
  });
});
