import { resolveApiUrl } from './api-url.ts';
import { createGraphqlClient, type ClientOptions, type GraphqlClient } from './client.ts';
import { sourceOwners } from './app-auth.ts';
import { loadConfig } from './config.ts';
import { readCredentials } from './credentials.ts';
import { SyncError } from './errors.ts';
import { terminalText } from './plain-text.ts';
import { createReporter, type ReportStream } from './progress.ts';
import { createRedactor } from './redact.ts';
import { readSnapshot, writeSnapshot } from './snapshot-file.ts';
import { formatSummary } from './summary.ts';
import { syncBoard } from './sync-board.ts';

export interface RunOptions {
  configPath: string;
  snapshotPath: string;
  full: boolean;
  dryRun: boolean;
  allowEmpty: boolean;
  env: Readonly<Record<string, string | undefined>>;
  stdout: ReportStream;
  stderr: ReportStream;
  now?: () => Date;
  /** Replaces the Octokit client, for tests that do not go over HTTP. */
  createClient?: (options: ClientOptions) => GraphqlClient;
}

/** Exit codes: 0 synced; 1 failed, snapshot untouched; 2 written, but some sources failed and are marked stale. */
export async function runSync(options: RunOptions): Promise<0 | 1 | 2> {
  const started = performance.now();
  const { env } = options;
  // Belt and braces: whatever is printed, no secret is, in any form it could appear in: the
  // token or the App's private key as given, and every JWT and installation token as sent.
  const redact = createRedactor(
    env['GITHUB_TOKEN'] ?? '',
    env['GH_TOKEN'] ?? '',
    env['GITHUB_APP_PRIVATE_KEY'] ?? '',
  );
  const stderr: ReportStream = {
    isTTY: options.stderr.isTTY === true,
    write: (text) => options.stderr.write(redact(text)),
  };
  const reporter = createReporter(stderr);
  try {
    const config = await loadConfig(options.configPath);
    const credentials = readCredentials(env);
    // A key given as a path is read only now.
    if (credentials.kind === 'app') redact.add(credentials.privateKey);
    const endpoint = resolveApiUrl(env['GITHUB_API_URL'], env['GITHUB_SERVER_URL']);
    const current = await readSnapshot(options.snapshotPath);
    if (current.problem)
      reporter.warn(
        `${options.snapshotPath} is not a valid snapshot (${current.problem}); it will be replaced`,
      );
    const log = (message: string) => reporter.warn(message);
    const client = (options.createClient ?? createGraphqlClient)({
      credentials,
      owners: sourceOwners(config.sources),
      onSecret: redact.add,
      endpoint,
      network: config.network,
      log,
    });
    const { snapshot, reports } = await syncBoard({
      client,
      config,
      previous: current.snapshot,
      apiUrl: endpoint.graphqlUrl,
      webUrl: endpoint.webUrl,
      now: options.now ?? (() => new Date()),
      full: options.full,
      allowEmpty: options.allowEmpty,
      reporter,
    });
    const file = options.dryRun
      ? 'not written (--dry-run)'
      : await writeSnapshot(options.snapshotPath, snapshot, current);
    const { requests, points, remaining, authRequests, tokensIssued } = client.stats;
    const identity = client.identity?.() ?? null;
    const elapsedMs = performance.now() - started;
    const summary = formatSummary({
      snapshot,
      reports,
      requests,
      points,
      remaining,
      signIn: identity ? { as: identity, requests: authRequests, tokens: tokensIssued } : null,
      elapsedMs,
      file: `${options.snapshotPath} ${file}`,
    });
    options.stdout.write(redact(terminalText(summary)));
    return reports.some((r) => r.status === 'failed') ? 2 : 0;
  } catch (error) {
    const message =
      error instanceof SyncError
        ? error.message
        : `unexpected error: ${(error as Error)?.stack ?? String(error)}`;
    stderr.write(
      `Board sync failed: ${terminalText(message)}\n${options.snapshotPath} was left unchanged.\n`,
    );
    return 1;
  }
}
