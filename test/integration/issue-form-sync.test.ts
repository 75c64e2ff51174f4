import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshotSchema, type Snapshot } from '../../src/schemas/snapshot.ts';
import { startFakeGitHub, type FakeGitHub, type FakeIssue } from '../fixtures/github/fake-github.ts';
import { configFor, runIn, workspace, type Workspace } from '../fixtures/github/harness.ts';
import { label, makeRepo } from '../fixtures/github/issues.ts';
import { formBody, withLabel, type Answers, type IssueForm } from '../fixtures/issue-form/form.ts';

const REPO = 'acme/ml-platform';
const NOW = '2026-11-09T06:00:00Z';

let fake: FakeGitHub;
let ws: Workspace;
let env: Record<string, string>;

/** An issue filed through the shipped form (or `form`), labelled `labels`. */
function filed(number: number, labels: string, answers: Answers, form?: IssueForm): FakeIssue {
  return {
    number,
    title: `[Risk]: ${answers['Description'] ?? 'untitled'}`,
    body: formBody(answers, form),
    state: 'OPEN',
    labels: labels.split(' ').map(label),
    assignees: [],
    author: 'mei-ds',
    createdAt: `2026-11-0${number}T09:00:00Z`,
    updatedAt: `2026-11-0${number}T10:00:00Z`,
  };
}

const ANSWERS: Answers = {
  'Owner team': 'Data science',
  Severity: 'High',
  'Lifecycle phase': ['Data'],
  'Affected system': 'Data pipeline or feature store',
  'System name': 'churn-features',
  'ATLAS technique ID(s)': 'AML.T0020',
  Description: 'The churn training bucket accepts writes from any project',
};

beforeEach(async () => {
  fake = await startFakeGitHub({
    repos: [
      makeRepo(REPO, [
        filed(1, 'risk', ANSWERS),
        filed(2, 'risk owner:security', {
          ...ANSWERS,
          Severity: 'Medium',
          Description: 'Features leak labels',
        }),
        filed(
          3,
          'risk',
          { Team: 'Shared', Severity: 'Low', Description: 'Filed through an edited form' },
          withLabel('Owner team', 'Team'),
        ),
      ]),
    ],
  });
  ws = await workspace(configFor(`  - repo: ${REPO}`));
  env = { GITHUB_TOKEN: fake.token, GITHUB_API_URL: fake.url };
});

afterEach(async () => {
  await fake.close();
  await ws.dispose();
});

async function sync(at = NOW): Promise<{ snapshot: Snapshot; log: string }> {
  const result = await runIn(ws, env, { now: () => new Date(at) });
  expect(result.code, result.stderr).toBe(0);
  return { snapshot: snapshotSchema.parse(await ws.snapshot()), log: result.stderr };
}

const item = (snapshot: Snapshot, number: number) => snapshot.items.find((i) => i.number === number)!;

describe('risks filed through the issue form', () => {
  it('takes owner, severity, phase and ATLAS tag from the answers of an issue with only the risk label', async () => {
    const { snapshot } = await sync();
    expect(item(snapshot, 1)).toMatchObject({
      owner: 'data-science',
      severity: 'high',
      phases: ['data'],
      tags: ['atlas:AML.T0020'],
      unknownTags: [],
      flags: [],
    });
    expect(item(snapshot, 1).labels.map((l) => l.name)).toEqual(['risk']);
  });

  it('keeps the label where it and an answer disagree, and shows the flag', async () => {
    const { snapshot } = await sync();
    expect(item(snapshot, 2)).toMatchObject({
      owner: 'security',
      severity: 'medium',
      phases: ['data'],
      tags: ['atlas:AML.T0020'],
      flags: ['the form says owner Data science but the label says security; the label wins'],
    });
  });

  it('reads a renamed question once sources.yaml maps it, re-reading the source in full', async () => {
    const before = item((await sync()).snapshot, 3);
    expect(before).toMatchObject({ owner: null, severity: 'low' });
    await ws.writeConfig(configFor(`  - repo: ${REPO}\nissueForm:\n  owner:\n    heading: Team`));
    const { snapshot, log } = await sync('2026-11-09T07:00:00Z');
    expect(log).toMatch(/full sync \(its settings changed\)/);
    expect(item(snapshot, 3)).toMatchObject({ owner: 'shared', severity: 'low', flags: [] });
    // sources.yaml names one heading per question, so answers under the old one are no longer read.
    expect(item(snapshot, 1)).toMatchObject({ owner: null, severity: 'high' });
  });
});
