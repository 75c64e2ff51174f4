import { z } from 'astro/zod';
import { AREA_IDS } from '../lib/assess/areas.ts';
import { readCondition, type Condition } from '../lib/assess/condition.ts';
import { ownerSchema } from './owner.ts';
import { phaseSchema } from './phase.ts';
import { taxonomyTagsSchema } from './taxonomy-tag.ts';
import { unknownKeysError } from '../lib/unknown-keys.ts';

const score = (field: string) =>
  z
    .number({ error: `${field} must be a whole number from 1 to 5` })
    .int(`${field} must be a whole number from 1 to 5`)
    .min(1, `${field} must be from 1 to 5`)
    .max(5, `${field} must be from 1 to 5`);

/** A suggested control: one of Tandem's practices, checklists or modules, by id. */
const controlSchema = z.union(
  [
    z.strictObject({ practice: z.string().min(1) }, { error: unknownKeysError }),
    z.strictObject({ checklist: z.string().min(1) }, { error: unknownKeysError }),
    z.strictObject(
      { module: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'module ids are track/module') },
      { error: unknownKeysError },
    ),
  ],
  { error: 'a control is { practice: <id> }, { checklist: <id> } or { module: <track>/<id> }' },
);

const conditionSchema = z.unknown().superRefine((value, ctx) => {
  const result = readCondition(value);
  if (!result.ok) ctx.addIssue({ code: 'custom', message: result.error });
}) as unknown as z.ZodType<Condition>;

/**
 * One threat in the workshop's library (content/threats/<id>.yaml). Strict: a key no field
 * knows fails the build naming it. Tags must include at least one MITRE ATLAS and, where one
 * fits, OWASP IDs; all are checked against the taxonomy like other content.
 */
export const threatSchema = z
  .strictObject(
    {
      /** Short title, phrased as what goes wrong. */
      title: z.string().min(8, 'title must have at least 8 characters'),
      /** Which of the six areas the threat belongs to. */
      area: z.enum(AREA_IDS, { error: `area must be one of ${AREA_IDS.join(', ')}` }),
      /** What happens and why it matters, two to four sentences. */
      description: z.string().min(60, 'description must have at least 60 characters'),
      /** What the security team looks for. */
      security: z.string().min(40, 'security must have at least 40 characters'),
      /** What the data-science team looks for. */
      dataScience: z.string().min(40, 'dataScience must have at least 40 characters'),
      /** When the workshop suggests it, over the system profile (src/lib/assess/condition.ts). */
      appliesWhen: conditionSchema,
      /** Lifecycle phases where the threat is addressed. */
      phases: z.array(phaseSchema).min(1, 'list at least one phase'),
      /** The team that usually owns it. */
      owner: ownerSchema,
      /** Taxonomy tags: ATLAS, OWASP, NIST, regulation. */
      tags: taxonomyTagsSchema,
      /** Suggested controls, linking to Tandem's guidance. */
      controls: z.array(controlSchema).min(1, 'suggest at least one control'),
      /** Default likelihood (1–5) before the teams rate it. */
      likelihood: score('likelihood'),
      /** Default impact (1–5). */
      impact: score('impact'),
      /** One sentence on why those defaults. */
      rationale: z.string().min(30, 'rationale must have at least 30 characters'),
    },
    { error: unknownKeysError },
  )
  .superRefine((threat, ctx) => {
    if (!threat.tags.some((tag) => tag.startsWith('atlas:')))
      ctx.addIssue({
        code: 'custom',
        path: ['tags'],
        message: 'tag at least one MITRE ATLAS ID (atlas:AML.T…)',
      });
  });

export type ThreatData = z.infer<typeof threatSchema>;
export type ThreatControl = z.infer<typeof controlSchema>;
