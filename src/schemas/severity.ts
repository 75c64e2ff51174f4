import { z } from 'astro/zod';
import { SEVERITIES } from '../lib/vocabulary.ts';

export { SEVERITIES };

/** One severity. */
export const severitySchema = z.enum(SEVERITIES);

export type Severity = z.infer<typeof severitySchema>;
