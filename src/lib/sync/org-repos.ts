import { matchesGlob } from 'node:path';
import { z } from 'astro/zod';
import type { OrgSource } from '../../schemas/sources.ts';
import type { GraphqlClient } from './client.ts';
import { SyncError } from './errors.ts';
import { ORG_REPOSITORIES } from './queries.ts';

const repositorySchema = z.object({
  id: z.string(),
  nameWithOwner: z.string(),
  visibility: z.enum(['PUBLIC', 'PRIVATE', 'INTERNAL']),
  isArchived: z.boolean(),
  hasIssuesEnabled: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const answerSchema = z.object({
  organization: z
    .object({
      repositories: z.object({
        totalCount: z.number().int().min(0),
        pageInfo: z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() }),
        nodes: z
          .array(repositorySchema.nullable())
          .nullable()
          .transform((nodes) => (nodes ?? []).filter((n) => n !== null)),
      }),
    })
    .nullable(),
});

export type OrgRepository = z.infer<typeof repositorySchema>;

export interface Listing {
  repos: OrgRepository[];
  /** How many repositories the organisation has, as GitHub counts them now. */
  totalCount: number;
  requests: number;
}

/**
 * Lists an organisation's repositories, 100 a request. `since` (an ISO time) reads the most
 * recently updated first and stops after the first page that reaches back to it; without it,
 * every repository is read, by name.
 */
export async function listRepositories(
  client: GraphqlClient,
  org: string,
  since: string | null,
  onPage?: (repos: number) => void,
): Promise<Listing> {
  const order = since ? { field: 'UPDATED_AT', direction: 'DESC' } : { field: 'NAME', direction: 'ASC' };
  const repos: OrgRepository[] = [];
  let cursor: string | null = null;
  let totalCount = 0;
  let requests = 0;
  for (;;) {
    const parsed = answerSchema.safeParse(await client.query(ORG_REPOSITORIES, { org, order, cursor }));
    requests += 1;
    if (!parsed.success) {
      const detail = z.prettifyError(parsed.error).split('\n').slice(0, 4).join(' ');
      throw new SyncError(
        'shape',
        `GitHub's list of repositories did not have the expected shape: ${detail}`,
      );
    }
    const connection = parsed.data.organization?.repositories;
    if (!connection) {
      throw new SyncError('not-found', `organisation ${org} not found, or the credentials cannot read it`);
    }
    totalCount = connection.totalCount;
    repos.push(...connection.nodes);
    onPage?.(repos.length);
    const { hasNextPage, endCursor } = connection.pageInfo;
    const reachedBack =
      since !== null && connection.nodes.some((repo) => Date.parse(repo.updatedAt) <= Date.parse(since));
    if (!hasNextPage || reachedBack) break;
    if (!endCursor || endCursor === cursor) {
      throw new SyncError(
        'cursor',
        `GitHub's list of ${org}'s repositories did not advance; stopped to avoid a loop`,
      );
    }
    cursor = endCursor;
  }
  return { repos, totalCount, requests };
}

export type SkipReason = 'private' | 'archived' | 'excluded' | 'noIssues' | 'listedAsRepo';

/**
 * Whether an organisation source reads a repository, or why not: a private or internal one
 * needs `includePrivate`, an archived one `includeArchived`; the name must match an `include`
 * glob (when there are any) and no `exclude` glob; one listed as its own `repo:` source is read
 * there, once.
 */
export function skipReason(
  repo: OrgRepository,
  source: OrgSource,
  listedAsRepo: ReadonlySet<string>,
): SkipReason | null {
  const name = repo.nameWithOwner.split('/')[1]!.toLowerCase();
  const matches = (globs: readonly string[]) => globs.some((glob) => matchesGlob(name, glob.toLowerCase()));
  if (listedAsRepo.has(repo.nameWithOwner.toLowerCase())) return 'listedAsRepo';
  if (source.include.length > 0 && !matches(source.include)) return 'excluded';
  if (matches(source.exclude)) return 'excluded';
  if (repo.visibility !== 'PUBLIC' && !source.includePrivate) return 'private';
  if (repo.isArchived && !source.includeArchived) return 'archived';
  if (!repo.hasIssuesEnabled) return 'noIssues';
  return null;
}
