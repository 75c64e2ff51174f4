import { describe, expect, it } from 'vitest';
import { cardView } from '../../src/lib/board/card-view.ts';
import { laneViews } from '../../src/lib/board/lane-view.ts';
import { boardAsOf, isStale } from '../../src/lib/board/model.ts';
import { boardHref, laneHref, queryFromParams, queryToParams } from '../../src/lib/board/query.ts';
import { compareBy, sortFromParams } from '../../src/lib/board/sort.ts';
import { staleMeaning } from '../../src/lib/board/stale.ts';
import { summaryView } from '../../src/lib/board/summary-view.ts';
import { tagOptionGroups } from '../../src/lib/board/tag-options.ts';
import { boardItemSchema, type BoardItem } from '../../src/schemas/board-item.ts';

let n = 0;
function item(over: Partial<BoardItem> & Record<string, unknown> = {}): BoardItem {
  n += 1;
  const repo = String(over['repo'] ?? 'acme/r');
  const number = Number(over['number'] ?? n);
  return boardItemSchema.parse({
    title: `Item ${n}`,
    createdAt: '2026-10-01T00:00:00Z',
    updatedAt: '2026-11-20T00:00:00Z',
    ...over,
    key: `${repo}#${number}`,
    repo,
    number,
    url: `https://github.com/${repo}/issues/${number}`,
  });
}
const asOf = new Date('2026-11-25T00:00:00Z');
const names: Record<string, string> = { 'atlas:AML.T0020': 'Poison Training Data' };
const ctx = { asOf, staleAfterDays: 30, tagName: (t: string) => names[t] ?? '' };

