import { describe, expect, it } from 'vitest';
import {
  groupRepos,
  labelQualifier,
  MAX_QUERY_LENGTH,
  renderQuery,
  searchTime,
  splitSpec,
  type SearchSpec,
} from '../../src/lib/sync/search-query.ts';

const base = `is:issue is:open ${labelQualifier(['risk', 'threat'])} sort:created-asc`;
const names = (n: number, length = 20) =>
  Array.from({ length: n }, (_, i) => `acme/${`repo-${i}-`.padEnd(length, 'x')}`);

describe('search queries for organisation sources', () => {
  it('quotes labels that hold spaces or commas, and drops quotes GitHub cannot match', () => {
    expect(labelQualifier(['risk', 'needs review', 'a,b', 'say "hi"'])).toBe(
      'label:risk,"needs review","a,b","say hi"',
    );
  });

  it('groups repositories into as few queries as fit 256 characters, with room for a time range', () => {
    const repos = names(300, 40);
    const specs = groupRepos('acme', base, repos);
    expect(specs.flatMap((s) => s.repos)).toEqual(repos);
    const range = {
      field: 'created' as const,
      from: Date.parse('2020-01-01T00:00:00Z'),
      to: Date.parse('2026-12-31T23:59:59Z'),
    };
    specs.forEach((spec, i) => {
      expect(renderQuery({ ...spec, range }).length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
      // Each group is as full as it can be: the next repository would not have fitted.
      const next = specs[i + 1]?.repos?.[0];
      if (next) {
        const fuller = renderQuery({ ...spec, repos: [...spec.repos!, next], range });
        expect(fuller.length).toBeGreaterThan(MAX_QUERY_LENGTH);
      }
    });
    // Short names share a query: seven of these fit in one.
    expect(groupRepos('acme', base, names(300, 8)).length).toBe(Math.ceil(300 / 7));
    expect(renderQuery(specs[0]!)).toMatch(
      /^is:issue is:open label:risk,threat sort:created-asc repo:acme\//,
    );
  });

  it('returns no query for no repositories, and fails clearly when one repository cannot fit', () => {
    expect(groupRepos('acme', base, [])).toEqual([]);
    const labels = labelQualifier(Array.from({ length: 30 }, (_, i) => `label-number-${i}`));
    expect(() => groupRepos('acme', `is:issue ${labels}`, ['acme/x'])).toThrow(
      /longer than GitHub's 256 characters/,
    );
  });

  it('splits a group of repositories into smaller groups covering each once', () => {
    const spec: SearchSpec = { base, repos: names(7), org: 'acme', range: null };
    const parts = splitSpec(spec, 2500, Date.now())!;
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expect(parts.flatMap((p) => p.repos)).toEqual(spec.repos);
  });

  it('splits one repository by time into contiguous ranges, about one per 800 results', () => {
    const now = Date.parse('2026-12-01T12:00:00Z');
    const spec: SearchSpec = { base, repos: ['acme/big'], org: 'acme', range: null };
    const parts = splitSpec(spec, 4000, now)!;
    expect(parts).toHaveLength(5);
    expect(parts[0]!.range!.from).toBe(Date.parse('2008-01-01T00:00:00Z'));
    expect(parts.at(-1)!.range!.to).toBe(now);
    for (let i = 1; i < parts.length; i += 1)
      expect(parts[i]!.range!.from).toBe(parts[i - 1]!.range!.to + 1000);
    expect(parts.every((p) => p.range!.field === 'created')).toBe(true);
    expect(renderQuery(parts[1]!)).toMatch(
      / created:\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00\.\.\d{4}-\S+ repo:acme\/big$/,
    );
  });

  it('splits an organisation-wide change search by update time, and gives up on a single second', () => {
    const from = Date.parse('2026-11-30T00:00:00Z');
    const spec: SearchSpec = {
      base: 'is:issue sort:updated-asc',
      repos: null,
      org: 'acme',
      range: { field: 'updated', from, to: from + 3600_000 },
    };
    const parts = splitSpec(spec, 1700, Date.now())!;
    expect(parts.map((p) => p.range!.field)).toEqual(['updated', 'updated', 'updated']);
    expect(renderQuery(parts[0]!)).toBe(
      `is:issue sort:updated-asc updated:${searchTime(from)}..${searchTime(parts[0]!.range!.to)} org:acme`,
    );
    expect(splitSpec({ ...spec, range: { field: 'updated', from, to: from } }, 1200, Date.now())).toBeNull();
  });
});
