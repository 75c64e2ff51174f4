import { describe, expect, it } from 'vitest';
import type { GraphqlClient } from '../../src/lib/sync/client.ts';
import { SyncError } from '../../src/lib/sync/errors.ts';
import { syncBoard } from '../../src/lib/sync/sync-board.ts';
import { sourcesConfigSchema } from '../../src/schemas/sources.ts';
import type { Snapshot } from '../../src/schemas/snapshot.ts';

const API = 'https://api.github.com/graphql';
const config = sourcesConfigSchema.parse({ sources: [{ repo: 'acme/a' }, { repo: 'acme/b' }] });
const now = () => new Date('2026-11-25T12:00:00Z');

interface FakeIssueSpec {
  number: number;
  updatedAt?: string;
  state?: 'OPEN' | 'CLOSED';
  labels?: string[];
}

/** An in-memory client: each repository answers with its issues, `pageSize` a page, or fails. */
function memoryClient(
  repos: Record<string, FakeIssueSpec[] | Error>,
  pageSize = 100,
): GraphqlClient & { calls: Array<Record<string, unknown>> } {
  const calls: Array<Record<string, unknown>> = [];
  const stats = { requests: 0, points: 0, remaining: null, authRequests: 0, tokensIssued: 0 };
  return {
    calls,
    stats,
    async query(_document, variables) {
      calls.push(variables);
      stats.requests += 1;
      stats.points += 1;
      const nameWithOwner = `${variables['owner']}/${variables['name']}`;
      const specs = repos[nameWithOwner];
      if (specs instanceof Error) throw specs;
      if (!specs) throw new SyncError('not-found', 'repository not found');
      const start = variables['cursor'] ? Number(variables['cursor']) : 0;
      const page = specs.slice(start, start + pageSize);
      return {
        rateLimit: { cost: 1, remaining: 4999, resetAt: '2026-11-25T13:00:00Z' },
        repository: {
          nameWithOwner,
          visibility: 'PUBLIC',
          issues: {
            pageInfo: {
              hasNextPage: start + pageSize < specs.length,
              endCursor: String(start + page.length),
            },
            nodes: page.map((s) => ({
              number: s.number,
              title: `Issue ${s.number}`,
              url: `https://github.com/${nameWithOwner}/issues/${s.number}`,
              state: s.state ?? 'OPEN',
              body: '',
              createdAt: '2026-01-01T00:00:00Z',
              updatedAt: s.updatedAt ?? '2026-02-01T00:00:00Z',
              author: null,
              assignees: { nodes: [] },
              labels: { nodes: (s.labels ?? ['risk']).map((name) => ({ name, color: 'ededed' })) },
              repository: { nameWithOwner, visibility: 'PUBLIC' },
            })),
          },
        },
      };
    },
  };
}

const issues = (count: number): FakeIssueSpec[] =>
  Array.from({ length: count }, (_, i) => ({ number: i + 1 }));

async function sync(client: GraphqlClient, previous: Snapshot | null = null, extra: object = {}) {
  return syncBoard({ client, config, previous, apiUrl: API, now, ...extra });
}

