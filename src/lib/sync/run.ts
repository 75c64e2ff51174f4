import { resolveApiUrl } from './api-url.ts';
import { createGraphqlClient, type ClientOptions, type GraphqlClient } from './client.ts';
import { loadConfig } from './config.ts';
import { MISSING_TOKEN_MESSAGE, SyncError, TOKEN_WHITESPACE_MESSAGE } from './errors.ts';
import { terminalText } from './plain-text.ts';
import { createReporter, type ReportStream } from './progress.ts';
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
  const raw = options.env['GITHUB_TOKEN'] || options.env['GH_TOKEN'] || '';
  const token = raw.trim();
  // Belt and braces: whatever is printed, the token is not, in any form it could appear in.
  const redact = redactor(raw);
  const stderr: ReportStream = {
    isTTY: options.stderr.isTTY === true,
    write: (text) => options.stderr.write(redact(text)),
  };
  const reporter = createReporter(stderr);
  try {
    const config = await loadConfig(options.configPath);
    if (!token) throw new SyncError('token-missing', MISSING_TOKEN_MESSAGE);
    if (/\s/.test(token)) throw new SyncError('token-invalid', TOKEN_WHITESPACE_MESSAGE);
    const endpoint = resolveApiUrl(options.env['GITHUB_API_URL'], options.env['GITHUB_SERVER_URL']);
    const current = await readSnapshot(options.snapshotPath);
    if (current.problem)
      reporter.warn(
        `${options.snapshotPath} is not a valid snapshot (${current.problem}); it will be replaced`,
      );
    const log = (message: string) => reporter.warn(message);
    const client = (options.createClient ?? createGraphqlClient)({
      token,
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
    const { requests, points, remaining } = client.stats;
    const elapsedMs = performance.now() - started;
    const summary = formatSummary({
      snapshot,
      reports,
      requests,
      points,
      remaining,
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

/**
 * Replaces every form of the token that output could carry: as given, trimmed, each
 * whitespace-separated piece of it (a token pasted with a newline is printed in halves), and
 * its JSON- and URL-encoded spellings.
 */
export function redactor(raw: string): (text: string) => string {
  const pieces = raw.split(/\s+/).filter((piece) => piece.length >= 4);
  const forms = [raw, raw.trim(), JSON.stringify(raw).slice(1, -1), encodeURIComponent(raw), ...pieces];
  const unique = [...new Set(forms.filter((form) => form.trim().length >= 4))].sort(
    (a, b) => b.length - a.length,
  );
  return (text) => unique.reduce((out, form) => out.split(form).join('[REDACTED]'), text);
}
