import { z } from 'astro/zod';
import { PHASES } from '../lib/vocabulary.ts';

export { PHASES };

/** One lifecycle phase. */
export const phaseSchema = z.enum(PHASES, {
  error: (issue) => `phase must be one of ${PHASES.join(', ')} (got ${JSON.stringify(issue.input)})`,
});

export type Phase = z.infer<typeof phaseSchema>;
