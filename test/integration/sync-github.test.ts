import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snapshotSchema } from '../../src/schemas/snapshot.ts';
import { startFakeGitHub, type FakeGitHub } from '../fixtures/github/fake-github.ts';
import { configFor, runCli, runIn, workspace, type Workspace } from '../fixtures/github/harness.ts';
import { label, makeIssues, makeRepo } from '../fixtures/github/issues.ts';

let fake: FakeGitHub;
let ws: Workspace;
let env: Record<string, string>;

beforeEach(async () => {
  fake = await startFakeGitHub({
    repos: [
      makeRepo('acme/ml-platform', makeIssues(250, { unlabelledEvery: 10 })),
      makeRepo('acme/security-risks', makeIssues(40)),
      makeRepo('acme/private-lab', makeIssues(5), 'PRIVATE'),
    ],
  });
  ws = await workspace(
    configFor('  - repo: acme/ml-platform\n  - repo: acme/security-risks\n    labels: [risk, threat]'),
  );
  env = { GITHUB_TOKEN: fake.token, GITHUB_API_URL: fake.url };
});

afterEach(async () => {
  await fake.close();
  await ws.dispose();
});

const issuesOf = (repo: string) => fake.repos.get(repo)!.issues;

describe('the board sync against a local GitHub', () => {
  it('pages through every selected open issue with ceil(N/100) requests per source', async () => {
    const result = await runIn(ws, env);
    expect(result.code, result.stderr).toBe(0);
    const snapshot = snapshotSchema.parse(await ws.snapshot());
    expect(snapshot.items.filter((i) => i.repo === 'acme/ml-platform')).toHaveLength(225);
    expect(snapshot.items.filter((i) => i.repo === 'acme/security-risks')).toHaveLength(40);
    const cursors = fake.requests
      .filter((r) => r.variables['name'] === 'ml-platform')
      .map((r) => r.variables['cursor']);
    expect(cursors).toHaveLength(Math.ceil(225 / 100));
    expect(new Set(cursors).size).toBe(cursors.length);
    expect(fake.requests.filter((r) => r.variables['name'] === 'security-risks')).toHaveLength(1);
    expect(result.stdout).toMatch(/265 items from 2 source\(s\)/);
    expect(result.stdout).toMatch(/4 request\(s\), 8 rate-limit point\(s\) used/);
  });

  it('keeps only issues that carry a selecting label, whatever its case', async () => {
    issuesOf('acme/security-risks').push({
      ...makeIssues(41)[40]!,
      labels: [label('THREAT'), label('owner:security')],
    });
    issuesOf('acme/security-risks').push({ ...makeIssues(42)[41]!, labels: [label('bug')] });
    await ws.writeConfig(configFor('  - repo: acme/security-risks\n    labels: [threat]'));
    expect((await runIn(ws, env)).code).toBe(0);
    const keys = (await ws.snapshot()).items.map((i: { key: string }) => i.key);
    expect(keys).toContain('acme/security-risks#41');
    expect(keys).not.toContain('acme/security-risks#42');
    expect(keys).toHaveLength(makeIssues(40).filter((i) => i.number % 3 === 0).length + 1);
    expect(fake.requests[0]!.variables['labels']).toEqual(['threat']);
  });

  it('uses one request per source and leaves the file byte-identical when nothing changed', async () => {
    expect((await runIn(ws, env)).code).toBe(0);
    await runIn(ws, env); // the watermark now covers unselected issues updated last
    const before = await ws.snapshotBytes();
    fake.requests.length = 0;
    const again = await runIn(ws, env, { now: () => new Date('2030-01-01T00:00:00Z') });
    expect(again.code, again.stderr).toBe(0);
    expect(fake.requests.map((r) => r.operationName)).toEqual(['BoardIssuesSince', 'BoardIssuesSince']);
    expect(await ws.snapshotBytes()).toBe(before);
    expect(again.stdout).toMatch(/unchanged/);
  });

  it('fetches open and closed issues updated since the watermark, so closed and unlabelled items leave', async () => {
    expect((await runIn(ws, env)).code).toBe(0);
    const watermark = (await ws.snapshot()).sources[1].watermark;
    const issues = issuesOf('acme/security-risks');
    const later = new Date(Date.parse(watermark) + 60_000).toISOString();
    Object.assign(issues[0]!, { state: 'CLOSED', updatedAt: later });
    Object.assign(issues[1]!, { labels: [label('owner:shared')], updatedAt: later });
    Object.assign(issues[2]!, { title: 'Renamed: prompt injection via PDFs', updatedAt: later });
    fake.requests.length = 0;
    const result = await runIn(ws, env);
    expect(result.code, result.stderr).toBe(0);
    const request = fake.requests.find((r) => r.variables['name'] === 'security-risks')!;
    expect(request.operationName).toBe('BoardIssuesSince');
    expect(request.variables['since']).toBe(watermark);
    const items = (await ws.snapshot()).items.filter(
      (i: { repo: string }) => i.repo === 'acme/security-risks',
    );
    expect(items.map((i: { number: number }) => i.number)).not.toContain(1);
    expect(items.map((i: { number: number }) => i.number)).not.toContain(2);
    expect(items.find((i: { number: number }) => i.number === 3).title).toBe(
      'Renamed: prompt injection via PDFs',
    );
    expect(items).toHaveLength(38);
    expect((await ws.snapshot()).sources[1].watermark).toBe(later);
  });

  it('reconciles deleted and transferred issues only with --full', async () => {
    expect((await runIn(ws, env)).code).toBe(0);
    issuesOf('acme/security-risks').splice(0, 1); // deleted or transferred: never shows as updated
    await runIn(ws, env);
    const keys = async () => (await ws.snapshot()).items.map((i: { key: string }) => i.key);
    expect(await keys()).toContain('acme/security-risks#1');
    expect((await runIn(ws, env, { full: true })).code).toBe(0);
    expect(await keys()).not.toContain('acme/security-risks#1');
  });

  it('skips a private repository with a warning unless the source opts in', async () => {
    await ws.writeConfig(configFor('  - repo: acme/security-risks\n  - repo: acme/private-lab'));
    const skipped = await runIn(ws, env);
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toMatch(
      /acme\/private-lab: skipped, private repository; set includePrivate: true/,
    );
    expect(fake.requests.filter((r) => r.variables['name'] === 'private-lab')).toHaveLength(1);
    let snapshot = await ws.snapshot();
    expect(snapshot.items.some((i: { repo: string }) => i.repo === 'acme/private-lab')).toBe(false);
    expect(snapshot.sources[1].skipped).toMatch(/private/);

    await ws.writeConfig(
      configFor('  - repo: acme/security-risks\n  - repo: acme/private-lab\n    includePrivate: true'),
    );
    expect((await runIn(ws, env)).code).toBe(0);
    snapshot = await ws.snapshot();
    expect(snapshot.items.filter((i: { repo: string }) => i.repo === 'acme/private-lab')).toHaveLength(5);
  });

  it('drops items of a repository that turned private since the last sync', async () => {
    await runIn(ws, env);
    fake.repos.get('acme/security-risks')!.visibility = 'INTERNAL';
    expect((await runIn(ws, env)).code).toBe(0);
    const snapshot = await ws.snapshot();
    expect(snapshot.items.some((i: { repo: string }) => i.repo === 'acme/security-risks')).toBe(false);
    expect(snapshot.sources[1].skipped).toMatch(/^internal repository/);
  });

  it('reaches GraphQL at /api/graphql when GITHUB_API_URL is a GitHub Enterprise Server root', async () => {
    const ghe = await startFakeGitHub({
      repos: [makeRepo('acme/security-risks', makeIssues(3))],
      webHost: 'ghe.example.com',
    });
    try {
      await ws.writeConfig(configFor('  - repo: acme/security-risks'));
      const result = await runIn(ws, {
        GITHUB_TOKEN: ghe.token,
        GITHUB_API_URL: `${ghe.url}/api/v3/`,
        GITHUB_SERVER_URL: 'https://ghe.example.com',
      });
      expect(result.code, result.stderr).toBe(0);
      expect(ghe.requests.map((r) => r.path)).toEqual(['/api/graphql']);
      const snapshot = await ws.snapshot();
      expect(snapshot.apiUrl).toBe(`${ghe.url}/api/graphql`);
      expect(snapshot.items[0].url).toBe('https://ghe.example.com/acme/security-risks/issues/1');
    } finally {
      await ghe.close();
    }
  });

  it('writes canonical, schema-valid JSON that records when and from where it was synced', async () => {
    await runIn(ws, env, { now: () => new Date('2026-11-25T08:00:00.123Z') });
    const text = (await ws.snapshotBytes())!;
    const parsed = JSON.parse(text);
    expect(text).toBe(`${JSON.stringify(parsed, null, 2)}\n`);
    expect(Object.keys(parsed)).toEqual([...Object.keys(parsed)].sort());
    expect(parsed).toMatchObject({
      version: 1,
      sample: false,
      syncedAt: '2026-11-25T08:00:00Z',
      apiUrl: `${fake.url}/graphql`,
    });
    expect(() => snapshotSchema.parse(parsed)).not.toThrow();
  });

  it('replaces the bundled sample data on the first real sync', async () => {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(
      ws.snapshotPath,
      JSON.stringify({
        version: 1,
        sample: true,
        syncedAt: '2026-01-01T00:00:00Z',
        items: [],
        sources: [{ repo: 'acme/security-risks', items: 0, watermark: '2030-01-01T00:00:00Z' }],
      }),
    );
    expect((await runIn(ws, env)).code).toBe(0);
    expect(fake.requests.every((r) => r.operationName === 'BoardIssuesOpen')).toBe(true);
    expect((await ws.snapshot()).sample).toBe(false);
  });

  it('never prints or stores the token', async () => {
    const result = await runIn(ws, env);
    await ws.writeConfig('sources: [{ repo: acme/nope }]\nnetwork: { retries: 0 }\n');
    const failed = await runIn(ws, env);
    const everything = [
      result.stdout,
      result.stderr,
      failed.stdout,
      failed.stderr,
      await ws.snapshotBytes(),
    ].join('\n');
    expect(everything).not.toContain(fake.token);
    expect(fake.requests[0]!.authorization).toBe(`token ${fake.token}`);
  });

  it('runs as `npm run sync` does: the CLI writes the snapshot and prints a summary', async () => {
    const result = await runCli(['--config', ws.configPath, '--snapshot', ws.snapshotPath], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Board sync: 265 items from 2 source\(s\)/);
    expect(result.stdout).toMatch(
      /acme\/ml-platform\s+full\s+225 items \(security \d+, data-science \d+, shared \d+, needs an owner \d+\)/,
    );
    expect(result.stderr).toMatch(/acme\/ml-platform: page 3, 225 issues/);
    expect(snapshotSchema.parse(await ws.snapshot()).items).toHaveLength(265);
  });

  it('fetches and reports but writes nothing with --dry-run', async () => {
    const result = await runCli(['--config', ws.configPath, '--snapshot', ws.snapshotPath, '--dry-run'], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/not written \(--dry-run\)/);
    expect(await ws.snapshotBytes()).toBeNull();
  });
});
