import { describe, expect, it } from 'vitest';
import { createReporter } from '../../src/lib/sync/progress.ts';
import { formatSummary } from '../../src/lib/sync/summary.ts';
import { snapshotSchema } from '../../src/schemas/snapshot.ts';

function capture(isTTY: boolean) {
  let text = '';
  return { stream: { isTTY, write: (t: string) => (text += t) }, text: () => text };
}

describe('progress reporting', () => {
  it('prints a plain line per step when not on a terminal', () => {
    const out = capture(false);
    const reporter = createReporter(out.stream);
    reporter.start('acme/x', 'full', '--full');
    reporter.page('acme/x', 1, 100);
    reporter.page('acme/x', 2, 150);
    reporter.done('acme/x', '150 issue(s) read, 150 on the board');
    expect(out.text()).toBe(
      'acme/x: full sync (--full)\nacme/x: page 1, 100 issues\nacme/x: page 2, 150 issues\nacme/x: 150 issue(s) read, 150 on the board\n',
    );
    expect(out.text()).not.toContain('\r');
  });

  it('redraws one line per source on a terminal', () => {
    const out = capture(true);
    const reporter = createReporter(out.stream);
    reporter.page('acme/x', 1, 100);
    reporter.page('acme/x', 2, 150);
    reporter.warn('slow');
    expect(out.text()).toBe(
      '\r\x1b[2Kacme/x: page 1, 100 issues\r\x1b[2Kacme/x: page 2, 150 issues\r\x1b[2Kwarning: slow\n',
    );
  });
});

describe('the closing summary', () => {
  it('gives items per source and owner, requests, points and time', () => {
    const item = (n: number, owner: string | null) => ({
      key: `acme/x#${n}`,
      repo: 'acme/x',
      number: n,
      title: 't',
      url: `https://github.com/acme/x/issues/${n}`,
      owner,
      createdAt: '2026-01-01T00:00:00Z',
      updatedAt: '2026-01-01T00:00:00Z',
    });
    const snapshot = snapshotSchema.parse({
      version: 1,
      items: [
        item(1, 'security'),
        {
          ...item(2, null),
          flags: ['"owner :security" looks like an owner label but is not written as one'],
        },
        { ...item(3, 'security'), bodySkipped: 'the body is nested 1,100 levels deep, over the limit of 64' },
      ],
    });
    const text = formatSummary({
      snapshot,
      reports: [
        { repo: 'acme/x', mode: 'incremental', status: 'ok', items: 3, pages: 1, issues: 2, message: null },
        {
          repo: 'acme/private',
          mode: 'full',
          status: 'skipped',
          items: 0,
          pages: 1,
          issues: 0,
          message: 'private repository',
        },
      ],
      requests: 2,
      points: 4,
      remaining: 4996,
      elapsedMs: 1234,
      file: 'snapshot.json unchanged',
    });
    expect(text).toContain('Board sync: 3 items from 2 source(s) in 1.2 s');
    expect(text).toMatch(
      /acme\/x\s+incremental\s+3 items \(security 2, data-science 0, shared 0, needs an owner 1\), 1 page\(s\), 1 with label problems, 1 shown as excerpts \(see their board pages\)/,
    );
    expect(text).toMatch(/acme\/private\s+full\s+skipped: private repository/);
    expect(text).toContain('2 request(s), 4 rate-limit point(s) used, 4996 left');
    expect(text).toContain('snapshot snapshot.json unchanged');
    expect(text).not.toMatch(/closed in the last/);
  });

  it('says how many recently closed items the snapshot keeps for the agenda', () => {
    const snapshot = snapshotSchema.parse({
      version: 1,
      closed: [
        {
          key: 'acme/x#1',
          repo: 'acme/x',
          number: 1,
          title: 't',
          url: 'https://github.com/acme/x/issues/1',
          createdAt: '2026-01-01T00:00:00Z',
          updatedAt: '2026-11-01T00:00:00Z',
          closedAt: '2026-11-01T00:00:00Z',
        },
      ],
    });
    const text = formatSummary({
      snapshot,
      reports: [],
      requests: 1,
      points: 3,
      remaining: null,
      elapsedMs: 10,
      file: 'snapshot.json written',
    });
    expect(text).toContain('  1 item(s) closed in the last 90 days, kept for the agenda\n');
  });
});
