import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../src/lib/sync/build-snapshot.ts';
import { diffItem, openedAt } from '../../src/lib/sync/changes.ts';
import { applyIssues, type SourceItems } from '../../src/lib/sync/merge.ts';
import { pruneHistory } from '../../src/lib/sync/prune.ts';
import { rawIssueSchema, type RawIssue } from '../../src/lib/sync/response.ts';
import { boardItemSchema, type BoardItem, type ItemChange } from '../../src/schemas/board-item.ts';
import { sourcesConfigSchema, type RepoSource } from '../../src/schemas/sources.ts';

const config = sourcesConfigSchema.parse({ sources: [{ repo: 'acme/x' }] });
const source = config.sources[0] as RepoSource;
const context = {
  conventions: config.conventions,
  issueForm: config.issueForm,
  body: config.body,
  webUrl: 'https://github.com',
};
const LAST_SYNC = '2026-11-09T06:00:00Z';
const NOW = new Date('2026-11-23T06:00:00Z');

function issue(number: number, labels: string, patch: Partial<RawIssue> = {}): RawIssue {
  return {
    number,
    title: `Risk ${number}`,
    state: 'OPEN',
    body: '',
    createdAt: '2026-10-01T09:00:00Z',
    updatedAt: '2026-11-12T10:00:00Z',
    author: { login: 'priya-sec' },
    assignees: [],
    labels: `risk ${labels}`
      .trim()
      .split(' ')
      .map((name) => ({ name, color: null })),
    repository: { nameWithOwner: 'acme/x', visibility: 'PUBLIC', isArchived: false },
    moreLabels: null,
    closedAt: null,
    closedBy: null,
    lastClosedAt: null,
    ...patch,
  };
}

/** The item a previous sync stored for `issue`: what applyIssues made of it then. */
function stored(raw: RawIssue, changes: BoardItem['changes'] = []): BoardItem {
  const [item] = sync('full', [raw], { items: [], closed: [] }).items;
  return { ...item!, changes };
}

function sync(
  mode: 'full' | 'incremental',
  issues: RawIssue[],
  previous: SourceItems,
  lastSync: string | null = LAST_SYNC,
) {
  const warnings: string[] = [];
  const result = applyIssues({
    source,
    mode,
    previous,
    previousWatermark: mode === 'incremental' ? LAST_SYNC : null,
    lastSync,
    nameWithOwner: 'acme/x',
    issues,
    context,
    now: NOW,
    warn: (w) => warnings.push(w),
  });
  const find = (n: number) =>
    result.items.find((i) => i.number === n) ?? result.closed.find((i) => i.number === n);
  return { ...result, warnings, find };
}

const change = (
  at: string,
  kind: ItemChange['kind'],
  from: string | null = null,
  to: string | null = null,
): ItemChange => ({
  at,
  kind,
  from,
  to,
});

describe('the changes between two versions of an item', () => {
  const before = boardItemSchema.parse({
    key: 'acme/x#1',
    repo: 'acme/x',
    number: 1,
    title: 'Risk',
    url: 'https://github.com/acme/x/issues/1',
    owner: 'data-science',
    severity: 'medium',
    phases: ['data'],
    createdAt: '2026-10-01T00:00:00Z',
    updatedAt: '2026-10-02T00:00:00Z',
  });

  it('records severity, owner and phase from → to, dated when the issue changed', () => {
    const after = {
      ...before,
      owner: null,
      severity: 'high' as const,
      phases: ['data', 'training'] as const,
    };
    expect(diffItem(before, { ...after, phases: [...after.phases] }, '2026-11-12T10:00:00Z')).toEqual([
      change('2026-11-12T10:00:00Z', 'severity', 'medium', 'high'),
      change('2026-11-12T10:00:00Z', 'owner', 'data-science', null),
      change('2026-11-12T10:00:00Z', 'phase', 'data', 'data, training'),
    ]);
    expect(diffItem(before, { ...before, phases: [] }, '2026-11-12T10:00:00Z')).toEqual([
      change('2026-11-12T10:00:00Z', 'phase', 'data', ''),
    ]);
  });

  it('records nothing when only the title, body or other labels changed', () => {
    expect(
      diffItem(before, { ...before, title: 'Renamed', labels: [{ name: 'x', color: 'cccccc' }] }, 'x'),
    ).toEqual([]);
  });

  it('dates an item new to the board at its creation, or at the sync when it joined later', () => {
    const now = '2026-11-23T06:00:00Z';
    expect(openedAt('2026-11-15T00:00:00Z', LAST_SYNC, now)).toBe('2026-11-15T00:00:00Z');
    expect(openedAt('2026-03-01T00:00:00Z', LAST_SYNC, now)).toBe(now);
    expect(openedAt('2026-03-01T00:00:00Z', null, now)).toBe('2026-03-01T00:00:00Z');
  });
});

