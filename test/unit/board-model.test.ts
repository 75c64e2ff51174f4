import { describe, expect, it } from 'vitest';
import { markdownText } from '../../src/lib/markdown-link.ts';
import {
  filterFromParams,
  filterToParams,
  matchesFilter,
  searchableText,
} from '../../src/lib/board/filters.ts';
import { ageInDays, groupIntoLanes, isStale } from '../../src/lib/board/model.ts';
import { filterOptions, toBoardData } from '../../src/lib/board/data.ts';
import { boardTotals, freshness, heatLevel, relativeAge, summaryTable } from '../../src/lib/board/summary.ts';
import { buildCoverage } from '../../src/lib/board/coverage.ts';
import { feedItems } from '../../src/lib/board/feed-items.ts';
import { relatedRisks } from '../../src/lib/board/related.ts';
import { entriesOf } from '../../src/lib/taxonomy.ts';
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
const now = new Date('2026-11-25T00:00:00Z');

describe('groupIntoLanes', () => {
  it('puts items in their owner lane, unowned last, by severity then oldest first', () => {
    const a = item({ owner: 'security', severity: 'low', createdAt: '2026-01-01T00:00:00Z' });
    const b = item({ owner: 'security', severity: 'critical', createdAt: '2026-11-01T00:00:00Z' });
    const c = item({ owner: 'security', severity: 'critical', createdAt: '2026-10-01T00:00:00Z' });
    const d = item({ owner: null });
    const lanes = groupIntoLanes([a, b, c, d]);
    expect(lanes.map((l) => l.label)).toEqual(['Security', 'Shared', 'Data science', 'Needs an owner']);
    expect(lanes[0]!.items.map((i) => i.key)).toEqual([c.key, b.key, a.key]);
    expect(lanes[3]!.items).toEqual([d]);
  });
});

describe('staleness and age', () => {
  it('flags an item with no update past the threshold', () => {
    expect(isStale(item({ updatedAt: '2026-10-26T00:00:00Z' }), now, 30)).toBe(false);
    expect(isStale(item({ updatedAt: '2026-10-25T00:00:00Z' }), now, 30)).toBe(true);
  });
  it('counts whole days', () => {
    expect(ageInDays('2026-11-23T12:00:00Z', now)).toBe(1);
  });
});

describe('summary', () => {
  const items = [
    item({ owner: 'security', severity: 'critical' }),
    item({ owner: 'security', severity: 'critical' }),
    item({ owner: 'data-science', severity: 'low', updatedAt: '2026-01-01T00:00:00Z' }),
    item({ owner: null }),
  ];

  it('counts open items per owner and severity, with totals', () => {
    const table = summaryTable(items);
    expect(table.rows.find((r) => r.lane === 'security')!.counts.critical).toBe(2);
    expect(table.rows.find((r) => r.lane === 'unowned')!.counts.unrated).toBe(1);
    expect(table.totals).toMatchObject({ critical: 2, low: 1, unrated: 1, all: 4 });
    expect(table.max).toBe(2);
  });

  it('shades only non-empty cells, the largest darkest', () => {
    expect([heatLevel(0, 10), heatLevel(1, 10), heatLevel(10, 10)]).toEqual([0, 1, 4]);
  });

  it('totals open, stale and unowned items', () => {
    expect(boardTotals(items, now, 30)).toEqual({ open: 4, stale: 1, unowned: 1 });
  });

  it('says how old the snapshot is and warns past the threshold', () => {
    expect(freshness(null, now, 48)).toBeNull();
    expect(freshness('2026-11-24T21:00:00Z', now, 48)).toEqual({ hours: 3, tooOld: false });
    expect(freshness('2026-11-20T00:00:00Z', now, 48)).toEqual({ hours: 120, tooOld: true });
    expect([relativeAge(0), relativeAge(1), relativeAge(3), relativeAge(120)]).toEqual([
      'less than an hour ago',
      '1 hour ago',
      '3 hours ago',
      '5 days ago',
    ]);
  });
});