describe('boardAsOf', () => {
  it('is the snapshot date, and the build clock only when the board was never synced', () => {
    const clock = () => new Date('2027-01-01T00:00:00Z');
    expect(boardAsOf({ syncedAt: '2026-11-23T06:00:00Z' }, clock).toISOString()).toBe(
      '2026-11-23T06:00:00.000Z',
    );
    expect(boardAsOf({ syncedAt: null }, clock).toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('makes staleness a property of the snapshot, not of the day the page is read', () => {
    const quiet = item({ updatedAt: '2026-10-20T00:00:00Z' });
    const snapshot = { syncedAt: '2026-11-15T00:00:00Z' };
    expect(isStale(quiet, boardAsOf(snapshot), 30)).toBe(false);
    expect(isStale(quiet, new Date('2026-12-01T00:00:00Z'), 30)).toBe(true);
  });

  it('says what stale means next to the count', () => {
    expect(staleMeaning(30, new Date('2026-11-23T06:00:00Z'), true)).toBe(
      'no update on GitHub for more than 30 days before the snapshot of 2026-11-23',
    );
  });
});

describe('cardView', () => {
  it('gives the strings and links a card shows', () => {
    const view = cardView(
      item({
        repo: 'acme/ml',
        number: 7,
        title: 'Bucket writable',
        severity: 'high',
        phases: ['data', 'training'],
        tags: ['atlas:AML.T0020'],
        unknownTags: ['atlas:AML.T9999'],
        assignees: ['dana', 'lee'],
        createdAt: '2026-11-24T00:00:00Z',
        updatedAt: '2026-11-25T00:00:00Z',
      }),
      ctx,
    );
    expect(view).toEqual({
      key: 'acme/ml#7',
      title: 'Bucket writable',
      href: '/board/acme/ml/7/',
      severity: 'high',
      issue: { text: 'acme/ml#7', href: 'https://github.com/acme/ml/issues/7' },
      phases: 'phase: data, training',
      stale: false,
      ages: 'opened 1 day ago · updated today · assigned to dana, lee',
      tags: [
        { id: 'AML.T0020', note: 'Poison Training Data', unknown: false },
        { id: 'atlas:AML.T9999', note: '(unknown ID)', unknown: true },
      ],
    });
  });

  it('names an untitled item, leaves out what is not set, and flags staleness as of the snapshot', () => {
    const view = cardView(item({ title: '', updatedAt: '2026-10-01T00:00:00Z' }), ctx);
    expect(view).toMatchObject({ title: '(no title)', phases: null, stale: true, tags: [] });
    expect(view.ages).toBe('opened 55 days ago · updated 55 days ago');
  });
});

describe('laneViews', () => {
  const security = [
    item({
      owner: 'security',
      severity: 'low',
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-11-24T00:00:00Z',
    }),
    item({ owner: 'security', severity: 'critical', createdAt: '2026-11-01T00:00:00Z' }),
  ];
  const unowned = item({ owner: null });

  it('lists lanes with cards first and collapses the empty ones to a line after them', () => {
    const lanes = laneViews([unowned, ...security], { ...ctx, filtered: true, sort: 'severity' });
    expect(lanes.map((l) => [l.key, l.heading, l.note, l.collapsed])).toEqual([
      ['security', 'Security', '(2 matching)', false],
      ['unowned', 'Needs an owner', '(1 matching)', false],
      ['shared', 'Shared:', 'no matching items', true],
      ['data-science', 'Data science:', 'no matching items', true],
    ]);
    expect(laneViews([], { ...ctx, filtered: false, sort: 'severity' })[0]).toMatchObject({
      heading: 'Security:',
      note: 'no open items',
      cards: [],
      more: null,
    });
  });

  it('orders cards by the chosen sort', () => {
    const keys = (sort: 'severity' | 'age' | 'updated') =>
      laneViews(security, { ...ctx, filtered: false, sort })[0]!.cards.map((c) => c.key);
    expect(keys('severity')).toEqual([security[1]!.key, security[0]!.key]);
    expect(keys('age')).toEqual([security[0]!.key, security[1]!.key]);
    expect(keys('updated')).toEqual([security[0]!.key, security[1]!.key]);
  });

  it('points at the lane pages past the first cards, or asks to narrow a filtered view', () => {
    const many = Array.from({ length: 31 }, () => item({ owner: 'shared' }));
    const served = laneViews(many, { ...ctx, filtered: false, sort: 'severity' })[0]!;
    expect(served.cards).toHaveLength(30);
    expect(served.more).toEqual({ text: 'All 31 items in Shared', href: '/board/lanes/shared/1/' });
    expect(laneViews(many, { ...ctx, filtered: true, sort: 'severity' })[0]!.more).toBeNull();
  });
});

describe('summaryView', () => {
  const items = [
    item({ owner: 'security', severity: 'critical' }),
    item({ owner: 'security', severity: 'critical', updatedAt: '2026-01-01T00:00:00Z' }),
    item({ owner: null, severity: 'low' }),
  ];
  const cell = (view: ReturnType<typeof summaryView>, key: string) =>
    [...view.rows.flatMap((r) => r.cells), ...view.footer].find((c) => c.key === key)!;

  it('counts, shades and links every cell, with totals', () => {
    const view = summaryView(items, { asOf, staleAfterDays: 30, query: { filter: {}, sort: 'severity' } });
    expect(view.caption).toBe('Open risks by owning team and severity');
    expect(cell(view, 'security:critical')).toEqual({
      key: 'security:critical',
      count: 2,
      heat: 4,
      href: '/board/?severity=critical&owner=security',
    });
    expect(cell(view, 'shared:high')).toEqual({ key: 'shared:high', count: 0, heat: 0, href: null });
    expect(cell(view, 'security:total').count).toBe(2);
    expect(cell(view, 'all:total').count).toBe(3);
    expect(view.totals).toEqual([
      { key: 'open', count: 3, label: 'open', href: null },
      { key: 'stale', count: 1, label: 'stale', href: '/board/?stale=1' },
      { key: 'unowned', count: 1, label: 'needs an owner', href: '/board/?owner=unowned' },
    ]);
  });

  it('keeps the active filters and sort in its links', () => {
    const query = { filter: { tag: 'atlas:AML.T0020' }, sort: 'age' as const };
    const view = summaryView(items.slice(0, 1), { asOf, staleAfterDays: 30, query });
    expect(view.caption).toBe('Open risks matching the filters, by owning team and severity');
    expect(view.totals[0]).toMatchObject({ count: 1, label: 'match the filters' });
    expect(cell(view, 'security:critical').href).toBe(
      '/board/?severity=critical&owner=security&tag=atlas%3AAML.T0020&sort=age',
    );
  });
});

describe('board query and sort', () => {
  it('round-trips filters and a sort through the URL, leaving the default sort out', () => {
    const query = queryFromParams(new URLSearchParams('owner=unowned&sort=updated&evil=1'));
    expect(query).toEqual({ filter: { owner: 'unowned' }, sort: 'updated' });
    expect(queryToParams(query).toString()).toBe('owner=unowned&sort=updated');
    expect(boardHref({ filter: { owner: 'unowned' }, sort: 'severity' })).toBe('/board/?owner=unowned');
    expect(boardHref()).toBe('/board/');
    expect(laneHref('shared', 2)).toBe('/board/lanes/shared/2/');
  });

  it('falls back to severity for an unknown sort', () => {
    expect(sortFromParams(new URLSearchParams('sort=random'))).toBe('severity');
  });

  it('breaks ties by the default order, so every sort is stable', () => {
    const a = item({ severity: 'low', createdAt: '2026-01-01T00:00:00Z' });
    const b = item({ severity: 'critical', createdAt: '2026-01-01T00:00:00Z' });
    expect([a, b].sort(compareBy('age'))).toEqual([b, a]);
    // Offsets are compared as instants, not as strings.
    const c = item({ createdAt: '2026-01-01T01:00:00+02:00' });
    const d = item({ createdAt: '2026-01-01T00:00:00Z' });
    expect([d, c].sort(compareBy('age'))).toEqual([c, d]);
  });
});

describe('tagOptionGroups', () => {
  it('groups tags by scheme with their names, unknown IDs last', () => {
    const groups = tagOptionGroups([
      'reg:GDPR',
      'atlas:AML.T0020',
      'atlas:AML.T0010.002',
      'atlas:AML.T9001',
      'atlas:AML.T0020',
    ]);
    expect(groups.map((g) => g.label)).toEqual(['MITRE ATLAS', 'Regulation', 'Unknown IDs']);
    expect(groups[0]!.options.map((o) => o.value)).toEqual(['atlas:AML.T0010.002', 'atlas:AML.T0020']);
    expect(groups[0]!.options[1]).toEqual({
      value: 'atlas:AML.T0020',
      text: 'AML.T0020 — Poison Training Data',
    });
    expect(groups[2]!.options).toEqual([{ value: 'atlas:AML.T9001', text: 'atlas:AML.T9001 (unknown ID)' }]);
  });
});