describe('tracking changes while applying issues', () => {
  it('records `opened` at creation on a source’s first sync, and at the sync for an old issue labelled since', () => {
    const first = sync('full', [issue(1, '')], { items: [], closed: [] }, null);
    expect(first.items[0]!.changes).toEqual([change('2026-10-01T09:00:00Z', 'opened')]);
    const later = sync('incremental', [issue(2, ''), issue(3, '', { createdAt: '2026-11-20T08:00:00Z' })], {
      items: [],
      closed: [],
    });
    expect(later.find(2)!.changes).toEqual([change('2026-11-23T06:00:00Z', 'opened')]);
    expect(later.find(3)!.changes).toEqual([change('2026-11-20T08:00:00Z', 'opened')]);
  });

  it('moves a closed issue to `closed` with GitHub’s date and closer, carrying its history', () => {
    const history = [change('2026-10-01T09:00:00Z', 'opened')];
    const previous = { items: [stored(issue(1, 'severity:high'), history)], closed: [] };
    const closing = issue(1, 'severity:high', {
      state: 'CLOSED',
      closedAt: '2026-11-14T16:30:00Z',
      closedBy: 'tomas-appsec',
      updatedAt: '2026-11-14T16:30:00Z',
    });
    const result = sync('incremental', [closing], previous);
    expect(result.items).toEqual([]);
    expect(result.closed).toHaveLength(1);
    expect(result.closed[0]).toMatchObject({
      closedAt: '2026-11-14T16:30:00Z',
      closedBy: 'tomas-appsec',
      changes: [...history, change('2026-11-14T16:30:00Z', 'closed')],
    });
    // Read again by the next run (same closedAt): nothing is recorded twice.
    const again = sync('incremental', [closing], { items: [], closed: result.closed });
    expect(again.closed[0]!.changes).toEqual(result.closed[0]!.changes);
  });

  it('keeps a closer that is not a valid login out, and dates a close without a valid date at the update', () => {
    const previous = { items: [stored(issue(1, ''))], closed: [] };
    const result = sync(
      'incremental',
      [issue(1, '', { state: 'CLOSED', closedAt: 'last week', closedBy: '<img src=x>' })],
      previous,
    );
    expect(result.closed[0]).toMatchObject({ closedAt: '2026-11-12T10:00:00Z', closedBy: null });
  });

  it('lets an issue that lost its selecting label leave without a closed record', () => {
    const previous = { items: [stored(issue(1, ''))], closed: [] };
    const result = sync('incremental', [issue(1, '', { labels: [{ name: 'bug', color: null }] })], previous);
    expect([...result.items, ...result.closed]).toEqual([]);
  });

  it('takes an item a full sync no longer sees as closed at the sync, by someone unknown', () => {
    const previous = { items: [stored(issue(1, '')), stored(issue(2, ''))], closed: [] };
    const result = sync('full', [issue(2, '')], previous);
    expect(result.items.map((i) => i.number)).toEqual([2]);
    expect(result.closed[0]).toMatchObject({
      number: 1,
      closedAt: '2026-11-23T06:00:00Z',
      closedBy: null,
      changes: [change('2026-11-23T06:00:00Z', 'closed')],
    });
  });

  it('keeps closed items on a full sync, and reopens one that is open again at its update', () => {
    const closedOne = {
      ...stored(issue(1, 'owner:security')),
      closedAt: '2026-11-01T00:00:00Z',
      closedBy: 'priya-sec',
      changes: [change('2026-11-01T00:00:00Z', 'closed')],
    };
    const closedTwo = { ...stored(issue(2, '')), closedAt: '2026-11-01T00:00:00Z' };
    const result = sync('full', [issue(1, 'owner:shared', { updatedAt: '2026-11-18T11:00:00Z' })], {
      items: [],
      closed: [closedOne, closedTwo],
    });
    expect(result.closed.map((i) => i.number)).toEqual([2]);
    expect(result.items[0]).toMatchObject({
      closedAt: null,
      closedBy: null,
      owner: 'shared',
      changes: [
        change('2026-11-01T00:00:00Z', 'closed'),
        change('2026-11-18T11:00:00Z', 'reopened'),
        change('2026-11-18T11:00:00Z', 'owner', 'security', 'shared'),
      ],
    });
  });

  it('records `closed` then `reopened` for an item closed and reopened since the last sync', () => {
    const previous = { items: [stored(issue(1, ''))], closed: [] };
    const bounced = issue(1, '', { lastClosedAt: '2026-11-10T12:00:00Z', updatedAt: '2026-11-13T09:00:00Z' });
    expect(sync('incremental', [bounced], previous).find(1)).toMatchObject({
      closedAt: null,
      changes: [change('2026-11-10T12:00:00Z', 'closed'), change('2026-11-13T09:00:00Z', 'reopened')],
    });
    // A close before the last sync was seen then, or happened before the item was on the board.
    const old = issue(1, '', { lastClosedAt: '2026-11-01T12:00:00Z' });
    expect(sync('incremental', [old], previous).find(1)!.changes).toEqual([]);
  });

  it('appends severity and owner changes to the history an item already has, once', () => {
    const history = [change('2026-10-01T09:00:00Z', 'opened')];
    const previous = { items: [stored(issue(1, 'severity:medium owner:data-science'), history)], closed: [] };
    const raised = issue(1, 'severity:high owner:shared');
    const result = sync('incremental', [raised], previous);
    const expected = [
      ...history,
      change('2026-11-12T10:00:00Z', 'severity', 'medium', 'high'),
      change('2026-11-12T10:00:00Z', 'owner', 'data-science', 'shared'),
    ];
    expect(result.find(1)!.changes).toEqual(expected);
    expect(sync('full', [raised], { items: result.items, closed: [] }).find(1)!.changes).toEqual(expected);
  });

  it('records an issue opened and closed between two syncs, but not a closed one the board never showed', () => {
    const quick = issue(1, '', {
      state: 'CLOSED',
      createdAt: '2026-11-10T09:00:00Z',
      closedAt: '2026-11-11T15:00:00Z',
      closedBy: 'lucia-ml',
    });
    const old = issue(2, '', { state: 'CLOSED', closedAt: '2026-11-11T15:00:00Z' });
    const result = sync('incremental', [quick, old], { items: [], closed: [] });
    expect(result.closed.map((i) => i.number)).toEqual([1]);
    expect(result.closed[0]!.changes).toEqual([
      change('2026-11-10T09:00:00Z', 'opened'),
      change('2026-11-11T15:00:00Z', 'closed'),
    ]);
  });

  it('never dates a change after the sync, whatever the issue claims', () => {
    const previous = { items: [stored(issue(1, 'severity:low'))], closed: [] };
    const result = sync(
      'incremental',
      [issue(1, 'severity:high', { updatedAt: '2099-01-01T00:00:00Z' })],
      previous,
    );
    expect(result.find(1)!.changes).toEqual([change('2026-11-23T06:00:00Z', 'severity', 'low', 'high')]);
  });

  it('keeps the history of an issue that cannot be mapped with its last good item', () => {
    const history = [change('2026-10-01T09:00:00Z', 'opened')];
    const previous = { items: [stored(issue(1, ''), history)], closed: [] };
    const result = sync('incremental', [issue(1, '', { createdAt: 'yesterday' })], previous);
    expect(result.find(1)!.changes).toEqual(history);
    expect(result.warnings.join('\n')).toMatch(/keeping its last good item/);
  });
});

