import { z } from 'astro/zod';

/** Severity of a risk, highest first; `unrated` when no `severity:` label is set. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'unrated'] as const;

/** One severity. */
export const severitySchema = z.enum(SEVERITIES);

export type Severity = z.infer<typeof severitySchema>;
