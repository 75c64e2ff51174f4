import { describe, expect, it } from 'vitest';
import { breadcrumbs } from '../../src/lib/breadcrumbs.ts';
import { checklistVersion } from '../../src/lib/checklist-version.ts';
import { buildNow } from '../../src/lib/clock.ts';
import { duration, isoDate, ownerLabel } from '../../src/lib/format.ts';
import { editUrl, newIssueUrl, reportProblemUrl } from '../../src/lib/links.ts';
import { reviewStatus } from '../../src/lib/review.ts';

const repo = { url: 'https://github.com/tandem-test/risks', branch: 'main' };

describe('reviewStatus', () => {
  const reviewed = new Date('2026-01-01T00:00:00Z');
  it('is not overdue on day 180', () => {
    expect(reviewStatus(reviewed, new Date('2026-06-30T00:00:00Z'), 180)).toMatchObject({
      ageDays: 180,
      overdue: false,
    });
  });
  it('is overdue from day 181 and says when it fell due', () => {
    const status = reviewStatus(reviewed, new Date('2026-07-01T00:00:00Z'), 180);
    expect(status.overdue).toBe(true);
    expect(isoDate(status.dueDate)).toBe('2026-06-30');
  });
});

describe('links', () => {
  it('builds an edit link to the file on the configured branch', () => {
    expect(editUrl(repo, 'content/modules/a b/x.mdx')).toBe(
      'https://github.com/tandem-test/risks/edit/main/content/modules/a%20b/x.mdx',
    );
  });
  it('encodes every value of a new-issue URL so text cannot break out of it', () => {
    const url = new URL(
      newIssueUrl(repo, { title: 'a&b=c#d', body: 'line\n<script>', labels: ['content', 'bug'] }),
    );
    expect(url.pathname).toBe('/tandem-test/risks/issues/new');
    expect(url.searchParams.get('title')).toBe('a&b=c#d');
    expect(url.searchParams.get('body')).toBe('line\n<script>');
    expect(url.searchParams.get('labels')).toBe('content,bug');
  });
  it('prefills a problem report with the page, its URL and its source file', () => {
    const url = new URL(
      reportProblemUrl(repo, {
        title: 'Glossary',
        url: 'https://x.test/glossary/',
        filePath: 'content/glossary/terms.yaml',
      }),
    );
    expect(url.searchParams.get('title')).toBe('Problem on "Glossary"');
    expect(url.searchParams.get('body')).toContain('Source: content/glossary/terms.yaml');
    expect(url.searchParams.get('body')).toContain('URL: https://x.test/glossary/');
  });
});

describe('breadcrumbs', () => {
  it('has no trail on the home page', () => {
    expect(breadcrumbs('/', 'Home')).toEqual([]);
  });
  it('names sections, uses given labels, and ends with the page title', () => {
    expect(
      breadcrumbs('/learn/shared/running-the-sync/', 'Running the sync', { shared: 'Working together' }),
    ).toEqual([
      { label: 'Home', href: '/' },
      { label: 'Learn', href: '/learn/' },
      { label: 'Working together', href: '/learn/shared/' },
      { label: 'Running the sync', href: '/learn/shared/running-the-sync/' },
    ]);
  });
  it('keeps the base path out of the trail but in the links', () => {
    expect(breadcrumbs('/tandem/board/', 'Board', {}, '/tandem/')).toEqual([
      { label: 'Home', href: '/tandem/' },
      { label: 'Board', href: '/tandem/board/' },
    ]);
  });
});

describe('checklistVersion', () => {
  const sections = [{ items: [{ id: 'a', title: 'A', prompt: 'Is A done?' }] }];
  it('is stable for the same items', () => {
    expect(checklistVersion(sections)).toBe(checklistVersion(structuredClone(sections)));
    expect(checklistVersion(sections)).toMatch(/^[0-9a-f]{8}$/);
  });
  it('changes when an item is added or its prompt changes', () => {
    const added = [{ items: [...sections[0]!.items, { id: 'b', title: 'B', prompt: 'Is B done?' }] }];
    const reworded = [{ items: [{ id: 'a', title: 'A', prompt: 'Is A really done?' }] }];
    expect(checklistVersion(added)).not.toBe(checklistVersion(sections));
    expect(checklistVersion(reworded)).not.toBe(checklistVersion(sections));
  });
});

describe('format', () => {
  it('names owner teams and the missing owner', () => {
    expect(ownerLabel('data-science')).toBe('Data science');
    expect(ownerLabel(null)).toBe('Needs an owner');
  });
  it('formats dates independent of the machine time zone', () => {
    expect(isoDate(new Date('2026-11-20T23:30:00Z'))).toBe('2026-11-20');
  });
  it('formats durations', () => {
    expect(duration(45)).toBe('45 min');
    expect(duration(90)).toBe('1 h 30 min');
    expect(duration(120)).toBe('2 h');
  });
});

describe('buildNow', () => {
  it('uses TANDEM_NOW when set and rejects nonsense', () => {
    expect(buildNow({ TANDEM_NOW: '2026-11-25T12:00:00Z' }).toISOString()).toBe('2026-11-25T12:00:00.000Z');
    expect(() => buildNow({ TANDEM_NOW: 'soon' })).toThrow(/TANDEM_NOW="soon"/);
  });
});
