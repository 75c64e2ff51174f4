import { describe, expect, it } from 'vitest';
import { issueBody, issueTitle } from '../../src/lib/assess/issue-body.ts';
import { ISSUE_URL_LIMIT, issueLink, TRIMMED_NOTE } from '../../src/lib/assess/issue-link.ts';
import { boardLabels } from '../../src/lib/assess/register-labels.ts';
import { hostile, injection } from '../fixtures/assess/register-entries.ts';

const absolute = (path: string) => new URL(path, 'https://risks.tandem.test/').href;
const repository = 'https://github.com/tandem-test/risks';

describe('File as GitHub issue', () => {
  it('opens the repository’s new-issue page with the title, the whole body and the board labels', () => {
    const link = issueLink(injection, { repository, absolute });
    const url = new URL(link.url);
    expect(`${url.origin}${url.pathname}`).toBe(`${repository}/issues/new`);
    expect(url.searchParams.get('title')).toBe(issueTitle(injection));
    expect(url.searchParams.get('body')).toBe(issueBody(injection, absolute));
    expect(url.searchParams.get('labels')).toBe(boardLabels(injection).join(','));
    expect(link).toMatchObject({ trimmed: false, labels: boardLabels(injection) });
  });

  it('cannot gain parameters or lose its labels to a hostile title', () => {
    const entry = { ...injection, title: 'a&labels=pwned&assignees=me#frag\nb\uFFFF' };
    const url = new URL(issueLink(entry, { repository, absolute }).url);
    expect([...url.searchParams.keys()]).toEqual(['title', 'body', 'labels']);
    expect(url.searchParams.get('labels')).toBe(boardLabels(entry).join(','));
    expect(url.hash).toBe('');
    expect(url.searchParams.get('title')).toBe('a&labels=pwned&assignees=me#frag b');
  });

  it('stays under the URL limit by cutting the body at a paragraph and saying so', () => {
    const link = issueLink(hostile, { repository, absolute });
    expect(link.url.length).toBeLessThanOrEqual(ISSUE_URL_LIMIT);
    expect(link.trimmed).toBe(true);
    const body = new URL(link.url).searchParams.get('body')!;
    expect(body.endsWith(TRIMMED_NOTE)).toBe(true);
    expect(
      issueBody(hostile, absolute).startsWith(
        body
          .slice(0, body.length - TRIMMED_NOTE.length)
          .trimEnd()
          .replace(/…$/, ''),
      ),
    ).toBe(true);
    expect(new URL(link.url).searchParams.get('labels')).toBe(boardLabels(hostile).join(','));
  });

  it('still fits when a single paragraph is longer than the limit', () => {
    const entry = { ...injection, system: { name: 'x'.repeat(20_000), purpose: '' } };
    const link = issueLink(entry, { repository, absolute });
    expect(link.url.length).toBeLessThanOrEqual(ISSUE_URL_LIMIT);
    expect(link.trimmed).toBe(true);
  });
});
