import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readPages } from '../site/dist.ts';
import { useBuiltSite } from './browser.ts';

const built = useBuiltSite();
let context: BrowserContext;
let page: Page;
let moduleRoute: string;
/** Problems the page reported: uncaught errors, console errors, dialogs (an alert() would be XSS). */
let problems: string[];

beforeAll(() => {
  moduleRoute = readPages(built.distDir).find((p) => /^\/learn\/[^/]+\/[^/]+\/$/.test(p.route))!.route;
});

beforeEach(async () => {
  await context?.close();
  context = await built.browser.newContext();
  page = await context.newPage();
  problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  // A failed request is reported with its URL; Chromium's console line for it has none.
  page.on(
    'console',
    (m) =>
      m.type() === 'error' &&
      !m.text().startsWith('Failed to load resource') &&
      problems.push(`console: ${m.text()}`),
  );
  page.on(
    'response',
    (r) => r.status() >= 400 && problems.push(`HTTP ${r.status()}: ${new URL(r.url()).pathname}`),
  );
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
});

const headerInput = () => page.locator('search-box input[type="search"]');
const panelLinks = () => page.locator('search-box [data-search-panel] a[data-search-result]');
const resultLinks = () => page.locator('#search-results a');
const status = () => page.locator('search-page [data-search-status]');

