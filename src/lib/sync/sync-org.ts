import { createHash } from 'node:crypto';
import type { BoardItem } from '../../schemas/board-item.ts';
import type { OrgStatus, Snapshot } from '../../schemas/snapshot.ts';
import type { OrgSource, RepoSource, SourcesConfig } from '../../schemas/sources.ts';
import { githubIssueUrl } from '../links.ts';
import type { GraphqlClient } from './client.ts';
import { SyncError } from './errors.ts';
import { isoSeconds } from './iso-seconds.ts';
import { itemKey, type MapContext } from './map-issue.ts';
import { applyIssues, type SourceItems } from './merge.ts';
import {
  listRepositories,
  skipReason,
  type Listing,
  type OrgRepository,
  type SkipReason,
} from './org-repos.ts';
import { planSource } from './plan.ts';
import { cleanText } from './plain-text.ts';
import type { Reporter } from './progress.ts';
import type { RawIssue } from './response.ts';
import { runSearches, type SearchTask } from './search-batch.ts';
import { groupRepos, labelQualifier } from './search-query.ts';
import type { SourceReport } from './summary.ts';

/** GitHub's search index trails writes by seconds to minutes; each incremental search reaches back this far before the watermark. */
export const SEARCH_LAG_MS = 10 * 60_000;
/** The full list of repositories is read again after this long, whatever the cheap checks say. */
export const REDISCOVER_AFTER_MS = 24 * 3600_000;

export interface OrgResult extends SourceItems {
  status: OrgStatus;
  report: SourceReport;
}

export interface OrgInput {
  client: GraphqlClient;
  source: OrgSource;
  config: SourcesConfig;
  /** The usable previous snapshot, or null. */
  previous: Snapshot | null;
  full: boolean;
  webUrl: string;
  now: Date;
  reporter: Reporter;
  /** Repositories (lower case `owner/name`) listed as `repo:` sources, read there and not here. */
  listedAsRepo: ReadonlySet<string>;
}

/** Hash of everything that shapes an organisation's items; a change makes the next sync full. */
export function orgFingerprint(source: OrgSource, config: SourcesConfig): string {
  const lower = (list: readonly string[]) => list.map((x) => x.toLowerCase()).sort();
  const shape = {
    org: source.org.toLowerCase(),
    include: lower(source.include),
    exclude: lower(source.exclude),
    labels: lower(source.labels),
    includePrivate: source.includePrivate,
    includeArchived: source.includeArchived,
    conventions: config.conventions,
    issueForm: config.issueForm,
    body: config.body,
  };
  return createHash('sha256').update(JSON.stringify(shape)).digest('hex').slice(0, 16);
}

/** The status of an organisation in a snapshot, matched case-insensitively. */
export function orgStatusOf(snapshot: Snapshot | null, org: string): OrgStatus | undefined {
  return snapshot?.orgs.find((s) => s.org.toLowerCase() === org.toLowerCase());
}

/**
 * Syncs one organisation. A full sync lists every repository (100 a request) and reads the open
 * labelled issues of those it selects through grouped `repo:` searches, several a request. An
 * incremental one asks for the repositories changed since the last sync (one request when
 * nothing did) and, in one search over the whole organisation, for every issue updated since
 * the watermark; repositories that joined the selection are read in full in the same requests,
 * renamed ones keep their items under the new name, and ones that left it (deleted,
 * transferred, turned private or archived, renamed out of the globs) leave the board.
 * A non-fatal failure keeps the organisation's last good items, marked stale.
 */
export async function syncOrg(input: OrgInput): Promise<OrgResult> {
  const { source, previous, reporter, now } = input;
  const label = `org:${source.org}`;
  const fingerprint = orgFingerprint(source, input.config);
  const last = orgStatusOf(previous, source.org);
  const plan = planSource(
    last && { stale: last.stale, skipped: null, fingerprint: last.fingerprint, watermark: last.watermark },
    fingerprint,
    input.full,
    now,
  );
  reporter.start(label, plan.mode, plan.reason);
  const report: SourceReport = {
    repo: label,
    mode: plan.mode,
    status: 'ok',
    items: 0,
    pages: 0,
    issues: 0,
    message: null,
    repos: [],
  };
  const lastRepos = new Map((last?.repos ?? []).map((r) => [r.id, r.name]));
  try {
    const result = await readOrg(input, plan.mode === 'full' ? null : last!, last ?? null, report);
    reporter.done(
      label,
      `${result.status.repos.length} of ${result.status.repoCount} repositories read, ${report.issues} issue(s) read, ${result.items.length} on the board`,
    );
    return { ...result, report: { ...report, items: result.items.length } };
  } catch (error) {
    if (error instanceof SyncError && error.fatal) throw error;
    const names = new Set([...lastRepos.values()].map((name) => name.toLowerCase()));
    const mine = (list: readonly BoardItem[] = []) => list.filter((i) => names.has(i.repo.toLowerCase()));
    const items = mine(previous?.items);
    const message = cleanText(
      error instanceof SyncError ? error.message : `unexpected error: ${String(error)}`,
      500,
    );
    reporter.warn(`${label}: ${message}; keeping its ${items.length} last good item(s), marked stale`);
    const status: OrgStatus = {
      ...(last ?? emptyStatus(source)),
      items: items.length,
      stale: true,
      error: message,
    };
    return {
      items,
      closed: mine(previous?.closed),
      status,
      report: { ...report, status: 'failed', items: items.length, message, repos: [...lastRepos.values()] },
    };
  }
}

