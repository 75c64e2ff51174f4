import { z } from 'astro/zod';
import type { GraphqlClient } from './client.ts';
import { SyncError } from './errors.ts';
import { readAllLabels } from './fetch-source.ts';
import { searchBatchQuery, type SearchKind } from './queries.ts';
import { rawIssueSchema, type PageInfo, type RawIssue } from './response.ts';
import { renderQuery, SEARCH_RESULT_CAP, splitSpec, type SearchSpec } from './search-query.ts';

/** One search to run: what it asks, the kind of fields it reads and where its next page starts. */
export interface SearchTask {
  spec: SearchSpec;
  kind: SearchKind;
  cursor: string | null;
}

const pageInfoSchema = z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() });

/** One aliased search's answer; nodes that are not issues (an empty object) are dropped. */
const searchAnswerSchema = z.object({
  issueCount: z.number().int().min(0),
  pageInfo: pageInfoSchema,
  nodes: z
    .array(z.unknown())
    .nullable()
    .transform((nodes) => (nodes ?? []).filter((n) => typeof n === 'object' && n !== null && 'number' in n))
    .pipe(z.array(rawIssueSchema)),
});

export interface SearchRun {
  /** Issues read, by the kind of search that found them. */
  issues: Record<SearchKind, RawIssue[]>;
  /** Requests sent and search pages read. */
  requests: number;
  pages: number;
}

/**
 * Runs searches, up to `perRequest` of them in each request, until every one is read to its last
 * page. A search whose first page says it matches more than GitHub's 1,000 reachable results is
 * split (search-query.ts) and its parts queued instead, so no result is ever out of reach.
 * Issues come back as read; the caller dedupes by repository and number.
 */
export async function runSearches(
  client: GraphqlClient,
  tasks: readonly SearchTask[],
  options: { perRequest: number; now: Date; onPage?: (pages: number, issues: number) => void },
): Promise<SearchRun> {
  const queue = [...tasks];
  const issues: Record<SearchKind, RawIssue[]> = { open: [], since: [] };
  let requests = 0;
  let pages = 0;
  while (queue.length > 0) {
    const batch = queue.splice(0, options.perRequest);
    const variables: Record<string, unknown> = {};
    batch.forEach((task, i) => {
      variables[`q${i}`] = renderQuery(task.spec);
      variables[`c${i}`] = task.cursor;
    });
    const data = (await client.query(searchBatchQuery(batch.map((task) => task.kind)), variables)) as Record<
      string,
      unknown
    > | null;
    requests += 1;
    for (const [i, task] of batch.entries()) {
      const answer = searchAnswerSchema.safeParse(data?.[`s${i}`]);
      if (!answer.success) {
        const detail = z.prettifyError(answer.error).split('\n').slice(0, 4).join(' ');
        throw new SyncError('shape', `GitHub's search answer did not have the expected shape: ${detail}`);
      }
      const { issueCount, pageInfo, nodes } = answer.data;
      if (task.cursor === null && issueCount > SEARCH_RESULT_CAP) {
        const parts = splitSpec(task.spec, issueCount, options.now.getTime());
        if (!parts) {
          throw new SyncError(
            'shape',
            `more than ${SEARCH_RESULT_CAP} issues match "${variables[`q${i}`]}" within one second; GitHub cannot list them all`,
          );
        }
        queue.push(...parts.map((spec) => ({ spec, kind: task.kind, cursor: null })));
        continue;
      }
      pages += 1;
      for (const issue of nodes) {
        issues[task.kind].push(issue.moreLabels === null ? issue : await labelsOf(client, issue));
      }
      const next = nextCursor(pageInfo, task.cursor);
      if (next) queue.push({ ...task, cursor: next });
    }
    options.onPage?.(pages, issues.open.length + issues.since.length);
  }
  return { issues, requests, pages };
}

function labelsOf(client: GraphqlClient, issue: RawIssue): Promise<RawIssue> {
  const [owner, name] = issue.repository.nameWithOwner.split('/');
  return readAllLabels(client, owner!, name!, issue);
}

/** The cursor of the next page, null at the end; a cursor that does not move is an error, not a loop. */
function nextCursor(pageInfo: PageInfo, cursor: string | null): string | null {
  if (!pageInfo.hasNextPage) return null;
  if (!pageInfo.endCursor || pageInfo.endCursor === cursor) {
    throw new SyncError(
      'cursor',
      `GitHub said there were more search results but the cursor did not advance (${JSON.stringify(pageInfo.endCursor)}); stopped to avoid a loop`,
    );
  }
  return pageInfo.endCursor;
}
