/** Grouping of best practices by area of secure AI development, in a fixed reading order. */
import { PRACTICE_AREAS } from '../schemas/practice.ts';

export type PracticeArea = (typeof PRACTICE_AREAS)[number];

export const AREA_LABELS: Record<PracticeArea, string> = {
  'joint-risk-assessment': 'Joint risk assessment',
  'data-governance': 'Secure data handling and governance',
  'secure-model-design': 'Security in model design',
  'monitoring-and-response': 'Monitoring and incident response',
  'shared-responsibility': 'A culture of shared responsibility',
  ethics: 'Ethical considerations',
};

interface HasArea {
  data: { area: PracticeArea; title: string };
}

export function groupPracticesByArea<T extends HasArea>(practices: T[]) {
  return PRACTICE_AREAS.map((area) => ({
    area,
    label: AREA_LABELS[area],
    practices: practices.filter((p) => p.data.area === area).sort((a, b) => a.data.title.localeCompare(b.data.title)),
  })).filter((g) => g.practices.length > 0);
}
