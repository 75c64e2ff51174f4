import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../src/lib/sync/build-snapshot.ts';
import { applyIssues } from '../../src/lib/sync/merge.ts';
import type { RawIssue } from '../../src/lib/sync/response.ts';
import { boardItemSchema, type BoardItem } from '../../src/schemas/board-item.ts';
import { sourcesConfigSchema, type RepoSource } from '../../src/schemas/sources.ts';

const config = sourcesConfigSchema.parse({ sources: [{ repo: 'acme/x' }] });
const source = config.sources[0] as RepoSource;
const context = {
  conventions: config.conventions,
  issueForm: config.issueForm,
  body: config.body,
  webUrl: 'https://github.com',
};

function issue(number: number, patch: Partial<RawIssue> = {}): RawIssue {
  return {
    number,
    title: `Risk ${number}`,
    state: 'OPEN',
    body: 'Body',
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: `2026-02-0${number}T00:00:00Z`,
    author: { login: 'octo' },
    assignees: [],
    labels: [{ name: 'risk', color: 'ff0000' }],
    repository: { nameWithOwner: 'acme/x', visibility: 'PUBLIC', isArchived: false },
    moreLabels: null,
    closedAt: null,
    closedBy: null,
    lastClosedAt: null,
    ...patch,
  };
}

const item = (number: number, title = `Old ${number}`): BoardItem =>
  boardItemSchema.parse({
    key: `acme/x#${number}`,
    repo: 'acme/x',
    number,
    title,
    url: `https://github.com/acme/x/issues/${number}`,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-15T00:00:00Z',
  });

function apply(
  mode: 'full' | 'incremental',
  issues: RawIssue[],
  previousItems: BoardItem[] = [],
  now = new Date('2026-11-01T00:00:00Z'),
) {
  const warnings: string[] = [];
  const result = applyIssues({
    source,
    mode,
    previous: { items: previousItems, closed: [] },
    previousWatermark: mode === 'incremental' ? '2026-01-20T00:00:00Z' : null,
    lastSync: '2026-01-20T00:00:00Z',
    nameWithOwner: 'acme/x',
    issues,
    context,
    now,
    warn: (w) => warnings.push(w),
  });
  return { ...result, warnings, numbers: result.items.map((i) => i.number).sort() };
}

describe('applying fetched issues to a source', () => {
  it('replaces every previous item on a full sync', () => {
    expect(apply('full', [issue(1), issue(2)], [item(9)]).numbers).toEqual([1, 2]);
  });

  it('updates, adds and removes items on an incremental sync, keeping the untouched ones', () => {
    const result = apply(
      'incremental',
      [
        issue(1, { title: 'New 1' }),
        issue(2, { state: 'CLOSED' }),
        issue(3, { labels: [{ name: 'bug', color: null }] }),
        issue(4),
      ],
      [item(1), item(2), item(3), item(5)],
    );
    expect(result.numbers).toEqual([1, 4, 5]);
    expect(result.items.find((i) => i.number === 1)!.title).toBe('New 1');
  });

  it('moves the watermark to the latest update seen, selected or not, and never backwards', () => {
    expect(apply('incremental', [issue(3, { labels: [] }), issue(1)]).watermark).toBe('2026-02-03T00:00:00Z');
    expect(apply('incremental', [issue(1, { updatedAt: '2026-01-01T00:00:00Z' })]).watermark).toBe(
      '2026-01-20T00:00:00Z',
    );
    expect(apply('full', []).watermark).toBeNull();
  });

  it('skips, per issue, one from a private repository or from another repository', () => {
    const result = apply('full', [
      issue(1, { repository: { nameWithOwner: 'acme/x', visibility: 'PRIVATE', isArchived: false } }),
      issue(2, { repository: { nameWithOwner: 'evil/y', visibility: 'PUBLIC', isArchived: false } }),
      issue(3),
    ]);
    expect(result.numbers).toEqual([3]);
    expect(result.warnings).toEqual([
      'acme/x#1: skipped, it belongs to a private repository',
      'acme/x#2: skipped, it belongs to another repository',
    ]);
  });

  it('drops an issue the board schema rejects even as plain text, with a warning naming it', () => {
    const result = apply('full', [issue(1, { createdAt: 'yesterday' }), issue(2)]);
    expect(result.numbers).toEqual([2]);
    expect(result.warnings[0]).toMatch(
      /^acme\/x#1: skipped, it could not be mapped \(createdAt: must be an ISO/,
    );
  });

  it('stores titles, logins and colours as plain validated strings', () => {
    const [mapped] = apply('full', [
      issue(1, {
        title: 'Bad\u202e title\u0000 <b>x</b>',
        author: { login: '<script>' },
        assignees: [{ login: 'ok-user' }, { login: 'no spaces' }],
        labels: [{ name: 'risk', color: 'zzzzzz' }],
      }),
    ]).items;
    expect(mapped).toMatchObject({
      title: 'Bad title <b>x</b>',
      author: null,
      assignees: ['ok-user'],
      labels: [{ name: 'risk', color: 'cccccc' }],
    });
  });
});

