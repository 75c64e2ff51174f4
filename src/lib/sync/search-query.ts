/**
 * GitHub issue-search queries for organisation sources, within GitHub's limits: at most 256
 * characters (so repositories are grouped into as few `repo:` lists as fit), and at most 1,000
 * results reachable per query (so a query that matches more is split: a group of repositories
 * into smaller groups, one repository or an organisation into time ranges).
 * https://docs.github.com/en/search-github/getting-started-with-searching-on-github/troubleshooting-search-queries
 */
import { SyncError } from './errors.ts';

/** GitHub refuses longer search queries. */
export const MAX_QUERY_LENGTH = 256;
/** GitHub returns at most this many results of one search, however many match. */
export const SEARCH_RESULT_CAP = 1000;
/** Room kept in every query for a time range added when it has to be split. */
const RANGE_ROOM = ' created:2026-01-01T00:00:00+00:00..2026-01-01T00:00:00+00:00'.length;
/** Issues on GitHub are no older than this; the first range to split starts here. */
const EPOCH_MS = Date.parse('2008-01-01T00:00:00Z');

export interface TimeRange {
  field: 'created' | 'updated';
  /** Inclusive bounds, in milliseconds, on whole seconds. */
  from: number;
  to: number;
}

/** One search: fixed qualifiers, the repositories (or the organisation) it covers, an optional range. */
export interface SearchSpec {
  /** Qualifiers every part shares, e.g. `is:issue is:open label:risk,threat sort:created-asc`. */
  base: string;
  /** `owner/name` of each repository searched, or null to search the whole organisation. */
  repos: readonly string[] | null;
  org: string;
  range: TimeRange | null;
}

/** A label as a search value: quoted when it holds a space, a comma or a quote (which GitHub cannot match). */
const searchValue = (label: string) => (/[\s,"]/.test(label) ? `"${label.replace(/"/g, '')}"` : label);

/** `label:a,b`: any of the labels. */
export function labelQualifier(labels: readonly string[]): string {
  return `label:${labels.map(searchValue).join(',')}`;
}

/** GitHub's date-time form for search qualifiers. */
export function searchTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

export function renderQuery(spec: SearchSpec): string {
  const scope = spec.repos === null ? [`org:${spec.org}`] : spec.repos.map((repo) => `repo:${repo}`);
  const range = spec.range
    ? [`${spec.range.field}:${searchTime(spec.range.from)}..${searchTime(spec.range.to)}`]
    : [];
  return [spec.base, ...range, ...scope].join(' ');
}

/**
 * Groups repositories into searches of at most 256 characters each, leaving room for a range,
 * in the order given; a base too long for even one repository is a configuration error.
 */
export function groupRepos(org: string, base: string, repos: readonly string[]): SearchSpec[] {
  const room = MAX_QUERY_LENGTH - RANGE_ROOM;
  const specs: SearchSpec[] = [];
  let group: string[] = [];
  let length = base.length;
  for (const repo of repos) {
    const add = ` repo:${repo}`.length;
    if (base.length + add > room) {
      throw new SyncError(
        'config',
        `the search for ${repo} would be longer than GitHub's ${MAX_QUERY_LENGTH} characters; use fewer or shorter selecting labels`,
      );
    }
    if (length + add > room) {
      specs.push({ base, repos: group, org, range: null });
      group = [];
      length = base.length;
    }
    group.push(repo);
    length += add;
  }
  if (group.length) specs.push({ base, repos: group, org, range: null });
  return specs;
}

/**
 * Splits a search that matched `count` (more than 1,000) results into parts expected to match at
 * most about 800 each: a group of repositories into smaller groups, otherwise its time range
 * (the whole of GitHub's history up to `now` when it has none) into equal slices. Null when it
 * cannot be split further: a single second of one repository.
 */
export function splitSpec(spec: SearchSpec, count: number, now: number): SearchSpec[] | null {
  const parts = Math.max(2, Math.ceil(count / 800));
  if (spec.repos && spec.repos.length > 1) {
    const size = Math.ceil(spec.repos.length / Math.min(parts, spec.repos.length));
    const groups: SearchSpec[] = [];
    for (let i = 0; i < spec.repos.length; i += size) {
      groups.push({ ...spec, repos: spec.repos.slice(i, i + size) });
    }
    return groups;
  }
  const field = /\bsort:updated/.test(spec.base) ? 'updated' : 'created';
  const range = spec.range ?? { field, from: EPOCH_MS, to: Math.floor(now / 1000) * 1000 };
  const seconds = (range.to - range.from) / 1000 + 1;
  if (seconds < 2) return null;
  const slices = Math.min(parts, seconds);
  const step = Math.ceil(seconds / slices) * 1000;
  const ranges: SearchSpec[] = [];
  for (let from = range.from; from <= range.to; from += step) {
    ranges.push({ ...spec, range: { ...range, from, to: Math.min(range.to, from + step - 1000) } });
  }
  return ranges;
}
