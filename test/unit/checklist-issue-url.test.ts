import { describe, expect, it } from 'vitest';
import { issueLink, MAX_ISSUE_URL_LENGTH, PASTE_HINT } from '../../src/lib/issue-url.ts';

const target = { url: 'https://github.com/acme/reviews', labels: ['checklist-run', 'needs triage'] };

/** The query a fitting link carries, decoded the way GitHub decodes it. */
function params(link: ReturnType<typeof issueLink>) {
  const url = new URL(link.url);
  expect(`${url.origin}${url.pathname}`).toBe('https://github.com/acme/reviews/issues/new');
  return url.searchParams;
}

describe('new-issue link for a checklist run', () => {
  it('prefills title, body and labels when the whole URL fits', () => {
    const link = issueLink(target, {
      title: 'Checklist: Release review — Run 1',
      body: '# Release review\n\n- [x] Owner named\n',
    });
    expect(link.fits).toBe(true);
    const query = params(link);
    expect(query.get('title')).toBe('Checklist: Release review — Run 1');
    expect(query.get('body')).toBe('# Release review\n\n- [x] Owner named\n');
    expect(query.get('labels')).toBe('checklist-run,needs triage');
  });

  it('encodes every character that could end or change the query, and round-trips Unicode', () => {
    const body = 'a&b=c#d?e+f%20g / h\r\n[x] ~~i~~ <script>alert(1)</script> 👩🏽‍💻 Ü 漢字 \u2028 end';
    const link = issueLink(target, { title: 'Title & #1 + 100%', body });
    const raw = link.url.slice(link.url.indexOf('?') + 1);
    expect(raw).not.toMatch(/[#\s<>"]/);
    expect(raw.split('&').map((pair) => pair.split('=')[0])).toEqual(['title', 'body', 'labels']);
    const query = params(link);
    expect(query.get('title')).toBe('Title & #1 + 100%');
    expect(query.get('body')).toBe(body);
  });

  it('allows a URL of exactly the limit and refuses one character more', () => {
    const base = issueLink(target, { title: 't', body: '' }).url.length;
    const atLimit = issueLink(target, { title: 't', body: 'x'.repeat(MAX_ISSUE_URL_LENGTH - base) });
    expect(atLimit).toMatchObject({ fits: true });
    expect(atLimit.url).toHaveLength(MAX_ISSUE_URL_LENGTH);
    const over = issueLink(target, { title: 't', body: 'x'.repeat(MAX_ISSUE_URL_LENGTH - base + 1) });
    expect(over).toMatchObject({
      fits: false,
      length: MAX_ISSUE_URL_LENGTH + 1,
      limit: MAX_ISSUE_URL_LENGTH,
    });
  });

  it('measures the encoded length, so text that grows when encoded falls back sooner', () => {
    // Each "é" is two UTF-8 bytes, six characters once percent-encoded.
    const link = issueLink(target, { title: 't', body: 'é'.repeat(1400) });
    expect(link).toMatchObject({ fits: false });
    if (!link.fits) expect(link.length).toBeGreaterThan(1400 * 6);
  });

  it('falls back to a short link with the title and a note to paste the copied body', () => {
    const link = issueLink(target, { title: 'Checklist: Release review — Run 1', body: 'x'.repeat(20_000) });
    expect(link.fits).toBe(false);
    expect(link.url.length).toBeLessThan(400);
    const query = params(link);
    expect(query.get('title')).toBe('Checklist: Release review — Run 1');
    expect(query.get('body')).toBe(PASTE_HINT);
    expect(query.get('labels')).toBe('checklist-run,needs triage');
  });

  it('honours a custom limit', () => {
    expect(issueLink(target, { title: 't', body: 'short' }, 50)).toMatchObject({ fits: false, limit: 50 });
  });

  it('leaves labels out when none are configured', () => {
    expect(params(issueLink({ url: target.url, labels: [] }, { title: 't', body: 'b' })).has('labels')).toBe(
      false,
    );
  });
});
