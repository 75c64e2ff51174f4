import { z } from 'astro/zod';

/** A reference to a primary source: a standard, a paper, official documentation. */
export const referenceLinkSchema = z.object({
  /** Title of the source as its publisher gives it. */
  title: z.string().min(3),
  /** Public https URL of the source. */
  url: z.url({ protocol: /^https$/, error: 'reference url must be an https:// URL' }),
});