function emptyStatus(source: OrgSource): OrgStatus {
  return {
    org: source.org,
    items: 0,
    watermark: null,
    discoveredAt: null,
    reposSeenAt: null,
    repoCount: 0,
    repos: [],
    skipped: { private: 0, archived: 0, excluded: 0, noIssues: 0, listedAsRepo: 0 },
    stale: false,
    error: null,
    fingerprint: null,
    labels: source.labels,
  };
}

/** `last` is the previous status for an incremental sync, null for a full one; `prior` the previous status either way. */
async function readOrg(
  input: OrgInput,
  last: OrgStatus | null,
  prior: OrgStatus | null,
  report: SourceReport,
): Promise<Omit<OrgResult, 'report'>> {
  const { client, source, config, previous, reporter, now } = input;
  const lastRepos = new Map((prior?.repos ?? []).map((r) => [r.id, r.name]));
  const label = `org:${source.org}`;
  const nowMs = now.getTime();
  const onListed = (repos: number) => reporter.progress(label, `${repos} repositories listed`);

  // 1. Which repositories: all of them, or only those changed since the last listing.
  let complete = last === null || !last.reposSeenAt || !last.discoveredAt;
  complete ||= nowMs - Date.parse(last!.discoveredAt!) > REDISCOVER_AFTER_MS;
  let listing: Listing = await listRepositories(
    client,
    source.org,
    complete ? null : last!.reposSeenAt,
    onListed,
  );
  if (!complete) {
    const since = Date.parse(last!.reposSeenAt!);
    const created = listing.repos.filter((r) => Date.parse(r.createdAt) > since).length;
    if (listing.totalCount !== last!.repoCount + created) {
      reporter.warn(
        `${label}: ${last!.repoCount + created - listing.totalCount} repositories deleted or transferred since the last sync; listing them all`,
      );
      listing = await listRepositories(client, source.org, null, onListed);
      complete = true;
    }
  }

  // 2. What changed in the selection.
  const skipped = { private: 0, archived: 0, excluded: 0, noIssues: 0, listedAsRepo: 0 };
  const selected = new Map<string, Pick<OrgRepository, 'id' | 'nameWithOwner'>>(); // id → repository read this time
  const joined = new Set<string>(); // ids read in full: new to the selection
  const renames = new Map<string, string>(); // old lower-case name → new name
  const left: string[] = [];
  const listedIds = new Set(listing.repos.map((r) => r.id));
  for (const repo of listing.repos) {
    const reason: SkipReason | null = skipReason(repo, source, input.listedAsRepo);
    const before = lastRepos.get(repo.id);
    if (reason !== null) {
      skipped[reason] += 1;
      if (before !== undefined) left.push(`${before} (${describe(reason)})`);
      continue;
    }
    selected.set(repo.id, repo);
    if (before === undefined || last === null) joined.add(repo.id);
    if (before !== undefined && before !== repo.nameWithOwner)
      renames.set(before.toLowerCase(), repo.nameWithOwner);
  }
  for (const [id, name] of lastRepos) {
    if (listedIds.has(id)) continue;
    if (complete) left.push(`${name} (deleted or transferred)`);
    else selected.set(id, { id, nameWithOwner: name }); // unchanged since the last listing
  }
  for (const name of left) reporter.warn(`${label}: ${name} is no longer read; its items leave the board`);
  for (const [from, to] of renames)
    reporter.warn(`${label}: ${from} was renamed to ${to}; its items move with it`);

  // 3. One round of searches: changes across the organisation, and new repositories in full.
  const openBase = `is:issue is:open ${labelQualifier(source.labels)} sort:created-asc`;
  const fullNames = [...selected.values()].filter((r) => joined.has(r.id)).map((r) => r.nameWithOwner);
  const tasks: SearchTask[] = groupRepos(source.org, openBase, fullNames).map((spec) => ({
    spec,
    kind: 'open',
    cursor: null,
  }));
  const since = last ? Date.parse(last.watermark!) - SEARCH_LAG_MS : null;
  if (since !== null) {
    tasks.unshift({
      spec: {
        base: 'is:issue sort:updated-asc',
        repos: null,
        org: source.org,
        range: {
          field: 'updated',
          from: Math.floor(since / 1000) * 1000,
          to: Math.floor(nowMs / 1000) * 1000,
        },
      },
      kind: 'since',
      cursor: null,
    });
  }
  const run = await runSearches(client, tasks, {
    perRequest: config.network.searchesPerRequest,
    now,
    onPage: (pages, issues) => reporter.page(label, pages, issues),
  });
  report.pages = run.pages + listing.requests;
  report.issues = run.issues.open.length + run.issues.since.length;

  // 4. Apply per repository, with each one's previous items (renamed ones under their new name).
  const byName = new Map<string, { items: BoardItem[]; closed: BoardItem[] }>();
  const take = (list: readonly BoardItem[] = [], into: 'items' | 'closed') => {
    for (const item of list) {
      const to = renames.get(item.repo.toLowerCase());
      const moved = to ? renameItem(item, to, input.webUrl) : item;
      const key = moved.repo.toLowerCase();
      if (!byName.has(key)) byName.set(key, { items: [], closed: [] });
      byName.get(key)![into].push(moved);
    }
  };
  take(previous?.items, 'items');
  take(previous?.closed, 'closed');
  const openHits = groupByRepo(run.issues.open);
  const changeHits = groupByRepo(run.issues.since);
  const context: MapContext = {
    conventions: config.conventions,
    issueForm: config.issueForm,
    body: config.body,
    webUrl: input.webUrl,
  };
  const lastSync = prior ? (previous?.syncedAt ?? null) : null;
  const items: BoardItem[] = [];
  const closed: BoardItem[] = [];
  for (const repo of selected.values()) {
    const key = repo.nameWithOwner.toLowerCase();
    const before = byName.get(key) ?? { items: [], closed: [] };
    const full = joined.has(repo.id);
    const issues = (full ? openHits : changeHits).get(key);
    if (!full && !issues) {
      items.push(...before.items);
      closed.push(...before.closed);
      continue;
    }
    const applied = applyIssues({
      source: repoSourceOf(source, repo.nameWithOwner),
      mode: full ? 'full' : 'incremental',
      previous: before,
      previousWatermark: last?.watermark ?? null,
      lastSync: full && !lastRepos.has(repo.id) ? null : lastSync,
      nameWithOwner: repo.nameWithOwner,
      issues: issues ?? [],
      context,
      now,
      warn: (message) => reporter.warn(message),
    });
    items.push(...applied.items);
    closed.push(...applied.closed);
  }

  // 5. Where the next sync starts.
  const seen = [...run.issues.since, ...run.issues.open].map((i) => Date.parse(i.updatedAt));
  const latest = Math.min(nowMs, Math.max(...seen.filter((ms) => !Number.isNaN(ms)), -Infinity));
  const watermark = Number.isFinite(latest)
    ? isoSeconds(new Date(latest))
    : (last?.watermark ?? isoSeconds(now));
  const repoTimes = listing.repos.map((r) => Date.parse(r.updatedAt)).filter((ms) => !Number.isNaN(ms));
  const reposSeenAt = isoSeconds(
    new Date(Math.max(Date.parse(last?.reposSeenAt ?? '') || 0, ...repoTimes, 0) || nowMs),
  );
  const repos = [...selected.values()]
    .map((r) => ({ id: r.id, name: r.nameWithOwner }))
    .sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1));
  report.repos = repos.map((r) => r.name);
  return {
    items,
    closed,
    status: {
      org: source.org,
      items: items.length,
      watermark,
      discoveredAt: complete ? isoSeconds(now) : last!.discoveredAt,
      reposSeenAt,
      repoCount: listing.totalCount,
      repos,
      // Counted on a complete listing; between two, the last counts stand.
      skipped: complete ? skipped : last!.skipped,
      stale: false,
      error: null,
      fingerprint: orgFingerprint(source, config),
      labels: source.labels,
    },
  };
}

