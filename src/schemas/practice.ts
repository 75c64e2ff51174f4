import { z } from 'astro/zod';
import { pageMetaSchema } from './page-meta.ts';
import { phaseSchema } from './phase.ts';
import { referenceLinkSchema } from './reference-link.ts';

/** The six areas of secure AI development that practices are grouped by. */
export const PRACTICE_AREAS = [
  'joint-risk-assessment',
  'data-governance',
  'secure-model-design',
  'monitoring-and-response',
  'shared-responsibility',
  'ethics',
] as const;

const raci = z.enum(['R', 'A', 'C', 'I', 'R/A', '-'], {
  error: 'responsibility must be R, A, C, I, R/A or -',
});

/** One row of the responsibility (RACI) table. */
const responsibilitySchema = z.object({
  /** The activity being assigned. */
  activity: z.string().min(3),
  /** Security team's role. */
  security: raci,
  /** Data-science team's role. */
  dataScience: raci,
  /** Joint forum's role (the sync meeting, a review board). */
  shared: raci,
});

/** Front matter of a best-practice page (content/practices/<slug>.mdx). */
export const practiceSchema = pageMetaSchema.extend({
  /** Area of secure AI development. */
  area: z.enum(PRACTICE_AREAS),
  /** Lifecycle phases the practice applies to. */
  phases: z.array(phaseSchema).min(1),
  /** Who does what: a RACI table. */
  responsibilities: z.array(responsibilitySchema).min(1),
  /** Related checklists by id (file name without extension). */
  checklists: z.array(z.string()).default([]),
  /** Related modules by id (`<track>/<slug>`). */
  modules: z.array(z.string()).default([]),
  /** Primary sources. */
  references: z.array(referenceLinkSchema).min(1),
});

export type PracticeData = z.infer<typeof practiceSchema>;
