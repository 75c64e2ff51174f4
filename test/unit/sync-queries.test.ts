import { validate } from '@octokit/graphql-schema';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ALL_QUERIES, PAGE_SIZE } from '../../src/lib/sync/queries.ts';

const operations = Object.entries(ALL_QUERIES);

describe('the GraphQL queries the sync sends', () => {
  it.each(operations)('%s is valid against GitHub’s published schema', (_name, document) => {
    expect(validate(document).map((e) => e.message)).toEqual([]);
  });

  it.each(operations)(
    '%s is one named operation that takes owner, name and cursor as variables',
    (_name, document) => {
      const ops = parse(document).definitions.filter(
        (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
      );
      expect(ops).toHaveLength(1);
      expect(ops[0]!.name?.value).toMatch(/^(Board|Issue)\w+$/);
      const variables = ops[0]!.variableDefinitions?.map((v) => v.variable.name.value);
      expect(variables).toEqual(expect.arrayContaining(['owner', 'name', 'cursor']));
    },
  );

  it.each(operations)(
    '%s asks for 100 issues or labels a page with pageInfo and the rate-limit cost',
    (_name, document) => {
      expect(PAGE_SIZE).toBe(100);
      expect(document).toMatch(/(issues|labels)\(\s*first: 100,?\s+after: \$cursor/);
      expect(document).toMatch(/pageInfo \{ hasNextPage endCursor \}/);
      expect(document).toMatch(/rateLimit \{ cost remaining resetAt \}/);
    },
  );

  it('fetches closed issues too when incremental, with no label filter, so items can leave the board', () => {
    expect(ALL_QUERIES.BOARD_ISSUES_SINCE).toMatch(
      /filterBy: \{ since: \$since, states: \[OPEN, CLOSED\] \}/,
    );
    expect(ALL_QUERIES.BOARD_ISSUES_SINCE).not.toMatch(/labels: \$labels/);
    expect(ALL_QUERIES.BOARD_ISSUES_OPEN).toMatch(/states: \[OPEN\]\s+labels: \$labels/);
  });

  it('reads every label of an issue: the first hundred with the issue, the rest page by page', () => {
    expect(ALL_QUERIES.BOARD_ISSUES_OPEN).toMatch(
      /labels\(first: 100\) \{\s+pageInfo \{\s+hasNextPage\s+endCursor\s+\}/,
    );
    expect(ALL_QUERIES.ISSUE_LABELS).toMatch(/issue\(number: \$number\)/);
  });

  it('reads when and by whom an issue was closed in the incremental page itself, not in extra requests', () => {
    expect(ALL_QUERIES.BOARD_ISSUES_SINCE).toMatch(/\.\.\.BoardIssueClosure/);
    expect(ALL_QUERIES.BOARD_ISSUES_SINCE).toMatch(
      /closedAt\s+timelineItems\(itemTypes: \[CLOSED_EVENT\], last: 1\)/,
    );
    expect(ALL_QUERIES.BOARD_ISSUES_SINCE).toMatch(/\.\.\. on ClosedEvent \{\s+createdAt\s+actor \{\s+login/);
    // A full sync reads open issues only; the timeline would cost a point a page for nothing.
    expect(ALL_QUERIES.BOARD_ISSUES_OPEN).not.toMatch(/closedAt|timelineItems/);
  });

  it('never asks for the issue URL, which the board builds itself', () => {
    for (const [, document] of operations) expect(document).not.toMatch(/^\s+url$/m);
  });

  it('rejects a query GitHub would reject, so the validation above means something', () => {
    expect(
      validate('query X { repository(owner: "a", name: "b") { issues(first: 1) { nodes { notAField } } } }'),
    ).not.toEqual([]);
  });
});