const describe = (reason: SkipReason) =>
  ({
    private: 'now private',
    archived: 'now archived',
    excluded: 'outside the include/exclude globs',
    noIssues: 'issues turned off',
    listedAsRepo: 'listed as its own source',
  })[reason];

/** The organisation's settings as they apply to one of its repositories. */
function repoSourceOf(source: OrgSource, repo: string): RepoSource {
  return {
    repo,
    labels: source.labels,
    includePrivate: source.includePrivate,
    includeArchived: source.includeArchived,
  };
}

/** Issues by lower-case repository, each once (the latest update wins). */
function groupByRepo(issues: readonly RawIssue[]): Map<string, RawIssue[]> {
  const unique = new Map<string, RawIssue>();
  for (const issue of issues) {
    const key = `${issue.repository.nameWithOwner.toLowerCase()}#${issue.number}`;
    const seen = unique.get(key);
    if (!seen || Date.parse(issue.updatedAt) >= Date.parse(seen.updatedAt)) unique.set(key, issue);
  }
  const byRepo = new Map<string, RawIssue[]>();
  for (const issue of unique.values()) {
    const key = issue.repository.nameWithOwner.toLowerCase();
    if (!byRepo.has(key)) byRepo.set(key, []);
    byRepo.get(key)!.push(issue);
  }
  return byRepo;
}

/** An item of a renamed repository, under its new name: same issue, same history. */
export function renameItem(item: BoardItem, repo: string, webUrl: string): BoardItem {
  return {
    ...item,
    repo,
    key: itemKey(repo, item.number),
    url: githubIssueUrl(webUrl, repo, item.number),
  };
}
