/**
 * Organisation sources (issue 16), through the real sync over HTTP against the local GitHub
 * stand-in, whose search keeps GitHub's 256-character and 1,000-result limits: an organisation
 * of 120 repositories arrives complete and within the request budgets; repositories that appear,
 * disappear, are renamed or change visibility are followed; globs select; oversized searches are
 * split; the rate limit stops the run cleanly; a failing organisation keeps its last good items.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startFakeGitHub,
  type FakeGitHub,
  type FakeIssue,
  type FakeRepo,
} from '../fixtures/github/fake-github.ts';
import { configFor, runIn, workspace, type Workspace } from '../fixtures/github/harness.ts';
import { boardKeys, keysOf, label, makeIssues, makeRepo, SELECTING } from '../fixtures/github/issues.ts';

const isoNow = () => new Date().toISOString().replace(/\.\d+Z$/, 'Z');

/** 120 repositories: 15 private, 5 archived, three with several hundred risks, the rest a few. */
function acme(): FakeRepo[] {
  const names = Array.from({ length: 120 }, (_, i) => {
    const n = String(i).padStart(3, '0');
    return i % 4 === 0 ? `acme/fraud-${n}` : i % 9 === 0 ? `acme/ml-${n}-sandbox` : `acme/ml-${n}`;
  });
  return names.map((name, i) => {
    const count = i === 30 ? 450 : i === 31 ? 320 : i === 33 ? 275 : i % 3;
    const repo = makeRepo(name, makeIssues(count, { unlabelledEvery: 6 }), i < 15 ? 'PRIVATE' : 'PUBLIC');
    if (i >= 15 && i < 20) repo.isArchived = true;
    return repo;
  });
}

const graphqlSince = (fake: FakeGitHub, from: number) =>
  fake.requests.slice(from).filter((r) => r.path === '/graphql');

