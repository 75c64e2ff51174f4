import { validate } from '@octokit/graphql-schema';
import {
  Kind,
  parse,
  print,
  type FieldNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  MAX_SEARCHES_PER_REQUEST,
  ORG_REPOSITORIES,
  searchBatchQuery,
  type SearchKind,
} from '../../src/lib/sync/queries.ts';

/** Every shape a batch can take: each size, all open, all changes, and mixed. */
const batches: Array<[string, SearchKind[]]> = Array.from(
  { length: MAX_SEARCHES_PER_REQUEST },
  (_, i) => i + 1,
).flatMap((n) => [
  [`${n} open`, Array<SearchKind>(n).fill('open')],
  [`${n} since`, Array<SearchKind>(n).fill('since')],
  [`${n} mixed`, Array.from({ length: n }, (_, j): SearchKind => (j === 0 ? 'since' : 'open'))],
]);
const documents: Array<[string, string]> = [
  ['OrgRepositories', ORG_REPOSITORIES],
  ...batches.map(([name, kinds]): [string, string] => [`search batch of ${name}`, searchBatchQuery(kinds)]),
];

const operation = (document: string) => {
  const ops = parse(document).definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  expect(ops).toHaveLength(1);
  return ops[0]!;
};

describe('the organisation queries the sync can send', () => {
  it.each(documents)('%s is valid against GitHub’s published schema', (_name, document) => {
    expect(validate(document).map((e) => e.message)).toEqual([]);
  });

  it.each(documents)('%s is one named operation with every value a variable', (_name, document) => {
    const op = operation(document);
    expect(op.name?.value).toMatch(/^(Org|Board)\w+$/);
    expect(op.variableDefinitions?.length).toBeGreaterThan(0);
    // No literal strings: values travel only as variables.
    expect(document).not.toMatch(/\(\s*[^)]*"[^"]*"/);
  });

  it.each(documents)(
    '%s selects pageInfo on every connection it pages through, and the cost',
    (_name, document) => {
      const paged: string[] = [];
      const walk = (set: SelectionSetNode | undefined) => {
        for (const node of set?.selections ?? []) {
          if (node.kind === Kind.INLINE_FRAGMENT) walk(node.selectionSet);
          if (node.kind !== Kind.FIELD) continue;
          const args = node.arguments ?? [];
          if (args.some((a) => a.name.value === 'after')) {
            paged.push(node.name.value);
            const info = node.selectionSet?.selections.find(
              (s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === 'pageInfo',
            );
            const fields = info?.selectionSet?.selections.map((s) => (s as FieldNode).name.value);
            expect(fields, `${node.name.value} selects pageInfo`).toEqual(['hasNextPage', 'endCursor']);
            const first = args.find((a) => a.name.value === 'first');
            expect(first && print(first.value)).toBe('100');
          }
          walk(node.selectionSet);
        }
      };
      for (const definition of parse(document).definitions) {
        if ('selectionSet' in definition) walk(definition.selectionSet);
      }
      expect(paged.length).toBeGreaterThan(0);
      expect(document).toMatch(/rateLimit \{ cost remaining resetAt \}/);
    },
  );

  it('gives each search of a batch its own query and cursor, and only changes read closures', () => {
    const document = searchBatchQuery(['since', 'open', 'open']);
    const variables = operation(document).variableDefinitions!.map((v) => v.variable.name.value);
    expect(variables).toEqual(['q0', 'c0', 'q1', 'c1', 'q2', 'c2']);
    expect(document).toMatch(/s0: search\(type: ISSUE, query: \$q0, first: 100, after: \$c0\)/);
    expect(document.match(/\.\.\.BoardIssueClosure/g)).toHaveLength(1);
    expect(document).toMatch(/issueCount/);
    expect(searchBatchQuery(['open'])).not.toMatch(/BoardIssueClosure/);
  });

  it('refuses an empty batch or one larger than the maximum', () => {
    expect(() => searchBatchQuery([])).toThrow(RangeError);
    expect(() => searchBatchQuery(Array<SearchKind>(MAX_SEARCHES_PER_REQUEST + 1).fill('open'))).toThrow(
      RangeError,
    );
  });

  it('lists repositories with what the selection needs: ID, visibility, archive and issues flags, dates', () => {
    for (const field of [
      'id',
      'nameWithOwner',
      'visibility',
      'isArchived',
      'hasIssuesEnabled',
      'createdAt',
      'updatedAt',
    ]) {
      expect(ORG_REPOSITORIES).toMatch(new RegExp(`\\n\\s+${field}\\n`));
    }
    expect(ORG_REPOSITORIES).toMatch(/totalCount/);
    expect(ORG_REPOSITORIES).toMatch(/orderBy: \$order/);
  });
});
