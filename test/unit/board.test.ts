import { describe, expect, it } from 'vitest';
import { ageInDays, groupIntoLanes, isStale } from '../../src/lib/board.ts';
import { boardItemSchema, type BoardItem } from '../../src/schemas/board-item.ts';

let n = 0;
function item(over: Partial<BoardItem>): BoardItem {
  n += 1;
  return boardItemSchema.parse({
    key: `acme/r#${n}`,
    repo: 'acme/r',
    number: n,
    title: `Item ${n}`,
    url: `https://github.com/acme/r/issues/${n}`,
    createdAt: '2026-10-01T00:00:00Z',
    updatedAt: '2026-11-20T00:00:00Z',
    ...over,
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