describe('an organisation of 120 repositories', () => {
  let fake: FakeGitHub;
  let ws: Workspace;
  let env: Record<string, string>;

  beforeAll(async () => {
    fake = await startFakeGitHub({ repos: acme() });
    env = { GITHUB_TOKEN: fake.token, GITHUB_API_URL: fake.url };
    ws = await workspace(configFor('  - org: acme'));
  });
  afterAll(async () => {
    await fake?.close();
    await ws?.dispose();
  });

  it('arrives complete on a full sync, without private or archived repositories, within budget', async () => {
    const result = await runIn(ws, env);
    expect(result.code, result.stderr).toBe(0);
    const snapshot = await ws.snapshot();
    const expected = boardKeys(fake.repos.values(), () => true);
    expect(expected.length).toBeGreaterThan(900);
    expect(keysOf(snapshot)).toEqual(expected);
    const requests = graphqlSince(fake, 0);
    const budget = Math.ceil(120 / 100) + Math.ceil(expected.length / 100) + 10;
    expect(requests.length).toBeLessThanOrEqual(budget);
    // Every search fits GitHub's limits, and none is read past its 1,000th result.
    for (const search of fake.searches) expect(search.query.length).toBeLessThanOrEqual(256);
    expect(requests.every((r) => r.operationName && /^(Org|Board)\w+$/.test(r.operationName))).toBe(true);
    const org = snapshot.orgs[0];
    expect(org).toMatchObject({ org: 'acme', repoCount: 120, stale: false });
    expect(org.skipped).toMatchObject({ private: 15, archived: 5 });
    expect(org.repos).toHaveLength(100);
    // Plain progress lines in CI, and an organisation line in the summary.
    expect(result.stderr).toMatch(/org:acme: \d+ repositories listed/);
    expect(result.stdout).toMatch(
      /org:acme\s+full\s+\d+ items .*100 of 120 repositories read \(not read: 15 private, 5 archived\)/,
    );
  });

  it('re-syncs with nothing changed in at most 3 requests, leaving the snapshot as it was', async () => {
    const before = await ws.snapshotBytes();
    const from = fake.requests.length;
    const result = await runIn(ws, env);
    expect(result.code, result.stderr).toBe(0);
    expect(graphqlSince(fake, from).length).toBeLessThanOrEqual(3);
    expect(result.stdout).toMatch(/org:acme\s+incremental/);
    expect(JSON.parse((await ws.snapshotBytes())!).items).toEqual(JSON.parse(before!).items);
  });

  it('re-syncs changes in a handful of repositories in at most 5 requests, and shows them', async () => {
    const now = isoNow();
    const newIssue = (repo: string, number: number): FakeIssue => ({
      number,
      title: `Fresh risk in ${repo}`,
      body: 'New.',
      state: 'OPEN',
      labels: [label('risk'), label('owner:security'), label('severity:high')],
      assignees: [],
      author: 'analyst',
      createdAt: now,
      updatedAt: now,
    });
    const a = fake.repos.get('acme/ml-021')!;
    a.issues.push(newIssue('acme/ml-021', 900));
    const b = fake.repos.get('acme/ml-031')!.issues.find((i) => i.number === 1)!;
    Object.assign(b, { state: 'CLOSED', closedAt: now, closedBy: 'lead', updatedAt: now });
    const c = fake.repos.get('acme/ml-033')!.issues.find((i) => i.number === 2)!;
    Object.assign(c, { labels: c.labels.filter((l) => !SELECTING.includes(l.name)), updatedAt: now });
    const from = fake.requests.length;
    const result = await runIn(ws, env);
    expect(result.code, result.stderr).toBe(0);
    expect(graphqlSince(fake, from).length).toBeLessThanOrEqual(5);
    const snapshot = await ws.snapshot();
    const keys = keysOf(snapshot);
    expect(keys).toContain('acme/ml-021#900');
    expect(keys).not.toContain('acme/ml-031#1');
    expect(snapshot.closed.map((i: { key: string }) => i.key)).toContain('acme/ml-031#1');
    expect(keys).not.toContain('acme/ml-033#2');
    expect(keys).toEqual(boardKeys(fake.repos.values(), () => true));
  });

  it('picks up a new repository, drops a deleted one and keeps a renamed one’s items under its new name', async () => {
    const renamedBefore = (await ws.snapshot()).items.filter(
      (i: { repo: string }) => i.repo === 'acme/ml-031',
    );
    expect(renamedBefore.length).toBeGreaterThan(100);
    fake.addRepo(makeRepo('acme/ml-new', makeIssues(7)));
    fake.removeRepo('acme/ml-021');
    fake.rename('acme/ml-031', 'acme/ml-thirty-one');
    const result = await runIn(ws, env);
    expect(result.code, result.stderr).toBe(0);
    const snapshot = await ws.snapshot();
    const keys = keysOf(snapshot);
    expect(keys.filter((k) => k.startsWith('acme/ml-new#'))).toHaveLength(
      boardKeys([fake.repos.get('acme/ml-new')!], () => true).length,
    );
    expect(keys.some((k) => k.startsWith('acme/ml-021#'))).toBe(false);
    expect(snapshot.closed.some((i: { repo: string }) => i.repo === 'acme/ml-021')).toBe(false);
    const renamed = snapshot.items.filter((i: { repo: string }) => i.repo === 'acme/ml-thirty-one');
    expect(renamed.map((i: { number: number }) => i.number)).toEqual(
      renamedBefore.map((i: { number: number }) => i.number),
    );
    // Same issue, same history: only the name and the link moved.
    const first = renamed.find((i: { number: number }) => i.number === renamedBefore[0].number);
    expect(first.changes).toEqual(renamedBefore[0].changes);
    expect(first.url).toBe(`https://github.com/acme/ml-thirty-one/issues/${first.number}`);
    expect(keys.some((k) => k.startsWith('acme/ml-031#'))).toBe(false);
    expect(keys).toEqual(boardKeys(fake.repos.values(), () => true));
    expect(result.stderr).toMatch(/acme\/ml-031 was renamed to acme\/ml-thirty-one/);
  });

  it('follows a private repository that turns public and back', async () => {
    const name = 'acme/fraud-004';
    expect(fake.repos.get(name)!.visibility).toBe('PRIVATE');
    fake.repos.get(name)!.issues.push(...makeIssues(4).map((i) => ({ ...i, number: i.number + 50 })));
    fake.update(name, { visibility: 'PUBLIC' });
    expect((await runIn(ws, env)).code).toBe(0);
    let snapshot = await ws.snapshot();
    const shown = boardKeys([fake.repos.get(name)!], () => true);
    expect(shown.length).toBeGreaterThan(0);
    expect(keysOf(snapshot)).toEqual(expect.arrayContaining(shown));
    fake.update(name, { visibility: 'PRIVATE' });
    expect((await runIn(ws, env)).code).toBe(0);
    snapshot = await ws.snapshot();
    const text = await ws.snapshotBytes();
    expect(keysOf(snapshot).some((k) => k.startsWith(`${name}#`))).toBe(false);
    expect(text).not.toContain(`${name}#`);
    expect(keysOf(snapshot)).toEqual(boardKeys(fake.repos.values(), () => true));
  });

  it('selects by include and exclude globs, and reads a repository listed on its own once', async () => {
    const globs = await workspace(
      configFor(
        "  - org: acme\n    include: ['ml-*', 'fraud-*']\n    exclude: ['*-sandbox', 'fraud-0[0-4]*']\n  - repo: acme/fraud-100",
      ),
    );
    try {
      const from = fake.searches.length;
      const result = await runIn(globs, env);
      expect(result.code, result.stderr).toBe(0);
      const keep = (repo: FakeRepo) => {
        const name = repo.nameWithOwner.split('/')[1]!;
        return /^(ml|fraud)-/.test(name) && !name.endsWith('-sandbox') && !/^fraud-0[0-4]/.test(name);
      };
      const snapshot = await globs.snapshot();
      expect(keysOf(snapshot)).toEqual(boardKeys(fake.repos.values(), keep));
      expect(snapshot.items.some((i: { repo: string }) => i.repo.endsWith('-sandbox'))).toBe(false);
      expect(snapshot.orgs[0].repos.map((r: { name: string }) => r.name)).not.toContain('acme/fraud-100');
      expect(snapshot.sources.map((s: { repo: string }) => s.repo)).toEqual(['acme/fraud-100']);
      expect(fake.searches.slice(from).some((s) => s.query.includes('repo:acme/fraud-100'))).toBe(false);
    } finally {
      await globs.dispose();
    }
  });
});

