import type { BoardItem } from '../../schemas/board-item.ts';
import type { Snapshot } from '../../schemas/snapshot.ts';
import type { RepoSource, SourcesConfig } from '../../schemas/sources.ts';
import type { GraphqlClient } from './client.ts';
import { SyncError } from './errors.ts';
import { fetchSource } from './fetch-source.ts';
import { applyIssues, type SourceItems } from './merge.ts';
import { planSource, sourceFingerprint, statusOf } from './plan.ts';
import { cleanText } from './plain-text.ts';
import type { Reporter } from './progress.ts';
import type { SourceReport } from './summary.ts';

export interface SourceResult extends SourceItems {
  status: Snapshot['sources'][number];
  report: SourceReport;
}

/**
 * Syncs one source. A non-fatal failure (unknown repository, 5xx after retries, GraphQL errors)
 * keeps the source's last good items, closed ones included, and watermark, marked stale; fatal
 * errors propagate. A skipped source contributes nothing, as if it were not listed.
 */
export async function syncSource(input: {
  client: GraphqlClient;
  source: RepoSource;
  config: SourcesConfig;
  /** The usable previous snapshot, or null. */
  previous: Snapshot | null;
  full: boolean;
  /** GitHub's web origin, for issue URLs. */
  webUrl: string;
  /** When the sync started. */
  now: Date;
  reporter: Reporter;
}): Promise<SourceResult> {
  const { client, source, config, previous, reporter, now } = input;
  const { repo } = source;
  const fingerprint = sourceFingerprint(source, config);
  const last = statusOf(previous, repo);
  const ofRepo = (list: readonly BoardItem[] = []) =>
    list.filter((i) => i.repo.toLowerCase() === repo.toLowerCase());
  const before: SourceItems = { items: ofRepo(previous?.items), closed: ofRepo(previous?.closed) };
  // The first sync of a source (or the first that read it) dates `opened` at creation.
  const lastSync = last && !last.skipped ? (previous?.syncedAt ?? null) : null;
  const plan = planSource(last, fingerprint, input.full, now);
  const status = {
    repo,
    items: 0,
    watermark: null,
    stale: false,
    error: null,
    skipped: null,
    fingerprint,
    labels: source.labels,
  };
  const report = {
    repo,
    mode: plan.mode,
    status: 'ok',
    items: 0,
    pages: 0,
    issues: 0,
    message: null,
  } as const;
  reporter.start(repo, plan.mode, plan.reason);
  let pages = 0;
  try {
    const fetched = await fetchSource(client, source, plan, (page, issues) => {
      pages = page;
      reporter.page(repo, page, issues);
    });
    if (fetched.skipped !== null) {
      reporter.warn(`${repo}: skipped, ${fetched.skipped}`);
      const message = fetched.skipped;
      return {
        items: [],
        closed: [],
        status: { ...status, skipped: message },
        report: { ...report, status: 'skipped', pages, message },
      };
    }
    const { items, closed, watermark } = applyIssues({
      source,
      mode: plan.mode,
      previous: before,
      previousWatermark: plan.since,
      lastSync,
      nameWithOwner: fetched.nameWithOwner,
      issues: fetched.issues,
      context: {
        conventions: config.conventions,
        issueForm: config.issueForm,
        body: config.body,
        webUrl: input.webUrl,
      },
      now,
      warn: (message) => reporter.warn(message),
    });
    reporter.done(repo, `${fetched.issues.length} issue(s) read, ${items.length} on the board`);
    return {
      items,
      closed,
      status: { ...status, items: items.length, watermark },
      report: { ...report, items: items.length, pages, issues: fetched.issues.length },
    };
  } catch (error) {
    // Token, network and rate-limit errors stop the run; anything else fails this source only,
    // so one repository's data can never take the others down with it.
    if (error instanceof SyncError && error.fatal) throw error;
    const kept = before.items.length;
    const message = cleanText(
      error instanceof SyncError ? error.message : `unexpected error: ${String(error)}`,
      500,
    );
    reporter.warn(`${repo}: ${message}; keeping its ${kept} last good item(s), marked stale`);
    return {
      ...before,
      status: {
        ...status,
        items: kept,
        watermark: last?.watermark ?? null,
        fingerprint: last?.fingerprint ?? null,
        stale: true,
        error: message,
      },
      report: { ...report, status: 'failed', items: kept, pages, message },
    };
  }
}
