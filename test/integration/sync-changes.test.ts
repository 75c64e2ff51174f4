import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardItem, ItemChange } from '../../src/schemas/board-item.ts';
import type { Snapshot } from '../../src/schemas/snapshot.ts';
import type { RecordedRequest } from '../fixtures/github/fake-github.ts';
import { label } from '../fixtures/github/issues.ts';
import { ML, SEC, SECOND_SYNC, twoSyncScenario, type Scenario } from '../fixtures/github/scenario.ts';

const change = (
  at: string,
  kind: ItemChange['kind'],
  from: string | null = null,
  to: string | null = null,
): ItemChange => ({ at, kind, from, to });

const find = (list: readonly BoardItem[], key: string) => list.find((item) => item.key === key);
const keys = (list: readonly BoardItem[]) => list.map((item) => item.key);
const changesOf = (snapshot: Snapshot, key: string) =>
  (find(snapshot.items, key) ?? find(snapshot.closed, key))?.changes;

/** Requests each sync sent, as the stand-in recorded them, and the summary's own counts. */
const requestsSince = (scenario: Scenario, from: number): RecordedRequest[] =>
  scenario.fake.requests.slice(from);
const reported = (stdout: string) => {
  const [, requests, points] = /(\d+) request\(s\), (\d+) rate-limit point\(s\)/.exec(stdout) ?? [];
  return { requests: Number(requests), points: Number(points) };
};

