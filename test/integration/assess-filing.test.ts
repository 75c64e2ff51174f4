/**
 * From the workshop to the board: every risk in the worked example's register is filed through
 * its own "File as GitHub issue" link into the local GitHub stand-in (which files what the link
 * prefills, as GitHub's new-issue page does), next to an issue filed through the shipped issue
 * form with no owner or severity labels. Then the real sync reads the stand-in and a real build
 * renders the board, and each risk is looked up where a reader would find it.
 */
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseHtml } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempProject, projectRoot, runAstro, type TempProject } from '../../scripts/lib/temp-project.ts';
import { register } from '../../src/lib/assess/assessment.ts';
import { exampleAssessment } from '../../src/lib/assess/example.ts';
import { issueLink } from '../../src/lib/assess/issue-link.ts';
import type { RegisterEntry } from '../../src/lib/assess/register-entry.ts';
import { registerEntry } from '../../src/lib/assess/to-entry.ts';
import { guidanceCatalogue, libraryThreats } from '../fixtures/assess/library.ts';
import { startFakeGitHub, type FakeGitHub } from '../fixtures/github/fake-github.ts';
import { configFor, runIn, workspace, type Workspace } from '../fixtures/github/harness.ts';
import { formBody, optionsOf } from '../fixtures/issue-form/form.ts';

const REPO = 'tandem-test/risks';
const SITE = 'https://risks.tandem.test/';
const LANE_OF = { security: 'security', 'data-science': 'data-science', shared: 'shared' } as const;

let fake: FakeGitHub;
let ws: Workspace;
let project: TempProject;
let dist: string;
let entries: RegisterEntry[];
let filed: Array<{ entry: RegisterEntry; number: number; labels: string[] }>;
let formNumber: number;

beforeAll(async () => {
  fake = await startFakeGitHub({ repos: [{ nameWithOwner: REPO, visibility: 'PUBLIC', issues: [] }] });
  const example = exampleAssessment(libraryThreats(), '2026-11-20T10:00:00.000Z');
  const catalogue = guidanceCatalogue();
  entries = register(example).map((risk) => registerEntry(risk, example, catalogue));
  filed = [];
  for (const entry of entries) {
    // The link as the register builds it, pointed at the stand-in's host instead of github.com.
    const link = issueLink(entry, {
      repository: `${fake.url}/${REPO}`,
      absolute: (path) => new URL(path, SITE).href,
    });
    const response = await fetch(link.url);
    expect(response.status, entry.title).toBe(201);
    filed.push({
      entry,
      number: ((await response.json()) as { number: number }).number,
      labels: link.labels,
    });
  }
  // A single risk through the issue form: only the form's own `risk` label, answers in the body.
  const form = new URL(`${fake.url}/${REPO}/issues/new`);
  form.searchParams.set('title', '[Risk]: Fraud model retrained on unreviewed chargeback labels');
  form.searchParams.set('labels', 'risk');
  form.searchParams.set(
    'body',
    formBody({
      'Owner team': 'Data science',
      Severity: 'High',
      'Lifecycle phase': ['Data', 'Training'],
      'Affected system': optionsOf('Affected system')[0]!,
      'System name': 'Chargeback fraud model',
      'ATLAS technique ID(s)': 'AML.T0020',
      Description:
        'Chargeback labels flow into retraining without review, so a fraud ring can relabel its own cases.',
    }),
  );
  const formResponse = await fetch(form);
  expect(formResponse.status).toBe(201);
  formNumber = ((await formResponse.json()) as { number: number }).number;

  ws = await workspace(configFor(`  - repo: ${REPO}`));
  const sync = await runIn(ws, { GITHUB_TOKEN: fake.token, GITHUB_API_URL: fake.url });
  if (sync.code !== 0) throw new Error(`sync failed:\n${sync.stderr}`);

  const content = await mkdtemp(join(tmpdir(), 'tandem-assess-content-'));
  try {
    await cp(join(projectRoot, 'content'), content, { recursive: true });
    await cp(ws.snapshotPath, join(content, 'board', 'snapshot.json'));
    await cp(ws.configPath, join(content, 'board', 'sources.yaml'));
    project = await makeTempProject(content);
  } finally {
    await rm(content, { recursive: true, force: true });
  }
  const result = await runAstro(project.root, ['build'], {
    TANDEM_NOW: '2026-11-25T12:00:00Z',
    TANDEM_SITE_URL: SITE,
    TANDEM_REPOSITORY: REPO,
  });
  if (result.code !== 0) throw new Error(`build failed:\n${result.output.slice(-4000)}`);
  dist = join(project.root, 'dist');
}, 300_000);

afterAll(async () => {
  await project?.dispose();
  await ws?.dispose();
  await fake?.close();
});

const html = async (route: string) => parseHtml(await readFile(join(dist, route, 'index.html'), 'utf8'));

describe('risks filed from the workshop', () => {
  it('files every risk of the worked example, with the board labels the register shows', () => {
    expect(entries.length).toBeGreaterThanOrEqual(20);
    expect(filed).toHaveLength(entries.length);
    for (const { entry, labels } of filed) {
      expect(labels).toContain('risk');
      expect(labels).toContain(`owner:${entry.owner}`);
      expect(labels).toContain(`severity:${entry.band}`);
    }
  });

  it('puts each risk in its owner team’s lane with its severity and tags, after a real sync and build', async () => {
    const board = await html('board');
    for (const { entry, number } of filed) {
      const key = `${REPO}#${number}`;
      const card = board.querySelector(`[data-lane="${LANE_OF[entry.owner]}"] [data-key="${key}"]`);
      expect(card, `${entry.title} in lane ${entry.owner}`).not.toBeNull();
      expect(card!.querySelector('[data-card-severity]')!.text.trim()).toBe(entry.band);
      const tags = card!.querySelectorAll('[data-tag-id]').map((t) => t.text.trim());
      for (const tag of entry.tags)
        expect(tags, `${entry.title}: ${tag}`).toContain(tag.slice(tag.indexOf(':') + 1));
      expect(card!.querySelector('.unknown-tag'), `${entry.title} has no unknown tags`).toBeNull();
    }
  });

  it('keeps both teams’ views and ratings in the issue, rendered on the item page', async () => {
    const { entry, number } = filed.find((f) => f.entry.ratings.security && f.entry.ratings.dataScience)!;
    const page = (await html(`board/${REPO}/${number}`)).text;
    expect(page).toContain(entry.title);
    expect(page).toContain('Security’s view');
    expect(page).toContain('Data science’s view');
    expect(page).toContain(entry.views.security.slice(0, 40));
    expect(page).toContain(entry.views.dataScience.slice(0, 40));
    const s = entry.ratings.security!;
    expect(page).toContain(`${s.likelihood} × ${s.impact}`);
  });

  it('lands a form-filed issue with no owner or severity labels where the form’s answers say', async () => {
    const snapshot = await ws.snapshot();
    const item = snapshot.items.find((i: { number: number }) => i.number === formNumber);
    expect(item).toMatchObject({ owner: 'data-science', severity: 'high', phases: ['data', 'training'] });
    expect(item.tags).toContain('atlas:AML.T0020');
    const board = await html('board');
    const card = board.querySelector(`[data-lane="data-science"] [data-key="${REPO}#${formNumber}"]`);
    expect(card).not.toBeNull();
    expect(card!.querySelector('[data-card-severity]')!.text.trim()).toBe('high');
  });
});
