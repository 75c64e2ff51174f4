/**
 * Token canary (issues 8 and 16): the sync CLI and the production build run with fake tokens in
 * GitHub's formats in GITHUB_TOKEN and GH_TOKEN, and a GitHub App's private key in
 * GITHUB_APP_PRIVATE_KEY (the sync then signs in as the App), beside other planted environment
 * values. None of them, nor any JWT or installation token the App sync used, may turn up in the sync's output, the snapshot, the build log or any file under dist/
 * (HTML, JSON, feeds, scripts, source maps, images: every file is read as bytes).
 */
import { randomBytes } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { snapshotSchema } from '../../src/schemas/snapshot.ts';
import { createFakeApp, type FakeApp } from '../fixtures/github/fake-app.ts';
import { startFakeGitHub, type FakeGitHub } from '../fixtures/github/fake-github.ts';
import { configFor, runCli, type RunResult } from '../fixtures/github/harness.ts';
import { makeIssues, makeRepo } from '../fixtures/github/issues.ts';
import { makeTempProject, projectRoot, runAstro, type TempProject } from '../../scripts/lib/temp-project.ts';

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const randomText = (length: number) =>
  [...randomBytes(length)].map((byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join('');

/** A classic personal access token and a fine-grained one, in GitHub's formats, fresh each run. */
const CLASSIC = `ghp_${randomText(36)}`;
const FINE_GRAINED = `github_pat_${randomText(22)}_${randomText(59)}`;
/** Other values planted in the build's environment; PUBLIC_ is the prefix Vite would expose. */
const PLANTED = {
  TANDEM_CANARY: `tandem-canary-${randomText(24)}`,
  PUBLIC_TANDEM_CANARY: `public-canary-${randomText(24)}`,
  AWS_SECRET_ACCESS_KEY: `aws-canary-${randomText(30)}`,
};

let fake: FakeGitHub;
let app: FakeApp;
let appSynced: RunResult;
let content: string;
let project: TempProject;
let synced: RunResult;
let refused: RunResult;
let buildLog: string;

beforeAll(async () => {
  app = createFakeApp({ installations: { acme: 41 } });
  fake = await startFakeGitHub({
    token: CLASSIC,
    routes: app.routes,
    acceptAuth: app.acceptAuth,
    repos: [makeRepo('acme/ml-platform', makeIssues(30)), makeRepo('acme/security-risks', makeIssues(12))],
  });
  content = await mkdtemp(join(tmpdir(), 'tandem-canary-'));
  await cp(join(projectRoot, 'content'), content, { recursive: true });
  const config = join(content, 'board', 'sources.yaml');
  const snapshot = join(content, 'board', 'snapshot.json');
  await writeFile(config, configFor('  - repo: acme/ml-platform\n  - repo: acme/security-risks'));
  const args = ['--config', config, '--snapshot', snapshot];
  // A token GitHub refuses: the 401 must be reported without echoing the token.
  refused = await runCli(args, { GITHUB_TOKEN: FINE_GRAINED, GITHUB_API_URL: fake.url, ...PLANTED });
  synced = await runCli(args, {
    GITHUB_TOKEN: CLASSIC,
    GH_TOKEN: FINE_GRAINED,
    GITHUB_API_URL: fake.url,
    ...PLANTED,
  });
  if (synced.code !== 0) throw new Error(`the sync failed (${synced.code}):\n${synced.stderr}`);
  appSynced = await runCli([...args, '--full'], {
    GITHUB_APP_ID: String(app.appId),
    GITHUB_APP_PRIVATE_KEY: app.privateKey,
    GITHUB_API_URL: fake.url,
    ...PLANTED,
  });
  if (appSynced.code !== 0) throw new Error(`the App sync failed (${appSynced.code}):\n${appSynced.stderr}`);
  project = await makeTempProject(content);
  const build = await runAstro(project.root, ['build'], {
    GITHUB_TOKEN: CLASSIC,
    GH_TOKEN: FINE_GRAINED,
    GITHUB_APP_ID: String(app.appId),
    GITHUB_APP_PRIVATE_KEY: app.privateKey,
    ...PLANTED,
  });
  buildLog = build.output;
  if (build.code !== 0) throw new Error(`the build failed:\n${build.output}`);
}, 300_000);

afterAll(async () => {
  await fake?.close();
  await project?.dispose();
  if (content) await rm(content, { recursive: true, force: true });
});

/**
 * Every secret in the forms it could leak in: as is, and base64 (e.g. inside a Basic auth
 * header); the App's key also line by line and `\n`-escaped, with each token and JWT it earned.
 */
function needles(): Array<{ name: string; bytes: Buffer }> {
  const keyLines = app.privateKey.split('\n').filter((line) => line.length > 20 && !line.startsWith('-----'));
  const secrets: Record<string, string> = {
    GITHUB_TOKEN: CLASSIC,
    GH_TOKEN: FINE_GRAINED,
    ...PLANTED,
    GITHUB_APP_PRIVATE_KEY: app.privateKey,
    'GITHUB_APP_PRIVATE_KEY (escaped)': app.privateKey.trim().replaceAll('\n', '\\n'),
    ...Object.fromEntries(keyLines.map((line, i) => [`GITHUB_APP_PRIVATE_KEY line ${i + 2}`, line])),
    ...Object.fromEntries(app.tokens.map((t, i) => [`installation token ${i + 1}`, t.token])),
    ...Object.fromEntries(app.jwts.map((jwt, i) => [`App JWT ${i + 1} (signature)`, jwt.split('.')[2]!])),
  };
  return Object.entries(secrets).flatMap(([name, value]) => [
    { name, bytes: Buffer.from(value) },
    { name: `${name} (base64)`, bytes: Buffer.from(Buffer.from(value).toString('base64')) },
  ]);
}

function leaks(where: string, bytes: Buffer): string[] {
  return needles()
    .filter((needle) => bytes.includes(needle.bytes))
    .map((needle) => `${needle.name} in ${where}`);
}

describe('the token canary', () => {
  it('syncs with the canary token, and refuses a wrong one, printing neither', () => {
    expect(synced.stdout).toMatch(/items from 2 source\(s\)/);
    expect(fake.requests.some((r) => r.authorization?.endsWith(CLASSIC))).toBe(true);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/GitHub rejected the token \(401 Bad credentials\)/);
    expect(appSynced.stdout).toMatch(/signed in as GitHub App \d+, installation 41 on acme/);
    expect(app.tokens.length).toBeGreaterThan(0);
    expect(app.jwts.length).toBeGreaterThan(0);
    const output = {
      'sync stdout': synced.stdout,
      'sync stderr': synced.stderr,
      'App sync stdout': appSynced.stdout,
      'App sync stderr': appSynced.stderr,
    };
    const refusal = { 'refused sync stdout': refused.stdout, 'refused sync stderr': refused.stderr };
    const found = Object.entries({ ...output, ...refusal }).flatMap(([where, text]) =>
      leaks(where, Buffer.from(text)),
    );
    expect(found).toEqual([]);
  });

  it('writes a valid snapshot that holds neither token nor any planted value', async () => {
    const bytes = await readFile(join(content, 'board', 'snapshot.json'));
    expect(snapshotSchema.parse(JSON.parse(bytes.toString('utf8'))).items.length).toBeGreaterThan(0);
    expect(leaks('the snapshot', bytes)).toEqual([]);
  });

  it('builds a dist/ in which no file carries a token or any planted environment value', async () => {
    const dist = join(project.root, 'dist');
    const files = (await readdir(dist, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    expect(files.length).toBeGreaterThan(100);
    const found: string[] = [];
    for (const file of files) {
      const path = join(file.parentPath, file.name);
      found.push(...leaks(relative(dist, path), await readFile(path)));
    }
    found.push(...leaks('the build log', Buffer.from(buildLog)));
    expect(found).toEqual([]);
  });

  it('builds a dist/ that does not name the folder it was built in', async () => {
    const dist = join(project.root, 'dist');
    const files = (await readdir(dist, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    const paths = [project.root, projectRoot.replace(/\/$/, '')];
    const found: string[] = [];
    for (const file of files) {
      const text = await readFile(join(file.parentPath, file.name), 'utf8');
      for (const path of paths)
        if (text.includes(path)) found.push(`${path} in ${relative(dist, join(file.parentPath, file.name))}`);
    }
    expect(found).toEqual([]);
  });
});
