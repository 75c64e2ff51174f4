/**
 * GitHub App authentication (issue 16), through the real sync over HTTP against the local
 * stand-in and its App endpoints (test/fixtures/github/fake-app.ts): the sync signs a JWT with
 * the App's key, finds the installation for the sources' owner (organisation, then user), and
 * signs every query with installation tokens that it renews before they expire, even when they
 * last a second; wrong keys, missing installations and bad settings stop it with the snapshot
 * untouched and no secret printed.
 */
import { generateKeyPairSync } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeApp, type FakeApp } from '../fixtures/github/fake-app.ts';
import { startFakeGitHub, type FakeGitHub, type FakeRepo } from '../fixtures/github/fake-github.ts';
import { configFor, runIn, workspace, type RunResult, type Workspace } from '../fixtures/github/harness.ts';
import { boardKeys, keysOf, makeIssues, makeRepo } from '../fixtures/github/issues.ts';

function repos(): FakeRepo[] {
  const org = Array.from({ length: 30 }, (_, i) =>
    makeRepo(`acme/ml-${String(i).padStart(2, '0')}`, makeIssues(i === 4 ? 260 : i % 4)),
  );
  return [
    ...org,
    makeRepo('partners/shared-risks', makeIssues(640)),
    makeRepo('octo-user/risks', makeIssues(9)),
  ];
}

/** What the board should hold from the repositories of these owners. */
const expectedKeys = (fake: FakeGitHub, owners: string[]) =>
  boardKeys(fake.repos.values(), (repo) => owners.includes(repo.nameWithOwner.split('/')[0]!));

/** Nothing the App was given or issued appears in what the sync printed. */
function expectNoSecrets(app: FakeApp, result: RunResult, also: string[] = []) {
  const printed = result.stdout + result.stderr;
  const lines = app.privateKey.split('\n').filter((line) => line.length > 20 && !line.startsWith('-----'));
  expect(lines.length).toBeGreaterThan(10);
  for (const line of lines) expect(printed).not.toContain(line);
  for (const token of app.tokens) expect(printed).not.toContain(token.token);
  for (const jwt of app.jwts) expect(printed).not.toContain(jwt.split('.')[2]);
  for (const secret of also) expect(printed).not.toContain(secret);
}

describe('a GitHub App whose installation tokens last one second', () => {
  let app: FakeApp;
  let fake: FakeGitHub;
  let ws: Workspace;
  let result: RunResult;

  beforeAll(async () => {
    app = createFakeApp({ installations: { acme: 41 }, tokenLifetimeMs: 1000 });
    fake = await startFakeGitHub({ repos: repos(), routes: app.routes, acceptAuth: app.acceptAuth });
    // Spacing requests 250 ms apart stretches the sync over several token lifetimes.
    ws = await workspace(
      configFor(
        '  - org: acme\n  - repo: partners/shared-risks',
        'timeoutMs: 4000\n  retries: 1\n  retryBaseMs: 10\n  minIntervalMs: 250',
      ),
    );
    // GitHub Actions always sets GITHUB_TOKEN; the App, when configured, is used instead.
    result = await runIn(ws, {
      GITHUB_APP_ID: String(app.appId),
      GITHUB_APP_PRIVATE_KEY: app.privateKey,
      GITHUB_TOKEN: fake.token,
      GITHUB_API_URL: fake.url,
    });
  }, 60_000);
  afterAll(async () => {
    await fake?.close();
    await ws?.dispose();
  });

  it('finds the installation from the sources and reads every source complete', async () => {
    expect(result.code, result.stderr).toBe(0);
    expect(app.calls[0]).toBe('GET /orgs/acme/installation');
    expect(keysOf(await ws.snapshot())).toEqual(expectedKeys(fake, ['acme', 'partners']));
    expect(result.stdout).toMatch(
      /signed in as GitHub App 918273, installation 41 on acme: \d+ installation token\(s\), \d+ sign-in request\(s\)/,
    );
  });

  it('renews the installation token before it expires, so no request is refused', () => {
    const graphql = fake.requests.filter((r) => r.path === '/graphql');
    expect(graphql.length).toBeGreaterThan(8);
    expect(app.tokens.length).toBeGreaterThanOrEqual(3);
    expect(app.expiredUses).toBe(0);
    expect(app.tokenUses).toBe(graphql.length);
    // Every query carried an installation token, none the personal token beside it.
    const issued = new Set(app.tokens.map((t) => `token ${t.token}`));
    expect(graphql.every((r) => issued.has(r.authorization ?? ''))).toBe(true);
    expect(app.calls.filter((c) => c.endsWith('/access_tokens'))).toHaveLength(app.tokens.length);
  });

  it('counts GraphQL requests apart from the sign-in requests', () => {
    const graphql = fake.requests.filter((r) => r.path === '/graphql').length;
    expect(result.stdout).toContain(`  ${graphql} request(s),`);
    expect(result.stdout).toContain(
      `${app.tokens.length} installation token(s), ${app.calls.length} sign-in`,
    );
  });

  it('prints neither the key nor any token or JWT', () => {
    expectNoSecrets(app, result);
  });
});