describe('change tracking across real syncs against a local GitHub', () => {
  let scenario: Scenario;

  beforeAll(async () => {
    scenario = await twoSyncScenario();
  }, 60_000);

  afterAll(async () => {
    await scenario?.dispose();
  });

  it('starts the history on the first sync with each item’s creation, within the window', () => {
    const { first } = scenario;
    expect(first.closed).toEqual([]);
    expect(changesOf(first, `${ML}#2`)).toEqual([change('2026-10-14T08:30:00Z', 'opened')]);
    // Opened in May, before the 90-day window of the first sync: nothing is kept.
    expect(changesOf(first, `${ML}#7`)).toEqual([]);
    expect(first.settings.retentionDays).toBe(90);
  });

  it('lists the issues closed between the syncs, with GitHub’s date and the closer when known', () => {
    const { second } = scenario;
    expect(keys(second.closed)).toEqual([`${ML}#1`, `${SEC}#1`]);
    expect(find(second.closed, `${ML}#1`)).toMatchObject({
      closedAt: '2026-11-12T15:20:00Z',
      closedBy: 'priya-sec',
      changes: [change('2026-09-02T10:00:00Z', 'opened'), change('2026-11-12T15:20:00Z', 'closed')],
    });
    expect(find(second.closed, `${SEC}#1`)).toMatchObject({
      closedAt: '2026-11-13T12:00:00Z',
      closedBy: null,
    });
    expect(keys(second.items)).not.toContain(`${ML}#1`);
  });

  it('records each severity, owner, phase, reopen and arrival once, from → to, dated when it happened', () => {
    const { second } = scenario;
    expect(changesOf(second, `${ML}#2`)).toEqual([
      change('2026-10-14T08:30:00Z', 'opened'),
      change('2026-11-14T10:05:00Z', 'severity', 'medium', 'high'),
    ]);
    expect(changesOf(second, `${ML}#3`)).toEqual([
      change('2026-10-20T12:00:00Z', 'opened'),
      change('2026-11-15T09:40:00Z', 'owner', 'data-science', 'shared'),
    ]);
    expect(changesOf(second, `${ML}#4`)).toEqual([
      change('2026-10-28T16:00:00Z', 'opened'),
      change('2026-11-11T17:00:00Z', 'closed'),
      change('2026-11-17T08:15:00Z', 'reopened'),
    ]);
    expect(find(second.items, `${ML}#4`)).toMatchObject({ closedAt: null, closedBy: null });
    expect(changesOf(second, `${ML}#6`)).toEqual([
      change('2026-10-05T09:00:00Z', 'opened'),
      change('2026-11-18T11:30:00Z', 'phase', 'training', 'training, deployment'),
    ]);
    // New since the last sync: dated at creation. Old but labelled since: dated at the sync.
    expect(changesOf(second, `${ML}#9`)).toEqual([change('2026-11-18T09:00:00Z', 'opened')]);
    expect(changesOf(second, `${ML}#8`)).toEqual([change(SECOND_SYNC, 'opened')]);
    // Untouched items keep their history as it was.
    expect(changesOf(second, `${SEC}#2`)).toEqual(changesOf(scenario.first, `${SEC}#2`));
  });

  it('lets an issue that lost its risk label leave the board without counting it as resolved', () => {
    const { second } = scenario;
    expect([...keys(second.items), ...keys(second.closed)]).not.toContain(`${ML}#5`);
  });

  it('keeps the history through an incremental and a full sync, adding only what is new', async () => {
    const { fake, second } = scenario;
    const ml = fake.repos.get(ML)!.issues;
    // Reopened after a regression, and lowered again once a mitigation shipped.
    Object.assign(ml[0]!, { state: 'OPEN', updatedAt: '2026-11-26T10:00:00Z' });
    Object.assign(ml[1]!, {
      labels: ['risk', 'owner:data-science', 'severity:medium', 'phase:data'].map(label),
      updatedAt: '2026-11-27T09:00:00Z',
    });
    await scenario.sync('2026-11-30T06:00:00Z');
    const third = await scenario.snapshot();
    expect(find(third.items, `${ML}#1`)).toMatchObject({
      closedAt: null,
      closedBy: null,
      changes: [
        change('2026-09-02T10:00:00Z', 'opened'),
        change('2026-11-12T15:20:00Z', 'closed'),
        change('2026-11-26T10:00:00Z', 'reopened'),
      ],
    });
    expect(changesOf(third, `${ML}#2`)).toEqual([
      change('2026-10-14T08:30:00Z', 'opened'),
      change('2026-11-14T10:05:00Z', 'severity', 'medium', 'high'),
      change('2026-11-27T09:00:00Z', 'severity', 'high', 'medium'),
    ]);
    expect(keys(third.closed)).toEqual([`${SEC}#1`]);
    for (const item of second.items)
      expect(find(third.items, item.key)?.changes).toEqual(expect.arrayContaining(item.changes));

    await scenario.sync('2026-12-01T06:00:00Z', { full: true });
    const full = await scenario.snapshot();
    expect(full.items).toEqual(third.items);
    expect(full.closed).toEqual(third.closed);
  });

  it('sends the same requests as before change tracking: one per page, nothing per item', async () => {
    const before = scenario.fake.requests.length;
    const incremental = await scenario.sync('2026-12-01T12:00:00Z');
    const sent = requestsSince(scenario, before);
    expect(sent.map((r) => r.operationName)).toEqual(['BoardIssuesSince', 'BoardIssuesSince']);
    // The closer rides in the issue page: 3 points a page instead of 2, no request more.
    expect(reported(incremental.stdout)).toEqual({ requests: 2, points: 6 });

    const fullStart = scenario.fake.requests.length;
    const full = await scenario.sync('2026-12-01T13:00:00Z', { full: true });
    expect(requestsSince(scenario, fullStart).map((r) => r.operationName)).toEqual([
      'BoardIssuesOpen',
      'BoardIssuesOpen',
    ]);
    expect(reported(full.stdout)).toEqual({ requests: 2, points: 4 });
  });

  it('takes an item a full sync no longer sees as closed at that sync, as it cannot tell who or why', async () => {
    const sec = scenario.fake.repos.get(SEC)!.issues;
    Object.assign(sec[1]!, { state: 'CLOSED', closedAt: '2026-12-01T12:00:00Z', closedBy: 'tomas-appsec' });
    await scenario.sync('2026-12-02T06:00:00Z', { full: true });
    const snapshot = await scenario.snapshot();
    expect(find(snapshot.closed, `${SEC}#2`)).toMatchObject({
      closedAt: '2026-12-02T06:00:00Z',
      closedBy: null,
      changes: [change('2026-10-22T09:00:00Z', 'opened'), change('2026-12-02T06:00:00Z', 'closed')],
    });
  });

  it('forgets closed items and changes once they are older than retentionDays', async () => {
    await scenario.sync('2027-03-15T06:00:00Z');
    const snapshot = await scenario.snapshot();
    expect(snapshot.closed).toEqual([]);
    expect(snapshot.items.flatMap((item) => item.changes)).toEqual([]);
    expect(keys(snapshot.items)).toContain(`${ML}#1`);
  });
});
