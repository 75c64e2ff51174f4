import { z } from 'astro/zod';
import { issueFormSchema } from './issue-form.ts';
import { repoNameSchema } from './repo-name.ts';

/** A label prefix such as `owner:`; compared case-insensitively. */
const prefixSchema = z
  .string()
  .min(2, 'a label prefix needs at least two characters, e.g. "owner:"')
  .transform((prefix) => prefix.toLowerCase());

const labelsSchema = z
  .array(z.string().trim().min(1, 'a label cannot be empty'))
  .min(1)
  .default(['risk', 'threat']);

/** One repository whose issues feed the board. */
export const repoSourceSchema = z.strictObject({
  /** Repository as `owner/name`, e.g. `acme/ml-platform`. */
  repo: repoNameSchema,
  /** Labels that select an issue for the board: any one of them, compared case-insensitively. */
  labels: labelsSchema,
  /** Read a private or internal repository too; off so private issues never reach a public site by accident. */
  includePrivate: z.boolean().default(false),
  /** Read an archived repository too; off, as its issues can no longer change. */
  includeArchived: z.boolean().default(false),
});

/** A repository-name glob such as `ml-*` (`*`, `?`, `[abc]`), matched case-insensitively. */
const globSchema = z
  .string()
  .trim()
  .min(1, 'a glob cannot be empty')
  .regex(/^[A-Za-z0-9._\-*?[\]!]+$/, 'a glob matches a repository name: letters, digits, . _ - and * ? [ ]');

/** Every repository of an organisation, new ones included as they appear. */
export const orgSourceSchema = z.strictObject({
  /** Organisation login, e.g. `acme`. */
  org: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,38}$/, 'org must be an organisation login, e.g. acme'),
  /** Only repositories whose name matches one of these globs; all when empty. */
  include: z.array(globSchema).default([]),
  /** Leave out repositories whose name matches one of these globs (wins over include). */
  exclude: z.array(globSchema).default([]),
  /** Labels that select an issue for the board: any one of them, compared case-insensitively. */
  labels: labelsSchema,
  /** Read private and internal repositories too; checked per repository and per issue. */
  includePrivate: z.boolean().default(false),
  /** Read archived repositories too. */
  includeArchived: z.boolean().default(false),
});

/** A source entry: `repo:` for one repository, `org:` for an organisation (the key decides which). */
export const sourceSchema = z.unknown().transform((value, ctx) => {
  const schema =
    typeof value === 'object' && value !== null && 'org' in value ? orgSourceSchema : repoSourceSchema;
  const result = schema.safeParse(value);
  if (result.success) return result.data as RepoSource | OrgSource;
  for (const issue of result.error.issues) ctx.addIssue(issue as never);
  return z.NEVER;
});

/** Label prefixes for each board field; defaults follow DESIGN.md. */
const conventionsSchema = z.strictObject({
  /** Owner team: `owner:security`, `owner:data-science`, `owner:shared`. */
  owner: prefixSchema.default('owner:'),
  /** Severity: `severity:critical|high|medium|low`. */
  severity: prefixSchema.default('severity:'),
  /** Lifecycle phase: `phase:data`, `phase:training`, … */
  phase: prefixSchema.default('phase:'),
  /** Taxonomy schemes and the label prefix that carries each. */
  taxonomy: z
    .strictObject({
      /** MITRE ATLAS, e.g. `atlas:AML.T0020`. */
      atlas: prefixSchema.default('atlas:'),
      /** OWASP ML Top 10, e.g. `owasp-ml:ML02:2023`. */
      'owasp-ml': prefixSchema.default('owasp-ml:'),
      /** OWASP LLM Top 10, e.g. `owasp-llm:LLM01:2026`. */
      'owasp-llm': prefixSchema.default('owasp-llm:'),
      /** NIST AI RMF function, e.g. `nist:MEASURE`. */
      nist: prefixSchema.default('nist:'),
    })
    .default({ atlas: 'atlas:', 'owasp-ml': 'owasp-ml:', 'owasp-llm': 'owasp-llm:', nist: 'nist:' }),
  /** Regulation, e.g. `reg:gdpr`. */
  regulation: prefixSchema.default('reg:'),
});

/** How the sync talks to GitHub; the defaults suit github.com. */
const networkSchema = z.strictObject({
  /** Give up on one HTTP request after this many milliseconds. */
  timeoutMs: z.number().int().min(50).default(30_000),
  /** Retries of a request that failed with a 5xx or a network error. */
  retries: z.number().int().min(0).max(10).default(3),
  /** Backoff base: the n-th retry waits n² × this many milliseconds. */
  retryBaseMs: z.number().int().min(1).default(1_000),
  /** Wait for a rate limit (primary reset or secondary retry-after) only when it is at most this near. */
  maxRateLimitWaitSeconds: z.number().int().min(0).default(300),
  /** Minimum gap between two requests; the sync sends one at a time and only queries. */
  minIntervalMs: z.number().int().min(0).default(100),
  /** Issue searches sent together in one request by organisation sources (each a page of up to 100). */
  searchesPerRequest: z.number().int().min(1).max(10).default(5),
});

const defaults = {
  conventions: conventionsSchema.parse({}),
  network: networkSchema.parse({}),
  issueForm: issueFormSchema.parse({}),
};

/** content/board/sources.yaml: where the board's items come from and how labels map onto it. */
export const sourcesConfigSchema = z
  .strictObject({
    /** Repositories and organisations to read, in the order the board lists them. */
    sources: z.array(sourceSchema).min(1, 'list at least one source, e.g. "- repo: acme/ml-platform"'),
    /** Label prefixes. */
    conventions: conventionsSchema.default(defaults.conventions),
    /** Headings and options of the issue form (.github/ISSUE_TEMPLATE/ai-risk.yml); answers stand in for missing labels. */
    issueForm: issueFormSchema.default(defaults.issueForm),
    /** Issue bodies: `full` sanitised HTML and an excerpt, `excerpt` only, or `none`. */
    body: z.enum(['full', 'excerpt', 'none']).default('full'),
    /** An item with no update for this many days is stale. */
    staleAfterDays: z.number().int().min(1).default(30),
    /** Days between joint sync meetings; the agenda looks back this far. */
    cadenceDays: z.number().int().min(1).default(14),
    /** The board warns when the snapshot is older than this many hours. */
    maxAgeHours: z.number().int().min(1).default(48),
    /** Closed items and the changes the sync records are kept this many days (the agenda's look-back limit). */
    retentionDays: z.number().int().min(1).default(90),
    /** Timeouts, retries and pacing. */
    network: networkSchema.default(defaults.network),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.sources.forEach((source, i) => {
      const [field, name] =
        'org' in source ? (['org', source.org] as const) : (['repo', source.repo] as const);
      const key = `${field}:${name.toLowerCase()}`;
      if (seen.has(key)) {
        ctx.addIssue({ code: 'custom', path: ['sources', i, field], message: `${name} is listed twice` });
      }
      seen.add(key);
    });
  });

export type SourcesConfig = z.infer<typeof sourcesConfigSchema>;
export type RepoSource = z.infer<typeof repoSourceSchema>;
export type OrgSource = z.infer<typeof orgSourceSchema>;
export type Source = RepoSource | OrgSource;
export type Conventions = SourcesConfig['conventions'];
export type NetworkSettings = SourcesConfig['network'];
