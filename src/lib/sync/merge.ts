import { z } from 'astro/zod';
import type { BoardItem } from '../../schemas/board-item.ts';
import type { RepoSource } from '../../schemas/sources.ts';
import { closeItem, notAfter, openItem } from './changes.ts';
import { isoSeconds } from './iso-seconds.ts';
import { isSelected, itemKey, type MapContext } from './map-issue.ts';
import { mapSafely } from './map-safely.ts';
import { cleanLogin } from './plain-text.ts';
import type { RawIssue } from './response.ts';

/** One source's part of a snapshot: its open items and those closed within the window. */
export interface SourceItems {
  items: BoardItem[];
  closed: BoardItem[];
}

export interface ApplyInput {
  source: RepoSource;
  /** `full` re-reads the source's open issues; `incremental` updates the previous items. */
  mode: 'full' | 'incremental';
  previous: Readonly<SourceItems>;
  previousWatermark: string | null;
  /** When the source was last synced; null on its first sync, so history starts at creation dates. */
  lastSync: string | null;
  /** The repository as GitHub names it, to check each issue belongs to it. */
  nameWithOwner: string;
  issues: readonly RawIssue[];
  context: MapContext;
  /** When the sync started: no watermark or recorded change may lie beyond it. */
  now: Date;
  warn: (message: string) => void;
}

/**
 * Applies fetched issues to one source's items. An issue is on the board when it is open,
 * carries a selecting label and is in the expected public (or opted-in) repository. One that
 * was on the board and is now closed moves to `closed`, and back when reopened; one that lost
 * its label, or turned out to be in another or a private repository, just leaves. Each item
 * carries its history forward, with what changed since the last run appended (changes.ts).
 *
 * The watermark is the latest `updatedAt` seen, selected or not, but never later than the
 * start of the sync: an issue dated 2099 must not make later syncs miss new issues. One issue
 * can never fail its source (map-safely.ts).
 */
export function applyIssues(input: ApplyInput): SourceItems & { watermark: string | null } {
  const { source, issues, warn } = input;
  const now = isoSeconds(input.now);
  const before = new Map([...input.previous.items, ...input.previous.closed].map((i) => [i.key, i]));
  const open = new Map(input.mode === 'incremental' ? input.previous.items.map((i) => [i.key, i]) : []);
  const closed = new Map(input.previous.closed.map((i) => [i.key, i]));
  const seen = new Set<string>();
  let watermark = input.mode === 'incremental' ? input.previousWatermark : null;
  let latest = Date.parse(watermark ?? '');
  for (const issue of issues) {
    const key = itemKey(source.repo, issue.number);
    const updated = Date.parse(issue.updatedAt);
    if (!Number.isNaN(updated) && !(updated <= latest)) [latest, watermark] = [updated, issue.updatedAt];
    seen.add(key);
    open.delete(key);
    closed.delete(key);
    const sameRepo = issue.repository.nameWithOwner.toLowerCase() === input.nameWithOwner.toLowerCase();
    const visible = issue.repository.visibility === 'PUBLIC' || source.includePrivate;
    const live = !issue.repository.isArchived || source.includeArchived;
    if (!sameRepo || !visible || !live) {
      const where = !sameRepo
        ? 'another repository'
        : !visible
          ? 'a private repository'
          : 'an archived repository';
      warn(`${key}: skipped, it belongs to ${where}`);
      continue;
    }
    const item = observe(issue, before.get(key), input, now);
    if (item) (item.closedAt === null ? open : closed).set(key, item);
  }
  if (input.mode === 'full') {
    // A full sync reads only open labelled issues, so it cannot tell an issue closed since the
    // last run from one whose label was removed, or deleted, without a request per item: every
    // item gone from the answer is taken as closed now, by someone unknown.
    for (const item of input.previous.items) {
      if (!seen.has(item.key)) closed.set(item.key, closeItem(item, item, now, null, now));
    }
  }
  if (latest > input.now.getTime()) watermark = now;
  return { items: [...open.values()], closed: [...closed.values()], watermark };
}

/**
 * The item an issue becomes, open or closed, or null when it is not on the board. A closed
 * issue is recorded when it was on the board, or when it was opened and closed (with a
 * selecting label) since the last sync; closed issues the board never showed stay out. An
 * open one whose last close lies after the last sync was closed and reopened in between.
 */
function observe(issue: RawIssue, prior: BoardItem | undefined, input: ApplyInput, now: string) {
  const { source, context, warn, lastSync } = input;
  const selected = isSelected(issue, source.labels);
  const since = (at: string | null) => lastSync !== null && Date.parse(at ?? '') > Date.parse(lastSync);
  if (issue.state === 'OPEN') {
    const item = selected ? mapSafely(issue, source.repo, context, prior, warn) : null;
    const bounced = isDateTime(issue.lastClosedAt) && since(issue.lastClosedAt) ? issue.lastClosedAt : null;
    return item && openItem(item, prior, { lastSync, now, bounced });
  }
  const openedSince = since(issue.createdAt);
  if (!prior && !(selected && openedSince)) return null;
  const item = mapSafely(issue, source.repo, context, prior, warn);
  if (!item) return null;
  const closedAt = isDateTime(issue.closedAt) ? notAfter(issue.closedAt, now) : notAfter(item.updatedAt, now);
  return closeItem(item, prior, closedAt, cleanLogin(issue.closedBy), now);
}

const dateTime = z.iso.datetime({ offset: true });
const isDateTime = (value: string | null): value is string => dateTime.safeParse(value).success;