describe('GitHub App settings', () => {
  let app: FakeApp;
  let fake: FakeGitHub;
  let ws: Workspace;
  let env: Record<string, string>;

  beforeAll(async () => {
    app = createFakeApp({ installations: { acme: 41, 'octo-user': 7 }, users: ['octo-user'] });
    fake = await startFakeGitHub({ repos: repos(), routes: app.routes, acceptAuth: app.acceptAuth });
    ws = await workspace(configFor('  - org: acme'));
    env = { GITHUB_APP_ID: String(app.appId), GITHUB_API_URL: fake.url };
  });
  afterAll(async () => {
    await fake?.close();
    await ws?.dispose();
  });

  it('takes the key as a path and the installation ID as given, without looking it up', async () => {
    const keyFile = join(ws.dir, 'tandem-board.2026-12-03.private-key.pem');
    await writeFile(keyFile, app.privateKey, { mode: 0o600 });
    const calls = app.calls.length;
    const result = await runIn(ws, {
      ...env,
      GITHUB_APP_PRIVATE_KEY: keyFile,
      GITHUB_APP_INSTALLATION_ID: '41',
    });
    expect(result.code, result.stderr).toBe(0);
    expect(app.calls.slice(calls)).toEqual(['POST /app/installations/41/access_tokens']);
    expect(result.stdout).toMatch(/signed in as GitHub App 918273, installation 41:/);
    expectNoSecrets(app, result);
  });

  it('takes a one-line key with \\n escapes and the client ID, as a CI secret often holds them', async () => {
    const escaped = app.privateKey.trim().replaceAll('\n', '\\n');
    const result = await runIn(ws, { ...env, GITHUB_APP_ID: app.clientId, GITHUB_APP_PRIVATE_KEY: escaped });
    expect(result.code, result.stderr).toBe(0);
    expectNoSecrets(app, result, [escaped]);
  });

  it('finds a user account’s installation after the organisation lookup misses', async () => {
    const user = await workspace(configFor('  - repo: octo-user/risks'));
    const calls = app.calls.length;
    const result = await runIn(user, { ...env, GITHUB_APP_PRIVATE_KEY: app.privateKey });
    expect(result.code, result.stderr).toBe(0);
    expect(app.calls.slice(calls, calls + 2)).toEqual([
      'GET /orgs/octo-user/installation',
      'GET /users/octo-user/installation',
    ]);
    expect(keysOf(await user.snapshot())).toEqual(expectedKeys(fake, ['octo-user']));
    await user.dispose();
  });

  it('stops, naming the accounts, when the App is installed on none of them', async () => {
    const other = await workspace(configFor('  - repo: partners/shared-risks\n  - org: nowhere'));
    const result = await runIn(other, { ...env, GITHUB_APP_PRIVATE_KEY: app.privateKey });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/the GitHub App is not installed on partners, nowhere; install it/);
    expect(result.stderr).toMatch(/was left unchanged/);
    expect(await other.snapshotBytes()).toBeNull();
    expect(
      fake.requests.filter((r) => r.path === '/graphql' && r.authorization?.startsWith('bearer')),
    ).toEqual([]);
    await other.dispose();
  });

  it('stops with the snapshot untouched when the key belongs to another App', async () => {
    const before = await ws.snapshotBytes();
    expect(before).not.toBeNull();
    const { privateKey: stranger } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    const result = await runIn(ws, { ...env, GITHUB_APP_PRIVATE_KEY: stranger });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /GitHub rejected the GitHub App's signature \(401 A JSON web token could not be decoded\)/,
    );
    expect(await ws.snapshotBytes()).toBe(before);
    const lines = stranger.split('\n').filter((line) => line.length > 20 && !line.startsWith('-----'));
    for (const line of lines) expect(result.stderr + result.stdout).not.toContain(line);
  });

  it('stops when the given installation is not this App’s, and when the App was uninstalled', async () => {
    const before = await ws.snapshotBytes();
    const wrong = await runIn(ws, {
      ...env,
      GITHUB_APP_PRIVATE_KEY: app.privateKey,
      GITHUB_APP_INSTALLATION_ID: '999',
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/GitHub would not issue an installation token \(404 Not Found\)/);
    app.uninstall('acme');
    const gone = await runIn(ws, { ...env, GITHUB_APP_PRIVATE_KEY: app.privateKey });
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/the GitHub App is not installed on acme/);
    expect(await ws.snapshotBytes()).toBe(before);
  });

  it('refuses a key that is neither PEM nor a file, without printing it', async () => {
    const body = app.privateKey.split('\n').slice(1, -2).join('');
    const result = await runIn(ws, { ...env, GITHUB_APP_PRIVATE_KEY: body });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /GITHUB_APP_PRIVATE_KEY is neither a PEM key .* nor the path of a readable file/,
    );
    expect(result.stderr).not.toContain(body.slice(0, 40));
  });
});
