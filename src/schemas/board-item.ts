import { z } from 'astro/zod';
import { ownerSchema } from './owner.ts';
import { phaseSchema } from './phase.ts';
import { severitySchema } from './severity.ts';
import { taxonomyTagsSchema } from './taxonomy-tag.ts';

const isoDateTime = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time' });

/** A label kept as-is because it has no meaning to the board. */
const plainLabelSchema = z.object({
  /** Label name, untrusted text. */
  name: z.string(),
  /** Six-digit hex colour without '#', checked so it can never carry markup. */
  color: z
    .string()
    .regex(/^[0-9a-fA-F]{6}$/)
    .default('cccccc'),
});

/** One open risk or threat item, mapped from a GitHub issue by the sync. All text is untrusted. */
export const boardItemSchema = z.object({
  /** `owner/name#number`, unique across the snapshot. */
  key: z.string().regex(/^[\w.-]+\/[\w.-]+#\d+$/, 'key must look like owner/name#123'),
  /** Repository as `owner/name`. */
  repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'repo must look like owner/name'),
  /** Issue number. */
  number: z.number().int().positive(),
  /** Issue title, rendered as text only. */
  title: z.string(),
  /** Link to the issue on GitHub (https only). */
  url: z.url({ protocol: /^https$/, error: 'url must be an https:// URL' }),
  /** Owning team from an `owner:` label; null means "Needs an owner". */
  owner: ownerSchema.nullable().default(null),
  /** Highest `severity:` label, or unrated. */
  severity: severitySchema.default('unrated'),
  /** Lifecycle phases from `phase:` labels. */
  phases: z.array(phaseSchema).default([]),
  /** Known taxonomy tags from `atlas:`, `owasp-ml:`, `owasp-llm:`, `nist:` and `reg:` labels. */
  tags: taxonomyTagsSchema,
  /** Taxonomy labels whose ID is not in the taxonomy file: flagged on the board, never dropped. */
  unknownTags: z.array(z.string()).default([]),
  /** Every other label. */
  labels: z.array(plainLabelSchema).default([]),
  /** Logins of the assignees. */
  assignees: z.array(z.string()).default([]),
  /** Login of the author, null for deleted accounts ("ghost"). */
  author: z.string().nullable().default(null),
  /** When the issue was opened. */
  createdAt: isoDateTime,
  /** When the issue last changed. */
  updatedAt: isoDateTime,
  /** Body as HTML that the sync has already sanitised; empty in `excerpt` and `none` body modes. */
  bodyHTML: z.string().default(''),
  /** Plain-text excerpt of the body (at most 300 characters); empty in `none` body mode. */
  excerpt: z.string().max(300).default(''),
});

export type BoardItem = z.infer<typeof boardItemSchema>;
