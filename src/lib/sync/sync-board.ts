import type { BoardItem } from '../../schemas/board-item.ts';
import type { Snapshot } from '../../schemas/snapshot.ts';
import type { SourcesConfig } from '../../schemas/sources.ts';
import type { GraphqlClient } from './client.ts';
import { SyncError } from './errors.ts';
import { fetchSource } from './fetch-source.ts';
import { applyIssues, buildSnapshot } from './merge.ts';
import { planSource, sourceFingerprint, statusOf, usablePrevious } from './plan.ts';
import { silentReporter, type Reporter } from './progress.ts';
import type { SourceReport } from './summary.ts';

export interface SyncBoardOptions {
  client: GraphqlClient;
  config: SourcesConfig;
  /** The last good snapshot, or null. */
  previous: Snapshot | null;
  /** GraphQL endpoint, recorded in the snapshot; a different one forces a full sync. */
  apiUrl: string;
  now: () => Date;
  /** Ignore watermarks: re-read every source, dropping deleted and transferred issues. */
  full?: boolean;
  /** Allow replacing a board that had items with an empty one. */
  allowEmpty?: boolean;
  reporter?: Reporter;
}

/**
 * Reads every source and returns the new snapshot. A source that fails keeps its last good
 * items, marked stale; a fatal error (token, network, rate limit) or every source failing
 * throws, so the caller writes nothing.
 */
export async function syncBoard(options: SyncBoardOptions): Promise<{ snapshot: Snapshot; reports: SourceReport[] }> {
  const { client, config, apiUrl, reporter = silentReporter } = options;
  const previous = usablePrevious(options.previous, apiUrl);
  const context = { conventions: config.conventions, body: config.body };
  const items: BoardItem[] = [];
  const sources: Snapshot['sources'] = [];
  const reports: SourceReport[] = [];
  for (const source of config.sources) {
    const { repo } = source;
    const fingerprint = sourceFingerprint(source, config);
    const status = statusOf(previous, repo);
    const previousItems = previous?.items.filter((item) => item.repo.toLowerCase() === repo.toLowerCase()) ?? [];
    const plan = planSource(status, fingerprint, options.full ?? false);
    const base = { repo, items: 0, watermark: null, stale: false, error: null, skipped: null, fingerprint };
    reporter.start(repo, plan.mode, plan.reason);
    let pages = 0;
    try {
      const fetched = await fetchSource(client, source, plan, (page, issues) => {
        pages = page;
        reporter.page(repo, page, issues);
      });
      if (fetched.skipped !== null) {
        reporter.warn(`${repo}: skipped, ${fetched.skipped}`);
        sources.push({ ...base, skipped: fetched.skipped });
        reports.push({ repo, mode: plan.mode, status: 'skipped', items: 0, pages: fetched.pages, issues: 0, message: fetched.skipped });
        continue;
      }
      const warn = (message: string) => reporter.warn(message);
      const applied = applyIssues({ source, mode: plan.mode, previousItems, previousWatermark: plan.since, nameWithOwner: fetched.nameWithOwner, issues: fetched.issues, context, warn });
      items.push(...applied.items);
      sources.push({ ...base, items: applied.items.length, watermark: applied.watermark });
      reports.push({ repo, mode: plan.mode, status: 'ok', items: applied.items.length, pages: fetched.pages, issues: fetched.issues.length, message: null });
      reporter.done(repo, `${fetched.issues.length} issue(s) read, ${applied.items.length} on the board`);
    } catch (error) {
      if (!(error instanceof SyncError) || error.fatal) throw error;
      reporter.warn(`${repo}: ${error.message}; keeping its ${previousItems.length} last good item(s), marked stale`);
      items.push(...previousItems);
      sources.push({ ...base, items: previousItems.length, watermark: status?.watermark ?? null, stale: true, error: error.message, fingerprint: status?.fingerprint ?? null });
      reports.push({ repo, mode: plan.mode, status: 'failed', items: previousItems.length, pages, issues: 0, message: error.message });
    }
  }
  const failed = reports.filter((r) => r.status === 'failed');
  if (failed.length > 0 && !reports.some((r) => r.status === 'ok')) {
    throw new SyncError('all-failed', `no source could be read:\n${failed.map((r) => `  - ${r.repo}: ${r.message}`).join('\n')}`);
  }
  const before = previous?.items.length ?? 0;
  if (items.length === 0 && before > 0 && !options.allowEmpty) {
    throw new SyncError('empty', `GitHub returned no open risk or threat items, but the board has ${before}; if every item really was closed or relabelled, run again with --allow-empty`);
  }
  return { snapshot: buildSnapshot({ config, sources, items, syncedAt: options.now(), apiUrl }), reports };
}