describe('syncBoard', () => {
  it('uses at most ceil(N/100) + 1 requests per source on a full sync', async () => {
    for (const n of [0, 1, 99, 100, 101, 250]) {
      const client = memoryClient({ 'acme/a': issues(n), 'acme/b': [] });
      const { snapshot } = await sync(client);
      expect(snapshot.items).toHaveLength(n);
      expect(client.calls.filter((c) => c['name'] === 'a').length).toBeLessThanOrEqual(
        Math.ceil(n / 100) + 1,
      );
    }
  });

  it('uses one request per source on an incremental sync with nothing new', async () => {
    const first = await sync(memoryClient({ 'acme/a': issues(250), 'acme/b': issues(3) }));
    const client = memoryClient({ 'acme/a': [{ number: 250 }], 'acme/b': [{ number: 3 }] });
    const { snapshot } = await sync(client, first.snapshot);
    expect(client.calls).toHaveLength(2);
    expect(client.calls.every((c) => c['since'] === '2026-02-01T00:00:00Z')).toBe(true);
    expect(snapshot.items).toEqual(first.snapshot.items);
  });

  it('keeps a failing source’s last good items, marked stale, and updates the others', async () => {
    const first = await sync(memoryClient({ 'acme/a': issues(5), 'acme/b': issues(2) }));
    const { snapshot, reports } = await sync(
      memoryClient({
        'acme/a': new SyncError('server', 'GitHub answered 502'),
        'acme/b': [{ number: 3, updatedAt: '2026-03-01T00:00:00Z' }],
      }),
      first.snapshot,
    );
    expect(snapshot.items.filter((i) => i.repo === 'acme/a')).toEqual(
      first.snapshot.items.filter((i) => i.repo === 'acme/a'),
    );
    expect(snapshot.items.filter((i) => i.repo === 'acme/b').map((i) => i.number)).toEqual([1, 2, 3]);
    expect(snapshot.sources[0]).toMatchObject({
      repo: 'acme/a',
      stale: true,
      error: 'GitHub answered 502',
      items: 5,
      watermark: first.snapshot.sources[0]!.watermark,
    });
    expect(reports.map((r) => r.status)).toEqual(['failed', 'ok']);
  });

  it('keeps a failing source’s closed items as last good, and drops those of a source no longer listed', async () => {
    const first = await sync(memoryClient({ 'acme/a': issues(3), 'acme/b': issues(1) }));
    const closing = memoryClient({
      'acme/a': [{ number: 1, state: 'CLOSED', updatedAt: '2026-11-20T00:00:00Z' }],
      'acme/b': [{ number: 1 }],
    });
    const second = await sync(closing, first.snapshot);
    expect(second.snapshot.closed.map((i) => [i.key, i.closedAt])).toEqual([
      ['acme/a#1', '2026-11-20T00:00:00Z'],
    ]);
    const failing = memoryClient({ 'acme/a': new SyncError('server', 'GitHub answered 502'), 'acme/b': [] });
    const third = await sync(failing, second.snapshot);
    expect(third.snapshot.closed).toEqual(second.snapshot.closed);
    const onlyB = sourcesConfigSchema.parse({ sources: [{ repo: 'acme/b' }] });
    const { snapshot } = await syncBoard({
      client: memoryClient({ 'acme/b': [] }),
      config: onlyB,
      previous: third.snapshot,
      apiUrl: API,
      now,
    });
    expect([...snapshot.items, ...snapshot.closed].map((i) => i.key)).toEqual(['acme/b#1']);
  });

  it('fails only its source when reading it throws something unexpected', async () => {
    const { snapshot, reports } = await sync(
      memoryClient({ 'acme/a': new RangeError('Maximum call stack size exceeded'), 'acme/b': issues(2) }),
    );
    expect(reports.map((r) => r.status)).toEqual(['failed', 'ok']);
    expect(reports[0]!.message).toBe('unexpected error: RangeError: Maximum call stack size exceeded');
    expect(snapshot.items.map((i) => i.key)).toEqual(['acme/b#1', 'acme/b#2']);
  });

  it('throws, so nothing is written, when every source fails', async () => {
    const client = memoryClient({
      'acme/a': new SyncError('server', 'GitHub answered 502'),
      'acme/b': new SyncError('graphql', 'bad'),
    });
    await expect(sync(client)).rejects.toThrow(
      /no source could be read:\n {2}- acme\/a: GitHub answered 502\n {2}- acme\/b: bad/,
    );
  });

  it('stops at the first fatal error instead of trying the other sources', async () => {
    const client = memoryClient({ 'acme/a': new SyncError('auth', 'token rejected'), 'acme/b': issues(1) });
    await expect(sync(client)).rejects.toMatchObject({ kind: 'auth' });
    expect(client.calls).toHaveLength(1);
  });

  it('refuses to replace a board that has items with an empty one unless allowed', async () => {
    const first = await sync(memoryClient({ 'acme/a': issues(2), 'acme/b': [] }));
    const closed = memoryClient({
      'acme/a': [
        { number: 1, state: 'CLOSED' },
        { number: 2, state: 'CLOSED' },
      ],
      'acme/b': [],
    });
    await expect(sync(closed, first.snapshot)).rejects.toMatchObject({ kind: 'empty' });
    const allowed = await sync(
      memoryClient({
        'acme/a': [
          { number: 1, state: 'CLOSED' },
          { number: 2, state: 'CLOSED' },
        ],
        'acme/b': [],
      }),
      first.snapshot,
      { allowEmpty: true },
    );
    expect(allowed.snapshot.items).toEqual([]);
  });

  it('carries the board settings from sources.yaml into the snapshot', async () => {
    const custom = sourcesConfigSchema.parse({
      sources: [{ repo: 'acme/a' }],
      staleAfterDays: 45,
      cadenceDays: 7,
      maxAgeHours: 24,
      retentionDays: 30,
    });
    const { snapshot } = await syncBoard({
      client: memoryClient({ 'acme/a': issues(1) }),
      config: custom,
      previous: null,
      apiUrl: API,
      now,
    });
    expect(snapshot.settings).toEqual({
      staleAfterDays: 45,
      cadenceDays: 7,
      maxAgeHours: 24,
      retentionDays: 30,
    });
    expect(snapshot).toMatchObject({ syncedAt: '2026-11-25T12:00:00Z', apiUrl: API, sample: false });
  });
});
