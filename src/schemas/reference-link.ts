import { z } from 'astro/zod';
import { unknownKeysError } from '../lib/unknown-keys.ts';

/** A reference to a primary source: a standard, a paper, official documentation. */
export const referenceLinkSchema = z.strictObject(
  {
    /** Title of the source as its publisher gives it. */
    title: z.string().min(3),
    /** Public https URL of the source. */
    url: z.url({ protocol: /^https$/, error: 'reference url must be an https:// URL' }),
  },
  { error: unknownKeysError },
);
