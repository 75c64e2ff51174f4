import type { Snapshot } from '../../schemas/snapshot.ts';
import type { SourcesConfig } from '../../schemas/sources.ts';
import type { GraphqlClient } from './client.ts';
import { SyncError } from './errors.ts';
import { withRateBudget } from './rate-budget.ts';
import { buildSnapshot } from './build-snapshot.ts';
import { usablePrevious } from './plan.ts';
import { silentReporter, type Reporter } from './progress.ts';
import type { SourceReport } from './summary.ts';
import { syncOrg, type OrgResult } from './sync-org.ts';
import { syncSource, type SourceResult } from './sync-source.ts';

export interface SyncBoardOptions {
  client: GraphqlClient;
  config: SourcesConfig;
  /** The last good snapshot, or null. */
  previous: Snapshot | null;
  /** GraphQL endpoint, recorded in the snapshot; a different one forces a full sync. */
  apiUrl: string;
  /** GitHub's web origin that issue URLs are built from; a different one forces a full sync. */
  webUrl?: string;
  now: () => Date;
  /** Ignore watermarks: re-read every source, dropping deleted and transferred issues. */
  full?: boolean;
  /** Allow replacing a board that had items with an empty one. */
  allowEmpty?: boolean;
  reporter?: Reporter;
}

/**
 * Reads every source, one after the other, and returns the new snapshot. A source that fails
 * (for any reason but a fatal one) keeps its last good items, marked stale; a fatal error (token, network, rate limit), every
 * source failing, or a board emptied without --allow-empty throws, so the caller writes nothing.
 */
export async function syncBoard(
  options: SyncBoardOptions,
): Promise<{ snapshot: Snapshot; reports: SourceReport[] }> {
  const { config, apiUrl, webUrl = 'https://github.com', reporter = silentReporter } = options;
  const client = withRateBudget(options.client, options.now);
  const previous = usablePrevious(options.previous, apiUrl, webUrl);
  const now = options.now();
  const results: Array<SourceResult | OrgResult> = [];
  const full = options.full ?? false;
  // A repository listed on its own and inside an organisation is read once, as its own source.
  const listedAsRepo = new Set(
    config.sources.flatMap((source) => ('repo' in source ? [source.repo.toLowerCase()] : [])),
  );
  for (const source of config.sources) {
    results.push(
      'org' in source
        ? await syncOrg({ client, source, config, previous, full, webUrl, now, reporter, listedAsRepo })
        : await syncSource({ client, source, config, previous, full, webUrl, now, reporter }),
    );
  }
  const reports = results.map((r) => r.report);
  const failed = reports.filter((r) => r.status === 'failed');
  if (failed.length > 0 && !reports.some((r) => r.status === 'ok')) {
    const list = failed.map((r) => `  - ${r.repo}: ${r.message}`).join('\n');
    throw new SyncError('all-failed', `no source could be read:\n${list}`);
  }
  const items = results.flatMap((r) => r.items);
  const before = previous?.items.length ?? 0;
  if (items.length === 0 && before > 0 && !options.allowEmpty) {
    throw new SyncError(
      'empty',
      `GitHub returned no open risk or threat items, but the board has ${before}; if every item really was closed or relabelled, run again with --allow-empty`,
    );
  }
  const closed = results.flatMap((r) => r.closed);
  const sources = results.flatMap((r) => ('repo' in r.status ? [r.status] : []));
  const orgs = results.flatMap((r) => ('org' in r.status ? [r.status] : []));
  return {
    snapshot: buildSnapshot({ config, sources, orgs, items, closed, syncedAt: now, apiUrl, webUrl }),
    reports,
  };
}
