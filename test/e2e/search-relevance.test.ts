/**
 * The relevance suite (search-cases.ts) on /search/ in Chromium: what the reader sees, the
 * first three visible results, and the words marked in a snippet cut from the page's text.
 * Also: a longer query never shows more results than its prefix.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it, type ExpectStatic } from 'vitest';
import { useBuiltSite } from './browser.ts';
import { CASES, type Expected } from './search-cases.ts';

const built = useBuiltSite();
let context: BrowserContext;

beforeAll(async () => {
  context = await built.browser.newContext();
});
afterAll(() => context?.close());

const DONE = /^(\d[\d,]* results? for|No results)/;

/** Opens /search/?q= and waits for the final answer (not "Loading", not "board items still loading"). */
async function searchFor(query: string, expect: ExpectStatic): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${built.origin}/search/?q=${encodeURIComponent(query)}`);
  const status = page.locator('search-page [data-search-status]');
  await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(DONE);
  await expect.poll(() => status.textContent()).not.toMatch(/still loading/);
  return page;
}

const visibleTop = (page: Page, n: number) =>
  page.locator('#search-results li.search-result').evaluateAll(
    (items, n) =>
      items
        .filter((li) => (li as HTMLElement).offsetParent !== null)
        .slice(0, n)
        .map((li) => {
          const a = li.querySelector('a')!;
          return {
            href: a.getAttribute('href')!,
            title: a.textContent!,
            ref: (li as HTMLElement).dataset['ref']!,
          };
        }),
    n,
  );

const options = (e: Expected) => (typeof e === 'object' && 'anyOf' in e ? e.anyOf : [e]);
const matches = (hit: { href: string; title: string }, e: string | RegExp) =>
  typeof e === 'string' ? hit.href === e : e.test(hit.title);

describe.concurrent('search relevance on /search/ in Chromium', () => {
  it.for(CASES.map((c) => [c.query, c] as const))(
    'shows the expected pages for %j in the first three',
    async ([, c], { expect }) => {
      const page = await searchFor(c.query, expect);
      const top = await visibleTop(page, 3);
      for (const e of c.expect) {
        expect(
          top.some((hit) => options(e).some((o) => matches(hit, o))),
          `expected ${String(options(e))} for "${c.query}", saw ${JSON.stringify(top)}`,
        ).toBe(true);
      }
      if (c.snippet) {
        const first = top.find((hit) => options(c.expect[0]!).some((o) => matches(hit, o)))!;
        const marks = page.locator(`#search-results li[data-ref="${first.ref}"] .search-result-snippet mark`);
        await expect
          .poll(async () => (await marks.allTextContents()).map((m) => m.toLowerCase()))
          .toEqual(expect.arrayContaining(c.snippet));
      }
      await page.close();
    },
  );

  const count = async (query: string, expect: ExpectStatic) => {
    const page = await searchFor(query, expect);
    const text = (await page.locator('search-page [data-search-status]').textContent())!;
    await page.close();
    return /^No results/.test(text) ? 0 : Number(/^([\d,]+)/.exec(text)![1]!.replace(/,/g, ''));
  };

  it.for([
    ['membership inference', 'membership inference attack'],
    ['GDPR', 'GDPR 72 hours'],
    ['data', 'data poisoning'],
    ['model', 'model supply chain'],
    ['prompt', 'prompt injection agent'],
  ])('shows no more results for "%s …" than for "%s"', async ([shorter, longer], { expect }) => {
    const [a, b] = [await count(`${shorter} `, expect), await count(`${longer} `, expect)];
    expect(a).toBeGreaterThan(0);
    expect(b).toBeLessThanOrEqual(a);
  });
});
