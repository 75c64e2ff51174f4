import { z } from 'astro/zod';

/** Lifecycle phases of an AI system, shared by guidance and board items (label `phase:…`). */
export const PHASES = ['data', 'training', 'evaluation', 'deployment', 'monitoring', 'governance'] as const;

/** One lifecycle phase. */
export const phaseSchema = z.enum(PHASES, {
  error: (issue) => `phase must be one of ${PHASES.join(', ')} (got ${JSON.stringify(issue.input)})`,
});

export type Phase = z.infer<typeof phaseSchema>;
