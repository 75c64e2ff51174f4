import type { Snapshot } from '../../schemas/snapshot.ts';

export interface SourceReport {
  repo: string;
  mode: 'full' | 'incremental';
  status: 'ok' | 'skipped' | 'failed';
  /** Items this source has on the board after the sync. */
  items: number;
  /** Pages fetched and issues received. */
  pages: number;
  issues: number;
  /** Why it was skipped or failed. */
  message: string | null;
  /** For an organisation (`repo` is then `org:<name>`): the repositories read. */
  repos?: string[];
}

export interface SummaryInput {
  snapshot: Snapshot;
  reports: readonly SourceReport[];
  requests: number;
  points: number;
  remaining: number | null;
  /** For a GitHub App: who the sync signed in as, and the REST requests and tokens that took. */
  signIn?: { as: string; requests: number; tokens: number } | null;
  elapsedMs: number;
  /** What happened to the file: `written`, `unchanged` or `not written (--dry-run)`. */
  file: string;
}

const OWNER_ORDER = ['security', 'data-science', 'shared', null] as const;

/** The closing summary: items per source and owner, recently closed items, requests, points and time. */
export function formatSummary({
  snapshot,
  reports,
  requests,
  points,
  remaining,
  signIn = null,
  elapsedMs,
  file,
}: SummaryInput): string {
  const width = Math.max(...reports.map((r) => r.repo.length), 4);
  const lines = reports.map((report) => {
    const head = `  ${report.repo.padEnd(width)}  ${report.mode.padEnd(11)}`;
    if (report.status === 'skipped') return `${head}  skipped: ${report.message}`;
    const repos = new Set((report.repos ?? [report.repo]).map((r) => r.toLowerCase()));
    const mine = snapshot.items.filter((i) => repos.has(i.repo.toLowerCase()));
    const owners = OWNER_ORDER.map((owner) => {
      const count = mine.filter((i) => i.owner === owner).length;
      return `${owner ?? 'needs an owner'} ${count}`;
    }).join(', ');
    const state =
      report.status === 'failed' ? `  FAILED, last good items kept and marked stale: ${report.message}` : '';
    return `${head}  ${String(report.items).padStart(5)} items (${owners}), ${report.pages} page(s)${orgLine(snapshot, report)}${attention(mine)}${state}`;
  });
  const seconds = (elapsedMs / 1000).toFixed(1);
  const closed = snapshot.closed.length;
  const { retentionDays } = snapshot.settings;
  return [
    `Board sync: ${snapshot.items.length} items from ${reports.length} source(s) in ${seconds} s`,
    ...lines,
    ...(closed ? [`  ${closed} item(s) closed in the last ${retentionDays} days, kept for the agenda`] : []),
    `  ${requests} request(s), ${points} rate-limit point(s) used${remaining === null ? '' : `, ${remaining} left`}`,
    ...(signIn
      ? [
          `  signed in as ${signIn.as}: ${signIn.tokens} installation token(s), ${signIn.requests} sign-in request(s)`,
        ]
      : []),
    `  snapshot ${file}`,
    '',
  ].join('\n');
}

/** For an organisation: how many repositories were read, and why the others were not. */
function orgLine(snapshot: Snapshot, report: SourceReport): string {
  if (!report.repos) return '';
  const status = snapshot.orgs.find((o) => `org:${o.org}`.toLowerCase() === report.repo.toLowerCase());
  if (!status) return '';
  const reasons = [
    [status.skipped.private, 'private'],
    [status.skipped.archived, 'archived'],
    [status.skipped.excluded, 'excluded by the globs'],
    [status.skipped.noIssues, 'with issues off'],
    [status.skipped.listedAsRepo, 'listed on their own'],
  ] as const;
  const left = reasons.filter(([n]) => n > 0).map(([n, why]) => `${n} ${why}`);
  return `, ${status.repos.length} of ${status.repoCount} repositories read${left.length ? ` (not read: ${left.join(', ')})` : ''}`;
}

/** What a maintainer should look at: items whose labels were not applied or whose body shows as an excerpt. */
function attention(items: readonly Snapshot['items'][number][]): string {
  const flagged = items.filter((i) => i.flags.length > 0).length;
  const excerpts = items.filter((i) => i.bodySkipped !== null).length;
  const notes = [
    flagged ? `${flagged} with label problems` : '',
    excerpts ? `${excerpts} shown as excerpts` : '',
  ].filter(Boolean);
  return notes.length ? `, ${notes.join(', ')} (see their board pages)` : '';
}
