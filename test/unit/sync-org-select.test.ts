import { describe, expect, it } from 'vitest';
import { skipReason, type OrgRepository } from '../../src/lib/sync/org-repos.ts';
import { withRateBudget } from '../../src/lib/sync/rate-budget.ts';
import { SyncError } from '../../src/lib/sync/errors.ts';
import { parseConfig } from '../../src/lib/sync/config.ts';
import type { OrgSource } from '../../src/schemas/sources.ts';
import type { GraphqlClient } from '../../src/lib/sync/client.ts';

const orgSource = (yaml: string) =>
  parseConfig(`sources:\n  - org: acme\n${yaml}`, 'sources.yaml').sources[0] as OrgSource;
const repo = (name: string, patch: Partial<OrgRepository> = {}): OrgRepository => ({
  id: `R_${name}`,
  nameWithOwner: `acme/${name}`,
  visibility: 'PUBLIC',
  isArchived: false,
  hasIssuesEnabled: true,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  ...patch,
});

describe('which repositories an organisation source reads', () => {
  const none = new Set<string>();

  it('reads every public, live repository with issues by default', () => {
    const source = orgSource('');
    expect(skipReason(repo('ml-a'), source, none)).toBeNull();
    expect(skipReason(repo('x', { visibility: 'PRIVATE' }), source, none)).toBe('private');
    expect(skipReason(repo('x', { visibility: 'INTERNAL' }), source, none)).toBe('private');
    expect(skipReason(repo('x', { isArchived: true }), source, none)).toBe('archived');
    expect(skipReason(repo('x', { hasIssuesEnabled: false }), source, none)).toBe('noIssues');
    expect(skipReason(repo('ml-a'), source, new Set(['acme/ml-a']))).toBe('listedAsRepo');
  });

  it('reads private and archived ones only when the source opts in', () => {
    const source = orgSource('    includePrivate: true\n    includeArchived: true');
    expect(skipReason(repo('x', { visibility: 'PRIVATE', isArchived: true }), source, none)).toBeNull();
  });

  it('matches include and exclude globs on the name, letter case aside; exclude wins', () => {
    const source = orgSource("    include: ['ml-*', 'Fraud-?']\n    exclude: ['*-sandbox']");
    expect(skipReason(repo('ml-platform'), source, none)).toBeNull();
    expect(skipReason(repo('ML-Platform'), source, none)).toBeNull();
    expect(skipReason(repo('fraud-1'), source, none)).toBeNull();
    expect(skipReason(repo('fraud-12'), source, none)).toBe('excluded');
    expect(skipReason(repo('web'), source, none)).toBe('excluded');
    expect(skipReason(repo('ml-sandbox'), source, none)).toBe('excluded');
  });
});

describe('organisation sources in sources.yaml', () => {
  it('names the file and field of a mistake', () => {
    expect(() => parseConfig('sources:\n  - org: acme\n    include: ml-*\n', 'sources.yaml')).toThrow(
      /sources\.yaml has errors:[\s\S]*sources\[0\]\.include/,
    );
    expect(() => parseConfig('sources:\n  - org: acme\n    repo: acme/x\n', 'sources.yaml')).toThrow(
      /Unrecognized key: "repo"[\s\S]*sources\[0\]/,
    );
    expect(() => parseConfig('sources:\n  - org: -acme\n', 'sources.yaml')).toThrow(/organisation login/);
    expect(() => parseConfig("sources:\n  - org: acme\n    exclude: ['a b']\n", 'sources.yaml')).toThrow(
      /sources\[0\]\.exclude\[0\]/,
    );
    expect(() => parseConfig('sources:\n  - org: acme\n  - org: ACME\n', 'sources.yaml')).toThrow(
      /ACME is listed twice/,
    );
  });

  it('keeps repository sources as they were, next to organisations', () => {
    const config = parseConfig('sources:\n  - org: acme\n  - repo: partner/x\n', 'sources.yaml');
    expect(config.sources).toEqual([
      {
        org: 'acme',
        include: [],
        exclude: [],
        labels: ['risk', 'threat'],
        includePrivate: false,
        includeArchived: false,
      },
      { repo: 'partner/x', labels: ['risk', 'threat'], includePrivate: false, includeArchived: false },
    ]);
  });
});

describe('the rate-limit budget', () => {
  const client = (answers: Array<{ cost: number; remaining: number }>): GraphqlClient & { sent: number } => {
    const stats = {
      requests: 0,
      points: 0,
      remaining: null as number | null,
      authRequests: 0,
      tokensIssued: 0,
    };
    const fake = {
      sent: 0,
      stats,
      async query() {
        const answer = answers[fake.sent++]!;
        stats.remaining = answer.remaining;
        return { rateLimit: { ...answer, resetAt: '2026-12-01T13:05:00Z' } };
      },
    };
    return fake;
  };

  it('does not send a request that would cost more than is left, and says when the limit resets', async () => {
    const inner = client([
      { cost: 4, remaining: 10 },
      { cost: 4, remaining: 6 },
      { cost: 4, remaining: 2 },
    ]);
    const budgeted = withRateBudget(inner, () => new Date('2026-12-01T12:30:00Z'));
    await budgeted.query('query A { x }', {});
    await budgeted.query('query A { x }', {});
    await budgeted.query('query A { x }', {});
    const stop = await budgeted.query('query A { x }', {}).catch((error: unknown) => error);
    expect(stop).toBeInstanceOf(SyncError);
    expect((stop as SyncError).kind).toBe('rate-limit');
    expect((stop as SyncError).fatal).toBe(true);
    expect((stop as SyncError).message).toMatch(/2 point\(s\) left and the next request needs about 4/);
    expect((stop as SyncError).message).toMatch(
      /resets at 13:05 UTC \(in about 35 min\); run the sync again after that/,
    );
    expect(inner.sent).toBe(3);
  });

  it('uses the dearest cost seen for a document it has not sent yet', async () => {
    const inner = client([{ cost: 9, remaining: 5 }]);
    const budgeted = withRateBudget(inner);
    await budgeted.query('query A { x }', {});
    await expect(budgeted.query('query B { y }', {})).rejects.toThrow(/needs about 9/);
  });
});
