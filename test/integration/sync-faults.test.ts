import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../fixtures/github/fake-github.ts';
import { configFor, runCli, runIn, workspace, type Workspace } from '../fixtures/github/harness.ts';
import { makeIssues, makeRepo } from '../fixtures/github/issues.ts';

let fake: FakeGitHub;
let ws: Workspace;
let env: Record<string, string>;
let good: string;

const SECONDARY = {
  message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
};
const BAD_GATEWAY = '<html><body><h1>502 Bad Gateway</h1></body></html>';

/** Every fault starts from a good snapshot, and must leave its bytes as they were. */
beforeEach(async () => {
  fake = await startFakeGitHub({
    repos: [makeRepo('acme/ml-platform', makeIssues(120)), makeRepo('acme/security-risks', makeIssues(30))],
  });
  ws = await workspace(configFor('  - repo: acme/ml-platform\n  - repo: acme/security-risks'));
  env = { GITHUB_TOKEN: fake.token, GITHUB_API_URL: fake.url };
  const first = await runIn(ws, env);
  expect(first.code, first.stderr).toBe(0);
  good = (await ws.snapshotBytes())!;
  fake.requests.length = 0;
});

afterEach(async () => {
  await fake.close();
  await ws.dispose();
});

async function expectUntouched(result: { code: number; stderr: string }, message: RegExp) {
  expect(result.code).toBe(1);
  expect(result.stderr).toMatch(message);
  expect(result.stderr).toMatch(/was left unchanged/);
  expect(await ws.snapshotBytes()).toBe(good);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('the board sync when GitHub misbehaves', () => {
  it('retries a 502 with backoff and then succeeds', async () => {
    fake.fail({ status: 502, html: BAD_GATEWAY }, { times: 2 });
    const result = await runIn(ws, env, { full: true });
    expect(result.code, result.stderr).toBe(0);
    expect(fake.requests).toHaveLength(2 + 3);
    expect(result.stdout).toMatch(/5 request\(s\)/);
  });

  it('keeps the last good snapshot when GitHub answers 502 every time', async () => {
    fake.fail({ status: 502, html: BAD_GATEWAY }, { times: 100 });
    await expectUntouched(
      await runIn(ws, env),
      /no source could be read:[\s\S]*acme\/ml-platform: GitHub answered 502 .* after 3 attempts/,
    );
  });

  it('honours retry-after on a secondary rate limit', async () => {
    fake.fail({ status: 403, json: SECONDARY, headers: { 'retry-after': '1' } });
    const result = await runIn(ws, env, { full: true });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/secondary rate limit: waiting 1 s/);
    expect(result.ms).toBeGreaterThanOrEqual(1000);
    expect(await ws.snapshotBytes()).toBe(good);
  });

  it('stops with a clear message when a secondary limit asks for a longer wait than allowed', async () => {
    await ws.writeConfig(configFor('  - repo: acme/ml-platform', 'retries: 1\n  maxRateLimitWaitSeconds: 5'));
    fake.fail({ status: 429, json: SECONDARY, headers: { 'retry-after': '600' } });
    await expectUntouched(
      await runIn(ws, env),
      /secondary rate limit still applied.*wait a few minutes and run the sync again/,
    );
  });

  it('waits for a primary rate-limit reset that is near, and stops when it is far', async () => {
    const exhausted = (seconds: number) => ({
      status: 403,
      json: { message: 'API rate limit exceeded for user ID 1.' },
      headers: {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.ceil(Date.now() / 1000) + seconds),
      },
    });
    fake.fail(exhausted(0));
    const near = await runIn(ws, env, { full: true });
    expect(near.code, near.stderr).toBe(0);
    expect(near.stderr).toMatch(/rate limit used up: waiting/);
    fake.fail(exhausted(3600), { times: 10 });
    await expectUntouched(
      await runIn(ws, env, { full: true }),
      /rate limit for this token is used up and resets in about 60 min/,
    );
  });

  it('says the token is invalid or expired on 401, and writes nothing', async () => {
    const result = await runIn(ws, { ...env, GITHUB_TOKEN: 'expired-token' });
    await expectUntouched(
      result,
      /GitHub rejected the token \(401 Bad credentials\): it is invalid, expired or revoked/,
    );
    expect(fake.requests).toHaveLength(1);
  });

  it('names an unknown repository and keeps the snapshot when it is the only source', async () => {
    await ws.writeConfig(configFor('  - repo: acme/does-not-exist'));
    await expectUntouched(
      await runIn(ws, env),
      /acme\/does-not-exist: repository not found, or the token cannot read it/,
    );
  });

  it('keeps the last good items of a failing repository, marked stale, while the others update', async () => {
    fake.repos.get('acme/security-risks')!.issues[0]!.title = 'Updated title';
    fake.repos.get('acme/security-risks')!.issues[0]!.updatedAt = '2027-01-01T00:00:00Z';
    fake.fail({ status: 502, html: BAD_GATEWAY }, { times: 100, repo: 'acme/ml-platform' });
    const result = await runIn(ws, env);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(
      /acme\/ml-platform .*FAILED, last good items kept and marked stale: GitHub answered 502/,
    );
    const snapshot = await ws.snapshot();
    const before = JSON.parse(good);
    expect(snapshot.sources[0]).toMatchObject({
      repo: 'acme/ml-platform',
      stale: true,
      items: 120,
      watermark: before.sources[0].watermark,
    });
    expect(snapshot.sources[0].error).toMatch(/502/);
    expect(snapshot.items.filter((i: { repo: string }) => i.repo === 'acme/ml-platform')).toEqual(
      before.items.filter((i: { repo: string }) => i.repo === 'acme/ml-platform'),
    );
    expect(snapshot.items.find((i: { key: string }) => i.key === 'acme/security-risks#1').title).toBe(
      'Updated title',
    );
  });

  it('refuses an HTML page where GraphQL JSON was expected', async () => {
    fake.fail({ status: 200, html: '<!doctype html><title>Sign in</title><form>…</form>' });
    const result = await runIn(ws, env);
    await expectUntouched(
      result,
      new RegExp(`${fake.url}/graphql answered with text/html, not GraphQL JSON; check GITHUB_API_URL`),
    );
    expect(fake.requests).toHaveLength(1);
  });

  it('gives up on a server that never answers after the configured timeout', async () => {
    await ws.writeConfig(
      configFor('  - repo: acme/ml-platform', 'timeoutMs: 300\n  retries: 1\n  retryBaseMs: 10'),
    );
    fake.fail({ hang: true }, { times: 10 });
    const result = await runIn(ws, env);
    await expectUntouched(
      result,
      new RegExp(`no answer from ${fake.url}/graphql within 300 ms \\(2 attempts\\)`),
    );
    expect(result.ms).toBeLessThan(5000);
  });

  it('uses nothing from an answer that carries GraphQL errors with partial data', async () => {
    await ws.writeConfig(configFor('  - repo: acme/security-risks'));
    fake.fail({
      transform: (result) => {
        const data = result.data as { repository: { issues: { nodes: unknown[] } } };
        data.repository.issues.nodes = data.repository.issues.nodes.slice(0, 3);
        return {
          ...result,
          errors: [
            {
              type: 'INTERNAL',
              message: 'Something failed while resolving labels',
              path: ['repository', 'issues'],
            },
          ],
        };
      },
    });
    await expectUntouched(
      await runIn(ws, env, { full: true }),
      /acme\/security-risks: GitHub answered with GraphQL errors \(Something failed while resolving labels\)/,
    );
  });

  it('names an unreachable GitHub Enterprise Server URL', async () => {
    const url = `http://127.0.0.1:${await freePort()}/api/v3`;
    const result = await runIn(ws, { ...env, GITHUB_API_URL: url });
    await expectUntouched(
      result,
      /could not reach http:\/\/127\.0\.0\.1:\d+\/api\/graphql \(ECONNREFUSED, 3 attempts\); check GITHUB_API_URL/,
    );
  });

  it('refuses to send the token over plain http to a remote host', async () => {
    const result = await runIn(ws, { ...env, GITHUB_API_URL: 'http://ghe.example.com/api/v3' });
    await expectUntouched(result, /GITHUB_API_URL must use https:\/\//);
    expect(fake.requests).toHaveLength(0);
  });

  it('refuses to empty a board that had items unless --allow-empty is given', async () => {
    for (const repo of fake.repos.values())
      for (const issue of repo.issues)
        Object.assign(issue, { state: 'CLOSED', updatedAt: '2027-01-01T00:00:00Z' });
    await expectUntouched(
      await runIn(ws, env),
      /GitHub returned no open risk or threat items, but the board has 150; .* --allow-empty/,
    );
    const allowed = await runIn(ws, env, { allowEmpty: true });
    expect(allowed.code).toBe(0);
    expect((await ws.snapshot()).items).toEqual([]);
  });

  it('explains how to create a fine-grained token when none is set', async () => {
    const result = await runCli(['--config', ws.configPath, '--snapshot', ws.snapshotPath], {
      GITHUB_API_URL: fake.url,
    });
    await expectUntouched(result, /no GitHub token: set GITHUB_TOKEN \(or GH_TOKEN\)/);
    expect(result.stderr).toMatch(/Fine-grained|fine-grained/);
    expect(result.stderr).toMatch(/Issues: Read-only/);
    expect(fake.requests).toHaveLength(0);
  });

  it('reports a broken sources.yaml with the field and exits non-zero from the CLI', async () => {
    await ws.writeConfig('sources:\n  - repo: not a repo\n    lables: [risk]\n');
    const result = await runCli(['--config', ws.configPath, '--snapshot', ws.snapshotPath], env);
    await expectUntouched(result, /sources\.0\.repo|sources\[0\]\.repo|repo must be written owner\/name/);
    expect(result.stderr).toMatch(/lables/);
  });
});
