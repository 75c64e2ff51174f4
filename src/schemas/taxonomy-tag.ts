import { z } from 'astro/zod';
import { resolveTag } from '../lib/taxonomy.ts';

/**
 * One taxonomy tag, written like a GitHub label (`atlas:AML.T0020`, `owasp-llm:LLM01:2026`,
 * `nist:MEASURE`, `reg:gdpr`). Unknown schemes or IDs fail with the tag named; valid tags
 * are normalised to their canonical spelling (`reg:gdpr` → `reg:GDPR`).
 */
export const taxonomyTagSchema = z.string().transform((raw, ctx) => {
  const result = resolveTag(raw);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: result.error });
    return z.NEVER;
  }
  return result.value.tag;
});

/** A list of taxonomy tags, duplicates removed, empty by default. */
export const taxonomyTagsSchema = z
  .array(taxonomyTagSchema)
  .default([])
  .transform((tags) => [...new Set(tags)]);
