import { z } from 'astro/zod';

/** The team that owns a piece of guidance, a checklist item or a risk. */
export const ownerSchema = z.enum(['security', 'data-science', 'shared'], {
  error: (issue) =>
    `owner must be one of security, data-science, shared (got ${JSON.stringify(issue.input)})`,
});

export type Owner = z.infer<typeof ownerSchema>;
