import { z } from 'astro/zod';

/**
 * Shapes of GitHub's answers to the queries in queries.ts. The answer is untrusted input, so
 * it is checked at run time; the types follow from the schemas. Nullable lists are read as
 * empty and null entries are dropped, as GitHub's schema allows both.
 */
const visibilitySchema = z.enum(['PUBLIC', 'PRIVATE', 'INTERNAL']);

const nodes = <T extends z.ZodType>(node: T) =>
  z
    .object({ nodes: z.array(node.nullable()).nullable() })
    .nullable()
    .transform((connection) =>
      (connection?.nodes ?? []).filter((n): n is NonNullable<typeof n> => n != null),
    );

const pageInfoSchema = z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() });
const labelSchema = z.object({ name: z.string(), color: z.string().nullable().optional() });

/** A label connection: its labels, and the cursor to read on from when there are more. */
const labelsSchema = z
  .object({
    pageInfo: pageInfoSchema.nullable().optional(),
    nodes: z.array(labelSchema.nullable()).nullable(),
  })
  .nullable()
  .transform((connection) => ({
    nodes: (connection?.nodes ?? []).filter((n): n is NonNullable<typeof n> => n != null),
    pageInfo: connection?.pageInfo ?? { hasNextPage: false, endCursor: null },
  }));

/**
 * The issue's last ClosedEvent (asked for with `last: 1`), kept in the timeline after a reopen.
 * Absent when the query did not ask, as a full sync does not; the actor is null for a deleted
 * account.
 */
const lastCloseSchema = z
  .object({
    nodes: z
      .array(
        z
          .object({
            createdAt: z.string().nullable().optional(),
            actor: z.object({ login: z.string() }).nullable().optional(),
          })
          .nullable(),
      )
      .nullable(),
  })
  .nullable()
  .optional()
  .transform((connection) => {
    const last = connection?.nodes?.at(-1);
    return { at: last?.createdAt ?? null, by: last?.actor?.login ?? null };
  });

export const rawIssueSchema = z
  .object({
    number: z.number().int().positive(),
    title: z.string(),
    state: z.enum(['OPEN', 'CLOSED']),
    body: z
      .string()
      .nullable()
      .transform((body) => body ?? ''),
    createdAt: z.string(),
    updatedAt: z.string(),
    author: z.object({ login: z.string() }).nullable(),
    assignees: nodes(z.object({ login: z.string() })),
    labels: labelsSchema,
    repository: z.object({
      nameWithOwner: z.string(),
      visibility: visibilitySchema,
      isArchived: z
        .boolean()
        .nullable()
        .optional()
        .transform((archived) => archived === true),
    }),
    /** When the issue was last closed; null while open or when the query did not ask. */
    closedAt: z
      .string()
      .nullable()
      .optional()
      .transform((at) => at ?? null),
    timelineItems: lastCloseSchema,
  })
  .transform(({ labels, timelineItems, ...issue }) => ({
    ...issue,
    /** Login of whoever closed it last, when GitHub says; untrusted, cleaned by the merge. */
    closedBy: timelineItems.by,
    /** When it was last closed, even if reopened since; null when never closed or not asked. */
    lastClosedAt: timelineItems.at,
    labels: labels.nodes,
    /** Where the labels read on from when the issue has more than one page of them; null when all are here. */
    moreLabels: labels.pageInfo.hasNextPage ? labels.pageInfo.endCursor : null,
  }));

export const boardIssuesResponseSchema = z.object({
  rateLimit: z.object({ cost: z.number(), remaining: z.number(), resetAt: z.string() }).nullable().optional(),
  repository: z
    .object({
      nameWithOwner: z.string(),
      visibility: visibilitySchema,
      isArchived: z
        .boolean()
        .nullable()
        .optional()
        .transform((archived) => archived === true),
      issues: z.object({
        pageInfo: pageInfoSchema,
        nodes: z.array(rawIssueSchema.nullable()).transform((list) => list.filter((n) => n != null)),
      }),
    })
    .nullable(),
});

/** The answer to ISSUE_LABELS. */
export const issueLabelsResponseSchema = z.object({
  rateLimit: z.object({ cost: z.number(), remaining: z.number(), resetAt: z.string() }).nullable().optional(),
  repository: z
    .object({
      issue: z
        .object({
          labels: z.object({ pageInfo: pageInfoSchema, nodes: z.array(labelSchema.nullable()).nullable() }),
        })
        .nullable(),
    })
    .nullable(),
});

export type RawIssue = z.infer<typeof rawIssueSchema>;
export type Visibility = z.infer<typeof visibilitySchema>;
export type BoardIssuesResponse = z.infer<typeof boardIssuesResponseSchema>;
export type PageInfo = NonNullable<BoardIssuesResponse['repository']>['issues']['pageInfo'];
