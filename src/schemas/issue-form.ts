import { z } from 'astro/zod';
import { ownerSchema } from './owner.ts';
import { phaseSchema } from './phase.ts';
import { severitySchema } from './severity.ts';

/** How headings and option texts compare: trimmed, letter case aside. */
const key = (text: string) => text.trim().toLowerCase();

/** A question's label, which GitHub renders as the heading `### <label>` above its answer. */
const headingSchema = z.string().refine((heading) => key(heading) !== '', 'a form heading cannot be empty');

/** A dropdown's option texts, each mapped to the board value it means. */
function optionsSchema<T extends z.ZodType<string>>(value: T) {
  return z.record(z.string(), value).superRefine((options, ctx) => {
    const seen = new Set<string>();
    for (const text of Object.keys(options)) {
      if (key(text) === '') ctx.addIssue({ code: 'custom', message: 'an option text cannot be empty' });
      else if (seen.has(key(text)))
        ctx.addIssue({ code: 'custom', message: `the option "${text.trim()}" is listed twice` });
      seen.add(key(text));
    }
  });
}

/** One dropdown of the form: its heading and what each option means, defaulting to the shipped form. */
function dropdownSchema<T extends z.ZodType<string>>(
  heading: string,
  value: T,
  options: Record<string, z.output<T>>,
) {
  return z.strictObject({
    /** The dropdown's label as written in the form. */
    heading: headingSchema.default(heading),
    /** Option text → board value; replaces the shipped options when given. */
    options: optionsSchema(value).default(options),
  });
}

const owner = dropdownSchema('Owner team', ownerSchema, {
  Security: 'security',
  'Data science': 'data-science',
  Shared: 'shared',
});
const severity = dropdownSchema('Severity', severitySchema, {
  Critical: 'critical',
  High: 'high',
  Medium: 'medium',
  Low: 'low',
});
const phase = dropdownSchema('Lifecycle phase', phaseSchema, {
  Data: 'data',
  Training: 'training',
  Evaluation: 'evaluation',
  Deployment: 'deployment',
  Monitoring: 'monitoring',
  Governance: 'governance',
});
const atlas = z.strictObject({
  /** The input's label as written in the form. */
  heading: headingSchema.default('ATLAS technique ID(s)'),
});

/**
 * How the sync reads answers from .github/ISSUE_TEMPLATE/ai-risk.yml (`issueForm` in sources.yaml):
 * the heading of each question and what its options mean. Change it when the team edits the form.
 */
export const issueFormSchema = z
  .strictObject({
    /** Owner team dropdown; its values are owner teams. */
    owner: owner.default(owner.parse({})),
    /** Severity dropdown; an option meaning `unrated` counts as no answer. */
    severity: severity.default(severity.parse({})),
    /** Lifecycle phase dropdown (several may be chosen). */
    phase: phase.default(phase.parse({})),
    /** MITRE ATLAS technique IDs, read from a free-text answer. */
    atlas: atlas.default(atlas.parse({})),
  })
  .superRefine((form, ctx) => {
    const seen = new Set<string>();
    for (const [field, { heading }] of Object.entries(form)) {
      if (seen.has(key(heading)))
        ctx.addIssue({
          code: 'custom',
          path: [field, 'heading'],
          message: `the heading "${heading}" is used twice`,
        });
      seen.add(key(heading));
    }
  });

export type IssueFormConfig = z.infer<typeof issueFormSchema>;