describe('pruning to the retention window', () => {
  const cutoff = new Date('2026-08-25T06:00:00Z');
  const base = stored(issue(1, ''));

  it('drops changes before the window and closed items closed before it, and keeps open items', () => {
    const open = {
      ...base,
      changes: [
        change('2026-08-01T00:00:00Z', 'opened'),
        change('2026-09-01T00:00:00Z', 'severity', 'low', 'high'),
      ],
    };
    const closedOld = { ...stored(issue(2, '')), closedAt: '2026-08-24T00:00:00Z' };
    const closedNew = {
      ...stored(issue(3, '')),
      closedAt: '2026-08-26T00:00:00Z',
      changes: [change('2026-08-26T00:00:00Z', 'closed')],
    };
    const pruned = pruneHistory({ items: [open], closed: [closedOld, closedNew] }, cutoff);
    expect(pruned.items[0]!.changes).toEqual([change('2026-09-01T00:00:00Z', 'severity', 'low', 'high')]);
    expect(pruned.closed.map((i) => i.number)).toEqual([3]);
    expect(pruned.closed[0]!.changes).toHaveLength(1);
  });

  it('applies the window from sources.yaml when building the snapshot, and records it in the settings', () => {
    const short = sourcesConfigSchema.parse({ sources: [{ repo: 'acme/x' }], retentionDays: 7 });
    const item = { ...base, changes: [change('2026-11-15T00:00:00Z', 'opened')] };
    const closed = { ...stored(issue(2, '')), closedAt: '2026-11-20T00:00:00Z' };
    const snapshot = buildSnapshot({
      config: short,
      sources: [],
      items: [item],
      closed: [closed],
      syncedAt: NOW,
      apiUrl: 'x',
      webUrl: 'https://github.com',
    });
    expect(snapshot.settings.retentionDays).toBe(7);
    expect(snapshot.items[0]!.changes).toEqual([]);
    expect(snapshot.closed.map((i) => i.key)).toEqual(['acme/x#2']);
  });

  it('refuses a key that is both open and closed', () => {
    expect(() =>
      buildSnapshot({
        config,
        sources: [],
        items: [base],
        closed: [{ ...base, closedAt: '2026-11-20T00:00:00Z' }],
        syncedAt: NOW,
        apiUrl: 'x',
        webUrl: 'https://github.com',
      }),
    ).toThrow(/duplicate item key/);
  });
});

