import { z } from 'astro/zod';
import { checkHtml } from '../lib/sync/body-budget.ts';
import { EXCERPT_CODE_POINTS } from '../lib/sync/body-limits.ts';
import { cleanText } from '../lib/sync/plain-text.ts';
import { ownerSchema } from './owner.ts';
import { phaseSchema } from './phase.ts';
import { repoNameSchema } from './repo-name.ts';
import { severitySchema } from './severity.ts';
import { taxonomyTagsSchema } from './taxonomy-tag.ts';

const isoDateTime = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' });

/** Untrusted text, normalised on every read (no controls, bidi marks or XML-forbidden code points). */
const text = (max: number) => z.string().transform((value) => cleanText(value, max));

/** A label kept as-is because it has no meaning to the board. */
const plainLabelSchema = z.object({
  /** Label name, untrusted text. */
  name: text(100),
  /** Six-digit hex colour without '#', checked so it can never carry markup. */
  color: z
    .string()
    .regex(/^[0-9a-fA-F]{6}$/)
    .default('cccccc'),
});

/** What kind of change the sync observed on an item between two runs. */
export const CHANGE_KINDS = ['opened', 'closed', 'reopened', 'severity', 'owner', 'phase'] as const;

/**
 * One dated change the sync observed between two runs. `from` and `to` hold the severity, the
 * owner team (null: needs an owner) or the phases joined by ", " ('' for none); both are null
 * for opened, closed and reopened.
 */
export const itemChangeSchema = z.object({
  /** When it happened, as far as the sync can tell (the issue's own date, else the sync's). */
  at: isoDateTime,
  kind: z.enum(CHANGE_KINDS),
  from: text(100).nullable().default(null),
  to: text(100).nullable().default(null),
});

export type ItemChange = z.infer<typeof itemChangeSchema>;

/** One open risk or threat item, mapped from a GitHub issue by the sync. All text is untrusted. */
export const boardItemSchema = z
  .object({
    /** `owner/name#number`, unique across the snapshot. */
    key: z.string(),
    /** Repository as `owner/name`. */
    repo: repoNameSchema,
    /** Issue number. */
    number: z.number().int().positive(),
    /** Issue title, rendered as text only; '' when it had nothing visible. */
    title: text(256),
    /** Link to the issue on GitHub, built by the sync from the web origin, repository and number. */
    url: z.url({ protocol: /^https$/, error: 'url must be an https:// URL' }),
    /** Owning team from an `owner:` label, else the issue form's answer; null means "Needs an owner". */
    owner: ownerSchema.nullable().default(null),
    /** Highest `severity:` label, else the issue form's answer, else unrated. */
    severity: severitySchema.default('unrated'),
    /** Lifecycle phases from `phase:` labels, else from the issue form. */
    phases: z.array(phaseSchema).default([]),
    /** Known taxonomy tags from `atlas:`, `owasp-ml:`, `owasp-llm:`, `nist:` and `reg:` labels (ATLAS also from the issue form). */
    tags: taxonomyTagsSchema,
    /** Taxonomy labels whose ID is not in the taxonomy file: flagged on the board, never dropped. */
    unknownTags: z.array(text(100)).default([]),
    /** Labels that look like a convention but are not one, or conflict, and form answers not applied: shown as warnings. */
    flags: z.array(text(200)).default([]),
    /** Every other label. */
    labels: z.array(plainLabelSchema).default([]),
    /** Logins of the assignees. */
    assignees: z.array(text(39)).default([]),
    /** Login of the author, null for deleted accounts ("ghost"). */
    author: text(39).nullable().default(null),
    /** When the issue was opened. */
    createdAt: isoDateTime,
    /** When the issue last changed. */
    updatedAt: isoDateTime,
    /** Body as HTML that the sync has already sanitised; empty in `excerpt` and `none` body modes. */
    bodyHTML: z
      .string()
      .default('')
      .superRefine((html, ctx) => {
        // The same size and depth limits the sync applies, so a hand-edited snapshot cannot exceed them.
        const problem = checkHtml(html);
        if (problem) ctx.addIssue({ code: 'custom', message: `${problem}; keep the excerpt only` });
      }),
    /** Plain-text excerpt of the body (at most 300 code points); empty in `none` body mode. */
    excerpt: text(EXCERPT_CODE_POINTS).default(''),
    /** Why only the excerpt is shown (too large, too deep, could not be rendered); null when the body rendered. */
    bodySkipped: text(300).nullable().default(null),
    /** When the issue was closed; null while it is open. Closed items live in the snapshot's `closed` list. */
    closedAt: isoDateTime.nullable().default(null),
    /** Login of whoever closed it, when GitHub says; null when unknown. */
    closedBy: text(39).nullable().default(null),
    /** Changes the sync observed, oldest first, pruned to the snapshot's retention window. */
    changes: z.array(itemChangeSchema).default([]),
  })
  .superRefine((item, ctx) => {
    if (item.key !== `${item.repo}#${item.number}`) {
      ctx.addIssue({ code: 'custom', path: ['key'], message: `key must be "${item.repo}#${item.number}"` });
    }
    const url = URL.parse(item.url);
    if (url?.protocol !== 'https:') return;
    if (url.pathname !== `/${item.repo}/issues/${item.number}` || url.search || url.hash || url.username) {
      ctx.addIssue({
        code: 'custom',
        path: ['url'],
        message: `url must be the issue's own page, …/${item.repo}/issues/${item.number}`,
      });
    }
  });

export type BoardItem = z.infer<typeof boardItemSchema>;
