import { z } from 'astro/zod';
import { pageMetaSchema } from './page-meta.ts';
import { phaseSchema } from './phase.ts';
import { quizSchema } from './quiz.ts';
import { referenceLinkSchema } from './reference-link.ts';

/** Front matter of a training module (content/modules/<track>/<slug>.mdx). */
export const moduleSchema = pageMetaSchema.extend({
  /** Who the module is written for. */
  audience: z.enum(['data-scientists', 'security-professionals', 'both-teams']),
  /** Position within its track, starting at 1. */
  order: z.number().int().min(1),
  /** Expected time to work through the module and its exercise, in minutes. */
  duration: z.number().int().min(5).max(480),
  /** What the reader can do afterwards; two or more. */
  objectives: z.array(z.string().min(10)).min(2, 'a module needs at least 2 learning objectives'),
  /** Modules to take first, as `<track>/<slug>` ids. */
  prerequisites: z.array(z.string()).default([]),
  /** Lifecycle phases the module speaks to; used to relate board risks. */
  phases: z.array(phaseSchema).default([]),
  /** Primary sources for further reading. */
  references: z.array(referenceLinkSchema).min(1, 'a module needs at least one reference'),
  /** The knowledge check. */
  quiz: quizSchema,
});

export type ModuleData = z.infer<typeof moduleSchema>;
