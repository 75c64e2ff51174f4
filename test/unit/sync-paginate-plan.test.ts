import { describe, expect, it } from 'vitest';
import { SyncError } from '../../src/lib/sync/errors.ts';
import { paginate, type Page } from '../../src/lib/sync/paginate.ts';
import { planSource, sourceFingerprint, usablePrevious } from '../../src/lib/sync/plan.ts';
import { snapshotSchema } from '../../src/schemas/snapshot.ts';
import { sourcesConfigSchema, type RepoSource } from '../../src/schemas/sources.ts';

async function collect<T>(pages: Array<Page<T>>): Promise<{ items: T[]; cursors: Array<string | null> }> {
  const cursors: Array<string | null> = [];
  const items: T[] = [];
  for await (const item of paginate(async (cursor) => {
    cursors.push(cursor);
    return pages[cursors.length - 1]!;
  })) {
    items.push(item);
  }
  return { items, cursors };
}

describe('pagination', () => {
  it('follows endCursor until hasNextPage is false, one request per page', async () => {
    const result = await collect([
      { items: 'a', pageInfo: { hasNextPage: true, endCursor: 'c1' } },
      { items: 'b', pageInfo: { hasNextPage: true, endCursor: 'c2' } },
      { items: 'c', pageInfo: { hasNextPage: false, endCursor: 'c3' } },
    ]);
    expect(result).toEqual({ items: ['a', 'b', 'c'], cursors: [null, 'c1', 'c2'] });
  });

  it('fails instead of looping when the cursor does not advance', async () => {
    const stuck = collect([
      { items: 'a', pageInfo: { hasNextPage: true, endCursor: 'c1' } },
      { items: 'b', pageInfo: { hasNextPage: true, endCursor: 'c1' } },
    ]);
    await expect(stuck).rejects.toThrow(SyncError);
    await expect(stuck).rejects.toThrow(/cursor did not advance/);
  });

  it('fails when a page says there is more but gives no cursor', async () => {
    await expect(collect([{ items: 'a', pageInfo: { hasNextPage: true, endCursor: null } }])).rejects.toThrow(
      /cursor did not advance/,
    );
  });
});

describe('choosing full or incremental', () => {
  const config = sourcesConfigSchema.parse({ sources: [{ repo: 'acme/x' }] });
  const source = config.sources[0] as RepoSource;
  const fingerprint = sourceFingerprint(source, config);
  const status = {
    repo: 'acme/x',
    items: 3,
    watermark: '2026-05-01T00:00:00Z',
    stale: false,
    error: null,
    skipped: null,
    fingerprint,
    labels: ['risk'],
  };

  it('is incremental from the watermark when the last sync of the source was good and its settings are unchanged', () => {
    expect(planSource(status, fingerprint, false)).toMatchObject({
      mode: 'incremental',
      since: '2026-05-01T00:00:00Z',
    });
  });

  it('is full with --full, for a new, stale or skipped source, without a watermark, or after a settings change', () => {
    expect(planSource(status, fingerprint, true).mode).toBe('full');
    expect(planSource(undefined, fingerprint, false).mode).toBe('full');
    expect(planSource({ ...status, stale: true }, fingerprint, false).mode).toBe('full');
    expect(planSource({ ...status, skipped: 'private repository' }, fingerprint, false).mode).toBe('full');
    expect(planSource({ ...status, watermark: null }, fingerprint, false).mode).toBe('full');
    expect(planSource(status, 'other', false)).toMatchObject({
      mode: 'full',
      reason: 'its settings changed',
    });
  });

  it('changes the fingerprint when labels, conventions or body mode change, but not with label case or order', () => {
    const variant = (patch: object) => {
      const c = sourcesConfigSchema.parse({ sources: [{ repo: 'acme/x' }], ...patch });
      return sourceFingerprint(c.sources[0] as RepoSource, c);
    };
    expect(variant({ sources: [{ repo: 'acme/x', labels: ['Threat', 'RISK'] }] })).toBe(fingerprint);
    expect(variant({ sources: [{ repo: 'acme/x', labels: ['risk'] }] })).not.toBe(fingerprint);
    expect(variant({ body: 'none' })).not.toBe(fingerprint);
    expect(variant({ conventions: { owner: 'team:' } })).not.toBe(fingerprint);
  });

  it('never builds on the sample snapshot or on one synced from another API', () => {
    const previous = snapshotSchema.parse({
      version: 1,
      apiUrl: 'https://api.github.com/graphql',
      sources: [status],
    });
    expect(usablePrevious(previous, 'https://api.github.com/graphql')).toBe(previous);
    expect(usablePrevious({ ...previous, sample: true }, 'https://api.github.com/graphql')).toBeNull();
    expect(usablePrevious(previous, 'https://ghe.example.com/api/graphql')).toBeNull();
  });
});
