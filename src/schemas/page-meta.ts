import { z } from 'astro/zod';
import { ownerSchema } from './owner.ts';
import { taxonomyTagsSchema } from './taxonomy-tag.ts';
import { unknownKeysError } from '../lib/unknown-keys.ts';

/** Fields every content page shares: who owns it, when it was last reviewed, what it maps to. */
export const pageMetaSchema = z.strictObject(
  {
    /** Page title as shown in headings, navigation and search. */
    title: z.string().min(3, 'title must have at least 3 characters'),
    /** One or two sentences shown in listings, search results and the meta description. */
    summary: z.string().min(20, 'summary must have at least 20 characters'),
    /** The team that keeps this page accurate. */
    owner: ownerSchema,
    /** Date of the last content review (YYYY-MM-DD); pages older than 180 days are flagged. */
    lastReviewed: z.coerce.date({ error: 'lastReviewed must be a date written as YYYY-MM-DD' }),
    /** Taxonomy tags (ATLAS, OWASP ML 2023, OWASP LLM 2026, NIST AI RMF, regulation). */
    tags: taxonomyTagsSchema,
  },
  { error: unknownKeysError },
);
