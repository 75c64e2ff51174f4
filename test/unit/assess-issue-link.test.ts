import { describe, expect, it } from 'vitest';
import { CLOSING, issueBody, issueTitle } from '../../src/lib/assess/issue-body.ts';
import { ISSUE_URL_LIMIT, issueLink, TRIMMED_NOTE } from '../../src/lib/assess/issue-link.ts';
import { boardLabels } from '../../src/lib/assess/register-labels.ts';
import { hostile, injection, realistic } from '../fixtures/assess/register-entries.ts';

const absolute = (path: string) => new URL(path, 'https://risks.tandem.test/').href;
const repository = 'https://github.com/tandem-test/risks';

function decode(url: string) {
  const parsed = new URL(url);
  return {
    page: `${parsed.origin}${parsed.pathname}`,
    keys: [...parsed.searchParams.keys()],
    title: parsed.searchParams.get('title'),
    body: parsed.searchParams.get('body')!,
    labels: parsed.searchParams.get('labels')?.split(','),
    hash: parsed.hash,
  };
}

describe('File as GitHub issue', () => {
  it('opens the new-issue page with the title, the whole body with both teams’ views, and the board labels', () => {
    for (const entry of realistic) {
      const link = issueLink(entry, { repository, absolute });
      expect(link).toEqual({ url: link.url, labels: boardLabels(entry), trimmed: false });
      expect(decode(link.url)).toEqual({
        page: `${repository}/issues/new`,
        keys: ['title', 'body', 'labels'],
        title: entry.title,
        body: issueBody(entry, absolute),
        labels: boardLabels(entry),
        hash: '',
      });
    }
    const { body } = decode(issueLink(injection, { repository, absolute }).url);
    expect(body).toContain(`### Security’s view\n\n${injection.views.security}`);
    expect(body).toContain(`### Data science’s view\n\n${injection.views.dataScience}`);
  });

  it.each([
    ['a parameter', 'Refunds&labels=pwned&assignees=me&body=x'],
    ['a fragment', 'Refunds #1 #frag'],
    ['line breaks', 'Refunds\r\nlabels=pwned\n\nmore'],
    ['a noncharacter', 'Refunds \uFFFF\uFFFE'],
    ['5 KB', `Refunds ${'&labels=pwned#'.repeat(400)}`],
  ])('cannot be given another parameter or other labels by a title with %s', (_, title) => {
    const entry = { ...injection, title };
    const link = issueLink(entry, { repository, absolute });
    const decoded = decode(link.url);
    expect(decoded.keys).toEqual(['title', 'body', 'labels']);
    expect(decoded.labels).toEqual(boardLabels(injection));
    expect(decoded.hash).toBe('');
    expect(decoded.title).toBe(issueTitle(entry));
    expect([...decoded.title!].length).toBeLessThanOrEqual(256);
    expect(decoded.title).not.toMatch(/[\r\n\uFFFF\uFFFE]/);
    expect(link.url.length).toBeLessThanOrEqual(ISSUE_URL_LIMIT);
  });

  it('stays within 8,000 characters by cutting the body at a paragraph and saying so', () => {
    const link = issueLink(hostile, { repository, absolute });
    expect(ISSUE_URL_LIMIT).toBe(8000);
    expect(link.url.length).toBeLessThanOrEqual(ISSUE_URL_LIMIT);
    expect(link.trimmed).toBe(true);
    const { body, labels, title } = decode(link.url);
    expect(title).toBe(issueTitle(hostile));
    expect(labels).toEqual(boardLabels(hostile));
    const tail = `\n\n${TRIMMED_NOTE}\n\n${CLOSING}`;
    expect(body.endsWith(tail)).toBe(true);
    const kept = body.slice(0, -tail.length);
    // What is kept is whole paragraphs from the start of the full body, not ending on a heading.
    expect(issueBody(hostile, absolute).startsWith(`${kept}\n\n`)).toBe(true);
    expect(kept).toContain('### Rating');
    expect(kept.split('\n\n').at(-1)).not.toMatch(/^#/);
    expect(TRIMMED_NOTE).toContain('full text of this risk is in the register’s Markdown export');
  });

  it('cuts only between paragraphs and never leaves a heading with nothing under it, whatever the limit', () => {
    const full = issueBody(injection, absolute);
    const tail = `\n\n${TRIMMED_NOTE}\n\n${CLOSING}`;
    const longest = issueLink(injection, { repository, absolute }).url.length;
    const seen = new Set<string>();
    for (let limit = longest - 1; ; limit -= 7) {
      const link = issueLink(injection, { repository, absolute }, limit);
      expect(link.url.length).toBeLessThanOrEqual(limit);
      const kept = decode(link.url).body.slice(0, -tail.length);
      if (kept.endsWith('…')) break; // down to part of the first paragraph
      expect(full.startsWith(`${kept}\n\n`)).toBe(true);
      expect(kept.split('\n\n').at(-1)).not.toMatch(/^#/);
      seen.add(kept);
    }
    // The sweep cut after every block but the last ones (a heading never ends what is kept).
    const blocks = full.split('\n\n').length;
    expect(seen.size).toBeGreaterThan(blocks / 2);
  });

  it('keeps the whole body when it fits exactly, and trims at one character more', () => {
    const full = issueLink(injection, { repository, absolute }).url.length;
    expect(issueLink(injection, { repository, absolute }, full).trimmed).toBe(false);
    const cut = issueLink(injection, { repository, absolute }, full - 1);
    expect(cut.trimmed).toBe(true);
    expect(cut.url.length).toBeLessThan(full);
  });

  it('still fits when the first paragraph alone is longer than the limit', () => {
    const entry = { ...injection, system: { name: 'é'.repeat(20_000), purpose: '' } };
    const link = issueLink(entry, { repository, absolute });
    expect(link.url.length).toBeLessThanOrEqual(ISSUE_URL_LIMIT);
    expect(link.url.length).toBeGreaterThan(ISSUE_URL_LIMIT - 20);
    expect(link.trimmed).toBe(true);
    expect(decode(link.url).body).toMatch(/^- \*\*System:\*\* é+…\n\n_Shortened/);
  });

  it('files into GitHub Enterprise Server or a trailing-slash address the same way', () => {
    const ghes = decode(
      issueLink(injection, { repository: 'https://ghe.acme.test/ml/risks/', absolute }).url,
    );
    expect(ghes.page).toBe('https://ghe.acme.test/ml/risks/issues/new');
  });

  it('refuses a repository address that is not http(s)', () => {
    expect(() => issueLink(injection, { repository: 'javascript:alert(1)//', absolute })).toThrow(TypeError);
    expect(() => issueLink(injection, { repository: 'tandem-test/risks', absolute })).toThrow(TypeError);
  });
});
