import { createHash } from 'node:crypto';
import type { Snapshot } from '../../schemas/snapshot.ts';
import type { RepoSource, SourcesConfig } from '../../schemas/sources.ts';

export type SourcePlan =
  { mode: 'full'; since: null; reason: string } | { mode: 'incremental'; since: string; reason: string };

type SourceStatus = Snapshot['sources'][number];

/**
 * Hash of everything that shapes a source's items. When it changes (labels, conventions, how the
 * issue form reads, body mode), items synced earlier may be wrong, so the next sync of that
 * source is a full one.
 */
export function sourceFingerprint(source: RepoSource, config: SourcesConfig): string {
  const shape = {
    repo: source.repo.toLowerCase(),
    labels: source.labels.map((label) => label.toLowerCase()).sort(),
    includePrivate: source.includePrivate,
    // Only when set, so fingerprints from before the option existed stay valid.
    ...(source.includeArchived ? { includeArchived: true } : {}),
    conventions: config.conventions,
    issueForm: config.issueForm,
    body: config.body,
  };
  return createHash('sha256').update(JSON.stringify(shape)).digest('hex').slice(0, 16);
}

/** The previous snapshot, if real data from the same API and web origin; the sample never mixes with real data. */
export function usablePrevious(
  previous: Snapshot | null,
  apiUrl: string,
  webUrl = 'https://github.com',
): Snapshot | null {
  return previous && !previous.sample && previous.apiUrl === apiUrl && previous.webUrl === webUrl
    ? previous
    : null;
}

/** Full or incremental for one source, and why (shown in the log). */
export function planSource(
  status: Pick<SourceStatus, 'stale' | 'skipped' | 'fingerprint' | 'watermark'> | undefined,
  fingerprint: string,
  full: boolean,
  now: Date = new Date(),
): SourcePlan {
  const fullBecause = (reason: string): SourcePlan => ({ mode: 'full', since: null, reason });
  if (full) return fullBecause('--full');
  if (!status) return fullBecause('first sync of this source');
  if (status.stale) return fullBecause('its last sync failed');
  if (status.skipped) return fullBecause('it was skipped last time');
  if (status.fingerprint !== fingerprint) return fullBecause('its settings changed');
  if (!status.watermark) return fullBecause('no watermark yet');
  if (Date.parse(status.watermark) > now.getTime()) return fullBecause('its watermark lies in the future');
  return { mode: 'incremental', since: status.watermark, reason: `updated since ${status.watermark}` };
}

/** The status of `repo` in a snapshot, matched case-insensitively like GitHub names. */
export function statusOf(snapshot: Snapshot | null, repo: string): SourceStatus | undefined {
  return snapshot?.sources.find((s) => s.repo.toLowerCase() === repo.toLowerCase());
}
