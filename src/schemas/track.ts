import { z } from 'astro/zod';
import { pageMetaSchema } from './page-meta.ts';

/** A cross-training track (content/tracks/<track>.yaml); its modules live in content/modules/<track>/. */
export const trackSchema = pageMetaSchema.extend({
  /** Who takes the track. */
  audience: z.enum(['data-scientists', 'security-professionals', 'both-teams']),
  /** Order of the track on the Learn page. */
  order: z.number().int().min(1),
  /** What a reader can do after completing the whole track. */
  outcomes: z.array(z.string().min(10)).min(1),
});

export type TrackData = z.infer<typeof trackSchema>;
