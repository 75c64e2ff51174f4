/**
 * Sync hygiene against the local GitHub stand-in over HTTP: redirects, tokens, text from the
 * server, watermarks, labels past the first hundred and repository names.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../fixtures/github/fake-github.ts';
import { configFor, runIn, workspace, type Workspace } from '../fixtures/github/harness.ts';
import { label, makeIssues, makeRepo } from '../fixtures/github/issues.ts';

let fake: FakeGitHub;
let ws: Workspace;
let env: Record<string, string>;

beforeEach(async () => {
  fake = await startFakeGitHub({
    repos: [makeRepo('acme/ml-platform', makeIssues(12)), makeRepo('acme/security-risks', makeIssues(5))],
  });
  ws = await workspace(configFor('  - repo: acme/ml-platform\n  - repo: acme/security-risks'));
  env = { GITHUB_TOKEN: fake.token, GITHUB_API_URL: fake.url };
});

afterEach(async () => {
  await fake.close();
  await ws.dispose();
});

/** Another origin that records whatever reaches it. */
async function elsewhere(): Promise<{ url: string; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    hits.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{}}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('the sync refuses what it should not trust', () => {
  it('refuses a 307 or 308 redirect to another origin, sends it nothing and keeps the snapshot', async () => {
    const first = await runIn(ws, env);
    expect(first.code, first.stderr).toBe(0);
    const good = await ws.snapshotBytes();
    const other = await elsewhere();
    try {
      for (const status of [307, 308]) {
        fake.fail({ status, json: {}, headers: { location: `${other.url}/graphql` } });
        const result = await runIn(ws, env);
        expect(result.code).toBe(1);
        expect(result.stderr).toMatch(
          /redirected to http:\/\/127\.0\.0\.1:\d+; the sync follows redirects only within/,
        );
        expect(await ws.snapshotBytes()).toBe(good);
      }
      expect(other.hits).toEqual([]);
    } finally {
      await other.close();
    }
  });

  it('follows a redirect within the API origin', async () => {
    fake.fail({ status: 307, json: {}, headers: { location: `${fake.url}/api/graphql` } });
    const result = await runIn(ws, env);
    expect(result.code, result.stderr).toBe(0);
    expect(fake.requests.map((r) => r.path).slice(0, 2)).toEqual(['/graphql', '/api/graphql']);
  });

  it('rejects a token with a line break before any request, and prints no part of it', async () => {
    const token = `${fake.token}\nsecond-half-of-it`;
    const result = await runIn(ws, { ...env, GITHUB_TOKEN: token });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/the GitHub token contains whitespace/);
    expect(fake.requests).toHaveLength(0);
    for (const part of token.split('\n')) expect(result.stderr + result.stdout).not.toContain(part);
  });

  it('prints and stores a hostile GraphQL error message as inert text', async () => {
    fake.fail(
      {
        transform: () => ({
          errors: [{ type: 'INTERNAL', message: 'boom\x1b]0;owned\x07\x1b[1A\r✔ all sources synced\u202e' }],
        }),
      },
      { repo: 'acme/security-risks' },
    );
    const result = await runIn(ws, env);
    expect(result.code).toBe(2);
    expect(result.stderr).not.toMatch(/[\x07\x1b\r\u202e]/);
    expect(result.stdout).not.toMatch(/[\x07\x1b\r\u202e]/);
    const failed = (await ws.snapshot()).sources.find(
      (s: { repo: string }) => s.repo === 'acme/security-risks',
    );
    expect(failed.error).toContain('boom]0;owned[1A ✔ all sources synced');
    expect(failed.error).not.toMatch(/[\x00-\x1f\x7f-\x9f\u202e]/);
  });

  it('keeps the watermark at the time of the sync when an issue claims to be updated in 2099', async () => {
    fake.repos.get('acme/security-risks')!.issues[0]!.updatedAt = '2099-01-01T00:00:00Z';
    const now = new Date('2026-11-20T10:00:00Z');
    expect((await runIn(ws, env, { now: () => now })).code).toBe(0);
    const status = (await ws.snapshot()).sources.find(
      (s: { repo: string }) => s.repo === 'acme/security-risks',
    );
    expect(status.watermark).toBe('2026-11-20T10:00:00Z');
    // A new issue opened after that sync is found by the next incremental one.
    const repo = fake.repos.get('acme/security-risks')!;
    repo.issues.push({
      ...makeIssues(1)[0]!,
      number: 99,
      createdAt: '2026-11-21T00:00:00Z',
      updatedAt: '2026-11-21T00:00:00Z',
    });
    expect((await runIn(ws, env, { now: () => new Date('2026-11-22T00:00:00Z') })).code).toBe(0);
    expect((await ws.snapshot()).items.some((i: { key: string }) => i.key === 'acme/security-risks#99')).toBe(
      true,
    );
  });

  it('reads labels past the first hundred, so a severity label at position 130 counts', async () => {
    const issue = fake.repos.get('acme/security-risks')!.issues[0]!;
    issue.labels = [
      label('risk'),
      ...Array.from({ length: 149 }, (_, i) => label(i === 128 ? 'severity:critical' : `tag-${i}`)),
    ];
    const result = await runIn(ws, env);
    expect(result.code, result.stderr).toBe(0);
    const item = (await ws.snapshot()).items.find((i: { key: string }) => i.key === 'acme/security-risks#1');
    expect(item.severity).toBe('critical');
    // `risk` and the 147 other plain labels; the severity label is applied, not kept.
    expect(item.labels).toHaveLength(148 + 1);
    expect(fake.requests.filter((r) => r.operationName === 'IssueLabels')).toHaveLength(1);
  });

  it('refuses "." and ".." as repository names in sources.yaml', async () => {
    await ws.writeConfig(configFor('  - repo: acme/..\n  - repo: acme/.'));
    const result = await runIn(ws, env);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/sources\[0\]\.repo[\s\S]*cannot be named "\." or "\.\."/);
    expect(result.stderr).toMatch(/sources\[1\]\.repo/);
    expect(fake.requests).toHaveLength(0);
  });
});