describe('GitHub’s answer about closing', () => {
  const node = {
    number: 1,
    title: 't',
    state: 'CLOSED',
    body: null,
    createdAt: '2026-10-01T00:00:00Z',
    updatedAt: '2026-11-01T00:00:00Z',
    author: null,
    assignees: { nodes: [] },
    labels: { nodes: [] },
    repository: { nameWithOwner: 'acme/x', visibility: 'PUBLIC', isArchived: false },
  };

  it('reads the date and the actor of the last ClosedEvent', () => {
    const parsed = rawIssueSchema.parse({
      ...node,
      closedAt: '2026-11-01T00:00:00Z',
      timelineItems: { nodes: [{ createdAt: '2026-11-01T00:00:00Z', actor: { login: 'dana-privacy' } }] },
    });
    expect(parsed).toMatchObject({
      closedAt: '2026-11-01T00:00:00Z',
      closedBy: 'dana-privacy',
      lastClosedAt: '2026-11-01T00:00:00Z',
    });
  });

  it('reads an answer without them (a full sync does not ask) or with a deleted closer as unknown', () => {
    expect(rawIssueSchema.parse(node)).toMatchObject({ closedAt: null, closedBy: null, lastClosedAt: null });
    expect(
      rawIssueSchema.parse({ ...node, timelineItems: { nodes: [{ actor: null }, null] } }),
    ).toMatchObject({
      closedBy: null,
    });
    expect(rawIssueSchema.parse({ ...node, timelineItems: { nodes: [{}] } }).closedBy).toBeNull();
  });
});
