import { z } from 'astro/zod';
import type { RepoSource } from '../../schemas/sources.ts';
import type { GraphqlClient } from './client.ts';
import { SyncError } from './errors.ts';
import { paginate } from './paginate.ts';
import type { SourcePlan } from './plan.ts';
import { BOARD_ISSUES_OPEN, BOARD_ISSUES_SINCE, ISSUE_LABELS } from './queries.ts';
import {
  boardIssuesResponseSchema,
  issueLabelsResponseSchema,
  type BoardIssuesResponse,
  type RawIssue,
} from './response.ts';

export type Fetched =
  | { skipped: null; nameWithOwner: string; issues: RawIssue[]; pages: number }
  | { skipped: string; pages: number };

/**
 * Reads one source: the open labelled issues (full) or every issue updated since the
 * watermark (incremental). The first page also says whether the repository is private, so a
 * skipped private repository costs one request and its issues go no further than memory.
 */
export async function fetchSource(
  client: GraphqlClient,
  source: RepoSource,
  plan: SourcePlan,
  onPage: (page: number, issues: number) => void,
): Promise<Fetched> {
  const [owner, name] = source.repo.split('/');
  const [document, variables] =
    plan.mode === 'full'
      ? [BOARD_ISSUES_OPEN, { owner, name, labels: source.labels }]
      : [BOARD_ISSUES_SINCE, { owner, name, since: plan.since }];
  const issues: RawIssue[] = [];
  let pages = 0;
  let nameWithOwner = source.repo;
  const pageOf = async (cursor: string | null) => {
    const repository = checkShape(await client.query(document, { ...variables, cursor })).repository;
    if (!repository) throw new SyncError('not-found', 'repository not found, or the token cannot read it');
    return { items: repository, pageInfo: repository.issues.pageInfo };
  };
  for await (const repository of paginate(pageOf)) {
    pages += 1;
    if (repository.visibility !== 'PUBLIC' && !source.includePrivate) {
      return {
        skipped: `${repository.visibility.toLowerCase()} repository; set includePrivate: true to include it`,
        pages,
      };
    }
    if (repository.isArchived && !source.includeArchived) {
      return { skipped: 'archived repository; set includeArchived: true to include it', pages };
    }
    nameWithOwner = repository.nameWithOwner;
    for (const issue of repository.issues.nodes) {
      issues.push(issue.moreLabels === null ? issue : await readAllLabels(client, owner!, name!, issue));
    }
    onPage(pages, issues.length);
  }
  return { skipped: null, nameWithOwner, issues, pages };
}

/** Reads the labels of an issue that has more than one page of them, to the last page. */
export async function readAllLabels(client: GraphqlClient, owner: string, name: string, issue: RawIssue) {
  const labels = [...issue.labels];
  const pageOf = async (cursor: string | null) => {
    const data = issueLabelsResponseSchema.safeParse(
      await client.query(ISSUE_LABELS, {
        owner,
        name,
        number: issue.number,
        cursor: cursor ?? issue.moreLabels,
      }),
    );
    const connection = data.success ? data.data.repository?.issue?.labels : undefined;
    if (!connection)
      throw new SyncError('shape', `GitHub did not return the labels of issue #${issue.number}`);
    return { items: connection.nodes ?? [], pageInfo: connection.pageInfo };
  };
  for await (const page of paginate(pageOf)) {
    labels.push(...page.filter((label) => label !== null));
  }
  return { ...issue, labels, moreLabels: null };
}

function checkShape(data: unknown): BoardIssuesResponse {
  const result = boardIssuesResponseSchema.safeParse(data);
  if (!result.success) {
    const detail = z.prettifyError(result.error).split('\n').slice(0, 4).join(' ');
    throw new SyncError('shape', `GitHub's answer did not have the expected shape: ${detail}`);
  }
  return result.data;
}
