/**
 * Every GraphQL operation the sync can send. Values travel only as variables, never pasted
 * into the text (see the injection warning in octokit/graphql.js's README); a unit test
 * validates each document against GitHub's published schema (@octokit/graphql-schema).
 */

/** Issues per page: GitHub's maximum for a connection. */
export const PAGE_SIZE = 100;

const ISSUE_FIELDS = /* GraphQL */ `
  fragment BoardIssueFields on Issue {
    number
    title
    state
    body
    createdAt
    updatedAt
    author {
      login
    }
    assignees(first: 10) {
      nodes {
        login
      }
    }
    labels(first: 100) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        name
        color
      }
    }
    repository {
      nameWithOwner
      visibility
      isArchived
    }
  }
`;

/**
 * When and by whom an issue was last closed, read with the issue in the same request: its
 * `closedAt` and its last ClosedEvent, which stays in the timeline after a reopen, so an issue
 * closed and reopened between two syncs shows too. Only the incremental query asks: a full
 * sync reads open issues only, and the timeline would add a rate-limit point to each page.
 */
const CLOSURE_FIELDS = /* GraphQL */ `
  fragment BoardIssueClosure on Issue {
    closedAt
    timelineItems(itemTypes: [CLOSED_EVENT], last: 1) {
      nodes {
        ... on ClosedEvent {
          createdAt
          actor {
            login
          }
        }
      }
    }
  }
`;

/** Full sync: open issues carrying any of the selecting labels, oldest first so pages stay stable. */
export const BOARD_ISSUES_OPEN = /* GraphQL */ `
  query BoardIssuesOpen($owner: String!, $name: String!, $labels: [String!], $cursor: String) {
    rateLimit { cost remaining resetAt }
    repository(owner: $owner, name: $name) {
      nameWithOwner
      visibility
      isArchived
      issues(
        first: ${PAGE_SIZE}
        after: $cursor
        states: [OPEN]
        labels: $labels
        orderBy: { field: CREATED_AT, direction: ASC }
      ) {
        pageInfo { hasNextPage endCursor }
        nodes { ...BoardIssueFields }
      }
    }
  }
  ${ISSUE_FIELDS}
`;

/**
 * Incremental sync: every issue updated at or after the watermark, open or closed, with no
 * label filter, because an issue that lost its `risk` label must be seen to leave the board;
 * closed ones with their close date and closer, for the snapshot's `closed` list.
 * Oldest update first, so an issue edited during the sync moves later and is not skipped.
 */
export const BOARD_ISSUES_SINCE = /* GraphQL */ `
  query BoardIssuesSince($owner: String!, $name: String!, $since: DateTime!, $cursor: String) {
    rateLimit { cost remaining resetAt }
    repository(owner: $owner, name: $name) {
      nameWithOwner
      visibility
      isArchived
      issues(
        first: ${PAGE_SIZE}
        after: $cursor
        filterBy: { since: $since, states: [OPEN, CLOSED] }
        orderBy: { field: UPDATED_AT, direction: ASC }
      ) {
        pageInfo { hasNextPage endCursor }
        nodes { ...BoardIssueFields ...BoardIssueClosure }
      }
    }
  }
  ${ISSUE_FIELDS}
  ${CLOSURE_FIELDS}
`;

/**
 * The labels of one issue after its first hundred: a label beyond them can decide the owner or
 * severity, so an issue with more is read to the end.
 */
export const ISSUE_LABELS = /* GraphQL */ `
  query IssueLabels($owner: String!, $name: String!, $number: Int!, $cursor: String) {
    rateLimit { cost remaining resetAt }
    repository(owner: $owner, name: $name) {
      issue(number: $number) {
        labels(first: ${PAGE_SIZE}, after: $cursor) {
          pageInfo { hasNextPage endCursor }
          nodes { name color }
        }
      }
    }
  }
`;

/** What the sync needs to know of each repository of an organisation. */
const ORG_REPOSITORY_FIELDS = /* GraphQL */ `
  fragment OrgRepositoryFields on Repository {
    id
    nameWithOwner
    visibility
    isArchived
    hasIssuesEnabled
    createdAt
    updatedAt
  }
`;

/**
 * One page of an organisation's repositories, with how many it has in all. A full discovery
 * reads them by name; an incremental one reads the most recently changed first and stops at
 * the first it has seen before (renames, visibility and archiving all change `updatedAt`).
 */
export const ORG_REPOSITORIES = /* GraphQL */ `
  query OrgRepositories($org: String!, $order: RepositoryOrder!, $cursor: String) {
    rateLimit { cost remaining resetAt }
    organization(login: $org) {
      repositories(first: ${PAGE_SIZE}, after: $cursor, orderBy: $order) {
        totalCount
        pageInfo { hasNextPage endCursor }
        nodes { ...OrgRepositoryFields }
      }
    }
  }
  ${ORG_REPOSITORY_FIELDS}
`;

/** What one search of a batch reads: open issues (`open`) or every change with its closure (`since`). */
export type SearchKind = 'open' | 'since';

/** The most searches one request carries, each a page of up to 100 issues. */
export const MAX_SEARCHES_PER_REQUEST = 10;

/**
 * Several issue searches in one request, aliased `s0`, `s1`, …, each with its own query and
 * cursor variables (`$q0`, `$c0`, …), so a page of every partition travels together. The
 * document depends only on the kinds, never on values; a unit test validates every shape.
 */
export function searchBatchQuery(kinds: readonly SearchKind[]): string {
  if (kinds.length < 1 || kinds.length > MAX_SEARCHES_PER_REQUEST) {
    throw new RangeError(`a batch holds 1 to ${MAX_SEARCHES_PER_REQUEST} searches, not ${kinds.length}`);
  }
  const variables = kinds.map((_, i) => `$q${i}: String!, $c${i}: String`).join(', ');
  const searches = kinds
    .map(
      (kind, i) => /* GraphQL */ `
    s${i}: search(type: ISSUE, query: $q${i}, first: ${PAGE_SIZE}, after: $c${i}) {
      issueCount
      pageInfo { hasNextPage endCursor }
      nodes { ... on Issue { ...BoardIssueFields${kind === 'since' ? ' ...BoardIssueClosure' : ''} } }
    }`,
    )
    .join('');
  const name = kinds.includes('since') ? 'BoardSearchChanges' : 'BoardSearchOpen';
  return /* GraphQL */ `
  query ${name}(${variables}) {
    rateLimit { cost remaining resetAt }${searches}
  }
  ${ISSUE_FIELDS}
  ${kinds.includes('since') ? CLOSURE_FIELDS : ''}
`;
}

/** All operations, for the schema validation test. */
export const ALL_QUERIES = { BOARD_ISSUES_OPEN, BOARD_ISSUES_SINCE, ISSUE_LABELS } as const;
