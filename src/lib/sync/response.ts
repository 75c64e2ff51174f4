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

export const rawIssueSchema = z.object({
  number: z.number().int().positive(),
  title: z.string(),
  url: z.string(),
  state: z.enum(['OPEN', 'CLOSED']),
  body: z
    .string()
    .nullable()
    .transform((body) => body ?? ''),
  createdAt: z.string(),
  updatedAt: z.string(),
  author: z.object({ login: z.string() }).nullable(),
  assignees: nodes(z.object({ login: z.string() })),
  labels: nodes(z.object({ name: z.string(), color: z.string().nullable().optional() })),
  repository: z.object({ nameWithOwner: z.string(), visibility: visibilitySchema }),
});

export const boardIssuesResponseSchema = z.object({
  rateLimit: z.object({ cost: z.number(), remaining: z.number(), resetAt: z.string() }).nullable().optional(),
  repository: z
    .object({
      nameWithOwner: z.string(),
      visibility: visibilitySchema,
      issues: z.object({
        pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
        nodes: z.array(rawIssueSchema.nullable()).transform((list) => list.filter((n) => n != null)),
      }),
    })
    .nullable(),
});

export type RawIssue = z.infer<typeof rawIssueSchema>;
export type Visibility = z.infer<typeof visibilitySchema>;
export type BoardIssuesResponse = z.infer<typeof boardIssuesResponseSchema>;
export type PageInfo = NonNullable<BoardIssuesResponse['repository']>['issues']['pageInfo'];