describe('filters', () => {
  const a = item({
    owner: 'security',
    severity: 'high',
    phases: ['training'],
    tags: ['atlas:AML.T0020'],
    assignees: ['dana'],
    title: 'Bucket writable',
  });
  const b = item({
    owner: null,
    severity: 'low',
    unknownTags: ['atlas:AML.T9999'],
    updatedAt: '2026-01-01T00:00:00Z',
    repo: 'acme/other',
    key: 'acme/other#1',
  });
  const ctx = { asOf: now, staleAfterDays: 30 };

  it('round-trips through the URL query, ignoring empty values', () => {
    const params = new URLSearchParams('severity=high&owner=&tag=atlas%3AAML.T0020&stale=1&q=%20bucket%20');
    const filter = filterFromParams(params);
    expect(filter).toEqual({ severity: 'high', tag: 'atlas:AML.T0020', stale: true, q: 'bucket' });
    expect(filterToParams(filter).toString()).toBe('severity=high&tag=atlas%3AAML.T0020&stale=1&q=bucket');
  });

  it.each([
    [{ severity: 'high' }, ['a']],
    [{ owner: 'unowned' }, ['b']],
    [{ phase: 'training' }, ['a']],
    [{ tag: 'atlas:AML.T9999' }, ['b']],
    [{ repo: 'acme/other' }, ['b']],
    [{ assignee: 'dana' }, ['a']],
    [{ stale: true }, ['b']],
    [{ q: 'BUCKET writable' }, ['a']],
    [{ q: 'poison training' }, ['a']],
    [{ severity: 'high', owner: 'unowned' }, []],
  ])('filters by %j', (filter, expected) => {
    const names = (t: string) => (t === 'atlas:AML.T0020' ? 'Poison Training Data' : '');
    const hits = [a, b].filter((i) => matchesFilter(i, filter, { ...ctx, text: searchableText(i, names) }));
    expect(hits.map((i) => (i === a ? 'a' : 'b'))).toEqual(expected);
  });

  it('offers only the values present on the board', () => {
    expect(filterOptions([a, b])).toEqual({
      phases: ['training'],
      tags: [
        {
          label: 'MITRE ATLAS',
          options: [{ value: 'atlas:AML.T0020', text: 'AML.T0020 — Poison Training Data' }],
        },
        {
          label: 'Unknown IDs',
          options: [{ value: 'atlas:AML.T9999', text: 'atlas:AML.T9999 (unknown ID)' }],
        },
      ],
      repos: ['acme/other', 'acme/r'],
      assignees: ['dana'],
    });
  });

  it('sends items without bodies and tag names once', () => {
    const data = toBoardData(
      [item({ bodyHTML: '<p>secret-ish body</p>', tags: ['atlas:AML.T0020'] })],
      null,
      30,
    );
    expect(JSON.stringify(data)).not.toContain('secret-ish body');
    expect(data.tagNames).toEqual({ 'atlas:AML.T0020': 'Poison Training Data' });
    expect(toBoardData([], '2026-11-23T06:00:00Z', 30).asOf).toBe('2026-11-23T06:00:00.000Z');
  });
});

describe('related content', () => {
  it('relates risks by shared taxonomy tags; a shared phase alone is not enough', () => {
    const byTag = item({ tags: ['owasp-ml:ML02:2023'], severity: 'low' });
    const byPhase = item({ phases: ['deployment'], severity: 'critical' });
    const unrelated = item({ phases: ['governance'] });
    const page = { tags: ['owasp-ml:ML02:2023'], phases: ['deployment'] };
    expect(relatedRisks(page, [unrelated, byPhase, byTag]).map((r) => r.item)).toEqual([byTag]);
  });
});

describe('coverage', () => {
  it('counts risks per technique, rolls sub-techniques up, and lists untrained risks first', () => {
    const items = [
      item({ tags: ['atlas:AML.T0020'] }),
      item({ tags: ['atlas:AML.T0024.000'] }),
      item({ tags: ['owasp-ml:ML05:2023'] }),
    ];
    const coverage = buildCoverage({
      items,
      guidance: [{ type: 'module', title: 'Poisoning', url: '/learn/x/', tags: ['atlas:AML.T0020'] }],
      atlas: entriesOf('atlas'),
      owasp: [{ scheme: 'owasp-ml', entries: entriesOf('owasp-ml') }],
    });
    expect(coverage.untrained.map((r) => [r.tag, r.risks])).toEqual([
      ['atlas:AML.T0024', 1],
      ['atlas:AML.T0024.000', 1],
      ['owasp-ml:ML05:2023', 1],
    ]);
    const poison = coverage.tactics.flatMap((t) => t.techniques).find((r) => r.tag === 'atlas:AML.T0020')!;
    expect(poison).toMatchObject({ risks: 1, guidance: [{ title: 'Poisoning' }] });
    expect(coverage.tactics.length).toBeGreaterThan(10);
  });
});

describe('untrusted text in Markdown', () => {
  it('escapes Markdown structure in untrusted titles', () => {
    expect(markdownText('a](javascript:x) *b* `c`\nd')).toBe('a\\]\\(javascript:x\\) \\*b\\* \\`c\\` d');
  });
});

describe('feeds', () => {
  it('lists newest first with plain-text descriptions and absolute-ready links', () => {
    const older = item({ createdAt: '2026-10-01T00:00:00Z' });
    const newer = item({ createdAt: '2026-11-01T00:00:00Z', excerpt: 'Short text' });
    const feed = feedItems([older, newer], (key) => `/board/${key}/`);
    expect(feed.map((f) => f.link)).toEqual([`/board/${newer.key}/`, `/board/${older.key}/`]);
    expect(feed[0]!.description).toBe(`acme/r#${newer.number} · Needs an owner · unrated · Short text`);
  });
});