describe('search in Chromium', () => {
  it('loads no search code or index before intent, and fetches them when the header box gets focus', async () => {
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${built.origin}${moduleRoute}`, { waitUntil: 'networkidle' });
    expect(requested.filter((p) => /search-ui|\/search\/.*\.json$/.test(p))).toEqual([]);

    await Promise.all([
      page.waitForRequest((r) => r.url().endsWith('/search/manifest.json')),
      headerInput().focus(),
    ]);
    expect(requested.some((p) => /search-ui/.test(p))).toBe(true);
    expect(problems).toEqual([]);
  });

  it('starts loading search when the pointer moves over the box, before any click', async () => {
    await page.goto(`${built.origin}${moduleRoute}`, { waitUntil: 'networkidle' });
    await Promise.all([
      page.waitForRequest((r) => r.url().endsWith('/search/manifest.json')),
      headerInput().hover(),
    ]);
  });

  it('fetches only the shards of the words typed and the chunks of the results shown', async () => {
    const requested: string[] = [];
    page.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await page.goto(`${built.origin}/`, { waitUntil: 'networkidle' });
    await headerInput().focus();
    await headerInput().pressSequentially('poison');
    await expect
      .poll(() => page.locator('search-box [data-search-heading]').textContent())
      .toMatch(/^\d+ results$/);
    expect(await panelLinks().count()).toBe(8);
    const files = requested.filter((p) => p.startsWith('/search/'));
    const shards = files.filter((p) => /^\/search\/(content|board)\//.test(p));
    expect(shards).toEqual(expect.arrayContaining(['/search/board/po.json', '/search/content/po.json']));
    // A pause after the first key on a slow machine may fetch the one-letter shard first;
    // anything else would be a shard of a word nobody typed.
    const typedPrefixes = /^\/search\/(content|board)\/(p|po)\.json$/;
    expect(shards.filter((p) => !typedPrefixes.test(p))).toEqual([]);
    expect(files.filter((p) => p.startsWith('/search/docs/')).length).toBeLessThanOrEqual(8);
    expect(files.some((p) => p.startsWith('/search/text/'))).toBe(false);
    expect(problems).toEqual([]);
  });

  it('focuses the header box on "/" and shows popular modules while it is empty', async () => {
    await page.goto(`${built.origin}${moduleRoute}`);
    await page.locator('main h1').click();
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('header-search-q');
    await expect
      .poll(() => page.locator('search-box [data-search-heading]').textContent())
      .toBe('Popular modules');
    expect(await panelLinks().count()).toBeGreaterThan(0);
    expect(await headerInput().inputValue()).toBe('');
  });

  it('shows results while typing in the header box, moves through them with the arrow keys and opens one', async () => {
    await page.goto(`${built.origin}${moduleRoute}`);
    await headerInput().click();
    await headerInput().pressSequentially('poisoning');
    await expect.poll(() => panelLinks().count()).toBeGreaterThan(1);
    expect(await panelLinks().first().locator('mark').first().textContent()).toMatch(/^poison/i);
    await expect
      .poll(() => page.locator('search-box [data-search-status]').textContent())
      .toMatch(/^\d+ results? for poisoning\./);

    await page.keyboard.press('ArrowDown');
    const first = await panelLinks().nth(0).getAttribute('href');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(first);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(
      await panelLinks().nth(1).getAttribute('href'),
    );
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('header-search-q');

    await page.keyboard.press('ArrowDown');
    await Promise.all([page.waitForURL(`${built.origin}${first}`), page.keyboard.press('Enter')]);
    expect(problems).toEqual([]);
  });

  it('closes the panel on Escape and submits to /search/ on Enter', async () => {
    await page.goto(`${built.origin}/`);
    await headerInput().fill('drift');
    await expect.poll(() => panelLinks().count()).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    expect(await page.locator('search-box [data-search-panel]').isHidden()).toBe(true);
    await Promise.all([page.waitForURL(/\/search\/\?q=drift$/), page.keyboard.press('Enter')]);
    await expect.poll(() => resultLinks().count()).toBeGreaterThan(0);
  });

  it('renders /search/?q= results as one ranked list inside #search-results, highlighted, counted and faceted', async () => {
    await page.goto(`${built.origin}/search/?q=membership+inference`);
    await expect.poll(() => status().textContent()).toMatch(/^\d+ results for “membership inference”: /);
    expect(await page.locator('#search-q').inputValue()).toBe('membership inference');
    expect(await status().getAttribute('aria-live')).toBe('polite');
    const marks = await page.locator('#search-results mark').allTextContents();
    expect(marks.map((m) => m.toLowerCase())).toEqual(expect.arrayContaining(['membership', 'inference']));
    expect(await resultLinks().first().getAttribute('href')).toBe('/glossary/#membership-inference');
    // One list of results of every type, then those with only some of the words under their own heading.
    const types = await page
      .locator('#search-results ol[aria-label="Results"] > li')
      .evaluateAll((items) => new Set(items.map((i) => (i as HTMLElement).dataset['type'])).size);
    expect(types).toBeGreaterThan(2);
    const full = Number(/^(\d+)/.exec((await status().textContent())!)![1]);
    expect(await page.locator('#search-results ol[aria-label="Results"] > li').count()).toBe(
      Math.min(full, 20),
    );
    if (full < 20)
      expect(await page.locator('#search-partial').textContent()).toBe('Results with some of your words');
    const all = page.locator('[data-search-filters] button[data-filter=""]');
    expect(await all.getAttribute('aria-pressed')).toBe('true');
    expect(await all.locator('[data-count]').textContent()).toBe(String(full));
  });

  it('lists results with only some of the words after the full matches, under their own heading', async () => {
    await page.goto(`${built.origin}/search/?q=${encodeURIComponent('jailbreak sales copilot')}`);
    // Guidance answers first (nothing there has every word); wait for the board's stage, which has the full match.
    await expect.poll(() => status().textContent()).toMatch(/^1 result for /);
    expect(await page.locator('#search-partial').count()).toBe(1);
    const lists = page.locator('#search-results ol');
    expect(await lists.nth(0).getAttribute('aria-label')).toBe('Results');
    expect(await lists.nth(0).locator('li').first().textContent()).toMatch(/Jailbreak prompts circulating/);
    expect(await lists.nth(1).getAttribute('aria-label')).toBe('Results with some of your words');
    expect(await lists.nth(1).locator('li').count()).toBeGreaterThan(0);
  });

  it('shows more results on request and keeps focus on the button', async () => {
    await page.goto(`${built.origin}/search/?q=model`);
    await expect.poll(() => page.locator('#search-results li').count()).toBe(20);
    await page.locator('[data-search-more]').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#search-results li').count()).toBe(40);
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-search-more'))).toBe(true);
  });

  it('cuts snippets around the words searched for once the page text arrives', async () => {
    await page.goto(`${built.origin}/search/?q=${encodeURIComponent('GDPR 72 hours')}`);
    await expect
      .poll(() =>
        page.locator('#search-results li').first().locator('.search-result-snippet mark').allTextContents(),
      )
      .toEqual(expect.arrayContaining(['72', 'hours']));
  });

  it('moves between results on the search page with the arrow keys', async () => {
    await page.goto(`${built.origin}/search/?q=drift`);
    await expect.poll(() => resultLinks().count()).toBeGreaterThan(2);
    await page.locator('#search-q').focus();
    const hrefs = await resultLinks().evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    const active = () => page.evaluate(() => document.activeElement?.getAttribute('href'));
    await page.keyboard.press('ArrowDown');
    expect(await active()).toBe(hrefs[0]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await active()).toBe(hrefs[2]);
    await page.keyboard.press('ArrowUp');
    expect(await active()).toBe(hrefs[1]);
  });

  it('filters results by type and keeps the filter in the URL', async () => {
    await page.goto(`${built.origin}/search/?q=drift`);
    await expect.poll(() => resultLinks().count()).toBeGreaterThan(0);
    const glossary = page.locator('[data-search-filters] button[data-filter="term"]');
    await glossary.click();
    expect(await glossary.getAttribute('aria-pressed')).toBe('true');
    await expect
      .poll(() =>
        page
          .locator('#search-results .search-result')
          .evaluateAll((items) => [...new Set(items.map((i) => (i as HTMLElement).dataset['type']))]),
      )
      .toEqual(['term']);
    expect(new URL(page.url()).searchParams.get('type')).toBe('term');
    await page.reload();
    await expect.poll(() => page.locator('#search-results .search-result').count()).toBeGreaterThan(0);
    expect(await page.locator('#search-results .search-result:not([data-type="term"])').count()).toBe(0);
  });

  it('suggests popular modules for an empty query', async () => {
    await page.goto(`${built.origin}/search/`);
    await expect.poll(() => page.locator('#search-results h2').textContent()).toBe('Popular modules');
    const hrefs = await resultLinks().evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.every((h) => h!.startsWith('/learn/'))).toBe(true);
  });

  it.each([
    ['an HTML image with an onerror handler', '<img src=x onerror=alert(1)>'],
    ['a script element', '<script>alert(document.domain)</script>'],
    ['lunr syntax alone', '*:^~+-"'],
    ['an unclosed phrase', '"unclosed phrase'],
    ['a leading wildcard', '*poison'],
    ['field, boost, fuzziness and presence syntax', 'title:poison^10 ~2 +data -model'],
    ['control, bidi and bracket characters', '\u202e\u0000 )( ] [ } {'],
    ['500 characters', 'a'.repeat(500)],
    ['U+FFFF and emoji', '\uffff poison 🧪🔥'],
    ['5 KB of nested brackets', '['.repeat(2500) + ']'.repeat(2500)],
  ])('renders a query of %s as text only, with no dialog and no error', async (_, query) => {
    await page.goto(`${built.origin}/search/?q=${encodeURIComponent(query)}`);
    await expect.poll(() => status().textContent()).not.toMatch(/^(Loading search…)?$/);
    expect(
      await page.locator('#search-results img, #search-results script, #search-results iframe').count(),
    ).toBe(0);
    expect(await page.locator('#search-q').inputValue()).toBe(query);
    await headerInput().fill(query);
    await page.waitForTimeout(200);
    expect(await page.locator('search-box img, search-box script').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('says why a leading wildcard was ignored and still finds the word', async () => {
    await page.goto(`${built.origin}/search/?q=*poisoning`);
    await expect.poll(() => status().textContent()).toMatch(/leading \* was ignored/);
    expect(await resultLinks().count()).toBeGreaterThan(0);
  });

  it('keeps the search page usable without JavaScript', async () => {
    const noJs = await built.browser.newContext({ javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await plain.goto(`${built.origin}/search/?q=drift`);
    expect(await plain.locator('form[role="search"][action="/search/"]').count()).toBe(2);
    expect(await plain.locator('main a[href^="/learn/"]').count()).toBeGreaterThan(0);
    await noJs.close();
  });

  it.each(['light', 'dark'] as const)(
    'has no axe violations with results, facets, partial matches and the header panel open (%s theme)',
    async (colorScheme) => {
      const themed = await built.browser.newContext({ colorScheme });
      const p = await themed.newPage();
      await p.goto(`${built.origin}/search/?q=${encodeURIComponent('membership inference attack')}`);
      await expect.poll(() => p.locator('#search-partial').count()).toBe(1);
      expect(await p.locator('[data-search-filters] button:not([hidden])').count()).toBeGreaterThan(2);
      await p.locator('search-box input[type="search"]').fill('drift');
      await expect.poll(() => p.locator('search-box [data-search-panel] a').count()).toBeGreaterThan(0);
      const result = await new AxeBuilder({ page: p })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      expect(
        result.violations.map(
          (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`,
        ),
      ).toEqual([]);
      await themed.close();
    },
  );
});
