import { z } from 'astro/zod';
import { ownerSchema } from './owner.ts';
import { taxonomyTagsSchema } from './taxonomy-tag.ts';
import { unknownKeysError } from '../lib/unknown-keys.ts';

/** One glossary term (an entry of content/glossary/terms.yaml). */
export const glossaryTermSchema = z.strictObject(
  {
    /** Stable anchor id, lower-case words joined by hyphens. */
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'id must be lower-case words joined by hyphens'),
    /** The term as written in prose. */
    term: z.string().min(2),
    /** Other names and abbreviations. */
    aliases: z.array(z.string()).default([]),
    /** Forms (the term or aliases) that modules use in another sense too, so they are not linked automatically. */
    notLinked: z.array(z.string()).default([]),
    /** The team whose craft the term comes from (security terms are explained for data scientists, and vice versa). */
    owner: ownerSchema,
    /** Plain-language definition, two to four sentences. */
    definition: z.string().min(40, 'definition must have at least 40 characters'),
    /** Ids of related terms, cross-linked on the page. */
    related: z.array(z.string()).default([]),
    /** Taxonomy tags where the term maps to one. */
    tags: taxonomyTagsSchema,
    /** Date of the last review (YYYY-MM-DD). */
    lastReviewed: z.coerce.date({ error: 'lastReviewed must be a date written as YYYY-MM-DD' }),
  },
  { error: unknownKeysError },
);

export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;
