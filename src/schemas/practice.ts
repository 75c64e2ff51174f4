import { z } from 'astro/zod';
import { pageMetaSchema } from './page-meta.ts';
import { phaseSchema } from './phase.ts';
import { referenceLinkSchema } from './reference-link.ts';
import { RACI_CODES, RACI_PARTY_LABELS, accountableParties } from '../lib/raci.ts';
import { unknownKeysError } from '../lib/unknown-keys.ts';

/** The six areas of secure AI development that practices are grouped by. */
export const PRACTICE_AREAS = [
  'joint-risk-assessment',
  'data-governance',
  'secure-model-design',
  'monitoring-and-response',
  'shared-responsibility',
  'ethics',
] as const;

const raci = z.enum(RACI_CODES, { error: 'responsibility must be R, A, C, I, R/A or -' });
const forumRaci = z.enum(['R', 'C', 'I', '-'], {
  error:
    'the joint forum can be R, C, I or -, not accountable: name the one team or role that answers for the activity',
});

/** One row of the responsibility (RACI) table: exactly one accountable party. */
const responsibilitySchema = z
  .strictObject(
    {
      /** The activity being assigned. */
      activity: z.string().min(3),
      /** Security team's role. */
      security: raci,
      /** Data-science team's role. */
      dataScience: raci,
      /** Privacy and legal (data-protection officer, counsel); no role when left out. */
      privacyLegal: raci.default('-'),
      /** The product or business owner of the AI system; no role when left out. */
      productOwner: raci.default('-'),
      /** Joint forum's role (the sync meeting, a review board); never accountable. */
      shared: forumRaci,
    },
    { error: unknownKeysError },
  )
  .superRefine((row, ctx) => {
    const accountable = accountableParties(row);
    if (accountable.length === 1) return;
    const named = accountable.map((p) => RACI_PARTY_LABELS[p]).join(' and ');
    ctx.addIssue({
      code: 'custom',
      path: ['activity'],
      message:
        accountable.length === 0
          ? `"${row.activity}" has no accountable party: mark exactly one of security, dataScience, privacyLegal or productOwner A (or R/A)`
          : `"${row.activity}" makes ${named} accountable: a RACI row has exactly one A (or R/A)`,
    });
  });

export type Responsibility = z.infer<typeof responsibilitySchema>;

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