describe('searches past GitHub’s 1,000 results', () => {
  let fake: FakeGitHub;
  let ws: Workspace;
  let env: Record<string, string>;

  beforeAll(async () => {
    fake = await startFakeGitHub({
      repos: [
        makeRepo('bigco/risk-register', makeIssues(2300, { start: '2025-01-01T00:00:00Z' })),
        makeRepo('bigco/ml-platform', makeIssues(40)),
      ],
    });
    env = { GITHUB_TOKEN: fake.token, GITHUB_API_URL: fake.url };
    ws = await workspace(configFor('  - org: bigco'));
  });
  afterAll(async () => {
    await fake?.close();
    await ws?.dispose();
  });

  it('splits a repository with 2,300 risks into ranges that each stay under the cap', async () => {
    const result = await runIn(ws, env);
    expect(result.code, result.stderr).toBe(0);
    expect(keysOf(await ws.snapshot())).toEqual(boardKeys(fake.repos.values(), () => true));
    const read = fake.searches.filter((s) => s.after !== null || s.issueCount <= 1000);
    expect(read.every((s) => s.issueCount <= 1000)).toBe(true);
    expect(fake.searches.some((s) => /created:\S+\.\.\S+/.test(s.query))).toBe(true);
  });

  it('splits an incremental search over 1,000 changes by update time, and applies every one', async () => {
    const now = Date.now();
    const register = fake.repos.get('bigco/risk-register')!;
    register.issues.slice(0, 1500).forEach((issue, i) => {
      issue.labels = issue.labels
        .filter((l) => !l.name.startsWith('severity:'))
        .concat(label('severity:critical'));
      issue.updatedAt = new Date(now - (1500 - i) * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
    });
    const from = fake.searches.length;
    const result = await runIn(ws, env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/incremental/);
    const snapshot = await ws.snapshot();
    const critical = snapshot.items.filter(
      (i: { repo: string; severity: string }) =>
        i.repo === 'bigco/risk-register' && i.severity === 'critical',
    );
    const expected = register.issues.filter(
      (i) =>
        i.labels.some((l) => SELECTING.includes(l.name)) &&
        i.labels.some((l) => l.name === 'severity:critical'),
    );
    expect(expected.length).toBeGreaterThan(1500);
    expect(critical.length).toBe(expected.length);
    expect(fake.searches.slice(from).some((s) => /updated:\S+\.\.\S+/.test(s.query))).toBe(true);
  });
});

describe('limits and failures', () => {
  it('stops before the rate limit runs out, keeps the last good snapshot and says when to retry', async () => {
    const fake = await startFakeGitHub({ repos: acme() });
    const ws = await workspace(configFor('  - org: acme'));
    const env = { GITHUB_TOKEN: fake.token, GITHUB_API_URL: fake.url };
    try {
      expect((await runIn(ws, env)).code).toBe(0);
      const before = await ws.snapshotBytes();
      fake.rateLimit.remaining = 12;
      fake.rateLimit.resetAt = new Date(Date.now() + 25 * 60_000).toISOString();
      const result = await runIn(ws, env, { full: true });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/rate limit has \d+ point\(s\) left/);
      expect(result.stderr).toMatch(
        /resets at \d\d:\d\d UTC \(in about 2[45] min\); run the sync again after that/,
      );
      expect(result.stderr).toMatch(/was left unchanged/);
      expect(await ws.snapshotBytes()).toBe(before);
      // It stopped before asking for more than was left.
      expect(fake.rateLimit.remaining).toBeGreaterThanOrEqual(0);
      expect(result.stderr).not.toMatch(/RATE_LIMITED|exceeded/);
    } finally {
      await fake.close();
      await ws.dispose();
    }
  });

  it('keeps a failing organisation’s last good items, marked stale, while repository sources sync', async () => {
    const partner = makeRepo('partner/risks', makeIssues(6));
    const fake = await startFakeGitHub({ repos: [...acme().slice(20, 40), partner] });
    const ws = await workspace(configFor('  - org: acme\n  - repo: partner/risks'));
    const env = { GITHUB_TOKEN: fake.token, GITHUB_API_URL: fake.url };
    try {
      expect((await runIn(ws, env)).code).toBe(0);
      const good = (await ws.snapshot()).items.filter((i: { repo: string }) => i.repo.startsWith('acme/'));
      expect(good.length).toBeGreaterThan(100);
      partner.issues.push({ ...makeIssues(1)[0]!, number: 77, updatedAt: isoNow(), createdAt: isoNow() });
      fake.fail({ status: 502, json: { message: 'Server Error' } }, { times: 10, repo: 'acme' });
      const result = await runIn(ws, env);
      expect(result.code, result.stderr).toBe(2);
      const snapshot = await ws.snapshot();
      expect(snapshot.items.filter((i: { repo: string }) => i.repo.startsWith('acme/'))).toEqual(good);
      expect(snapshot.orgs[0]).toMatchObject({ org: 'acme', stale: true });
      expect(snapshot.orgs[0].error).toMatch(/502/);
      expect(keysOf(snapshot)).toContain('partner/risks#77');
      expect(result.stdout).toMatch(/org:acme.*FAILED, last good items kept and marked stale/);
    } finally {
      await fake.close();
      await ws.dispose();
    }
  });

  it('fails an organisation that does not exist with a message naming it', async () => {
    const fake = await startFakeGitHub({ repos: [makeRepo('partner/risks', makeIssues(3))] });
    const ws = await workspace(configFor('  - org: no-such-org\n  - repo: partner/risks'));
    try {
      const result = await runIn(ws, { GITHUB_TOKEN: fake.token, GITHUB_API_URL: fake.url });
      expect(result.code).toBe(2);
      expect(result.stdout).toMatch(/org:no-such-org.*FAILED/);
    } finally {
      await fake.close();
      await ws.dispose();
    }
  });
});
