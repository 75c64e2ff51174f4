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

/** All operations, for the schema validation test. */
export const ALL_QUERIES = { BOARD_ISSUES_OPEN, BOARD_ISSUES_SINCE, ISSUE_LABELS } as const;