describe('building the snapshot', () => {
  it('sorts items by repository and number and validates with the build’s schema', () => {
    const other = { ...item(1), key: 'acme/a#1', repo: 'acme/a', url: 'https://github.com/acme/a/issues/1' };
    const items = [item(10), item(2), other];
    const snapshot = buildSnapshot({
      config,
      sources: [],
      items,
      closed: [],
      syncedAt: new Date('2026-11-25T10:00:00.500Z'),
      apiUrl: 'https://api.github.com/graphql',
      webUrl: 'https://github.com',
    });
    expect(snapshot.items.map((i) => i.key)).toEqual(['acme/a#1', 'acme/x#2', 'acme/x#10']);
    expect(snapshot).toMatchObject({
      version: 1,
      sample: false,
      syncedAt: '2026-11-25T10:00:00Z',
      settings: { staleAfterDays: 30, cadenceDays: 14, maxAgeHours: 48, retentionDays: 90 },
    });
  });

  it('refuses duplicate keys', () => {
    expect(() =>
      buildSnapshot({
        config,
        sources: [],
        items: [item(1), item(1)],
        closed: [],
        syncedAt: new Date(),
        apiUrl: 'x',
        webUrl: 'https://github.com',
      }),
    ).toThrow(/duplicate item key/);
  });
});

describe('one hostile issue among many', () => {
  // A label whose name throws when read: stands for any input that makes mapping throw.
  const poison: RawIssue['labels'] = [
    { name: 'risk', color: 'ff0000' },
    Object.defineProperty({ color: null }, 'name', {
      get: () => {
        throw new RangeError('Maximum call stack size exceeded');
      },
    }) as { name: string; color: null },
  ];

  it('keeps the last good item of an issue that cannot be mapped, marked as not updated, and warns naming it', () => {
    const result = apply('incremental', [issue(1, { labels: poison }), issue(2)], [item(1, 'Last good')]);
    expect(result.numbers).toEqual([1, 2]);
    const kept = result.items.find((i) => i.number === 1)!;
    expect(kept.title).toBe('Last good');
    expect(kept.bodySkipped).toMatch(/^not updated from GitHub/);
    expect(result.warnings.join('\n')).toMatch(/acme\/x#1: could not be mapped .*keeping its last good item/);
  });

  it('adds a new issue that cannot be mapped as plain text, and the rest of the source still syncs', () => {
    const result = apply('full', [issue(1, { labels: poison, body: '**Poisoned** _data_' }), issue(2)]);
    expect(result.numbers).toEqual([1, 2]);
    const plain = result.items.find((i) => i.number === 1)!;
    expect(plain.bodyHTML).toBe('');
    expect(plain.excerpt).toContain('Poisoned');
    expect(plain.bodySkipped).toMatch(/could not be mapped/);
    expect(result.warnings.join('\n')).toMatch(/acme\/x#1: could not be mapped .*added as plain text/);
  });

  it('builds the item URL from the web origin, whatever the API says the URL is', () => {
    const lying = { ...issue(1), url: 'https://evil.example/acme/x/issues/1' } as RawIssue;
    expect(apply('full', [lying]).items[0]!.url).toBe('https://github.com/acme/x/issues/1');
  });

  it('never moves the watermark past the start of the sync', () => {
    const now = new Date('2026-11-01T00:00:00Z');
    const result = apply('full', [issue(1, { updatedAt: '2099-01-01T00:00:00Z' }), issue(2)], [], now);
    expect(result.watermark).toBe('2026-11-01T00:00:00Z');
  });
});
