import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readPages, type BuiltPage } from '../site/dist.ts';
import { useBuiltSite } from './browser.ts';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const site = useBuiltSite();
let modules: BuiltPage[];
let glossary: BuiltPage;
/** A module whose text links several terms. */
let sample: BuiltPage;
let context: BrowserContext | undefined;

beforeAll(() => {
  const pages = readPages(site.distDir);
  modules = pages.filter((p) => /^\/learn\/[^/]+\/[^/]+\/$/.test(p.route));
  glossary = pages.find((p) => p.route === '/glossary/')!;
  sample = modules.find((m) => m.dom.querySelectorAll('glossary-term').length >= 5)!;
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

async function open(
  route: string,
  options: { colorScheme?: 'light' | 'dark'; width?: number; javaScriptEnabled?: boolean } = {},
): Promise<Page> {
  const { width = 1280, ...rest } = options;
  context = await site.browser.newContext({ viewport: { width, height: 800 }, ...rest });
  const page = await context.newPage();
  await page.goto(`${site.origin}${route}`);
  return page;
}

const popover = (page: Page) => page.locator('.glossary-popover[role="tooltip"]');
const definition = (page: Page, id: string) => page.locator(`.terms-used dd[id="glossary-definition-${id}"]`);

describe('glossary terms in modules', () => {
  it('links the first use of each term once, never in headings, code or links, and lists exactly those terms', () => {
    const entries = new Set(glossary.dom.querySelectorAll('dl.glossary dt[id]').map((dt) => dt.id));
    const problems: string[] = [];
    for (const m of modules) {
      const terms = m.dom.querySelectorAll('glossary-term');
      const ids = terms.map((t) => t.getAttribute('data-term')!);
      if (ids.length === 0) problems.push(`${m.route}: no term linked`);
      if (new Set(ids).size !== ids.length) problems.push(`${m.route}: a term is linked twice`);
      for (const t of terms) {
        const id = t.getAttribute('data-term')!;
        const link = t.querySelector('a')!;
        if (!entries.has(id)) problems.push(`${m.route}: "${id}" is not a glossary entry`);
        if (link.getAttribute('href') !== `/glossary/#${id}`)
          problems.push(`${m.route}: "${id}" links elsewhere`);
        if (t.closest('h1, h2, h3, h4, h5, h6, pre, code, a'))
          problems.push(`${m.route}: "${id}" linked inside ${t.parentNode?.tagName}`);
        const described = m.dom.querySelector(`[id="${link.getAttribute('aria-describedby')}"]`);
        if (!described?.closest('.terms-used'))
          problems.push(`${m.route}: "${id}" is not described by the list`);
      }
      const listed = m.dom
        .querySelectorAll('.terms-used dd[id]')
        .map((dd) => dd.id.replace('glossary-definition-', ''));
      if ([...listed].sort().join(' ') !== [...ids].sort().join(' '))
        problems.push(`${m.route}: list [${listed.join(', ')}] differs from links [${ids.join(', ')}]`);
    }
    expect(problems).toEqual([]);
  });

  it('shows the definition on hover, keeps it while the pointer is on it, and hides it when the pointer leaves or on Escape', async () => {
    const page = await open(sample.route);
    const term = page.locator('glossary-term').first();
    const id = (await term.getAttribute('data-term'))!;
    expect(await popover(page).count()).toBe(0);
    await term.locator('a').hover();
    await expect.poll(() => popover(page).isVisible()).toBe(true);
    expect(await popover(page).textContent()).toBe((await definition(page, id).textContent())!.trim());
    expect(await term.locator('a').getAttribute('aria-describedby')).toBe(
      await popover(page).getAttribute('id'),
    );
    // WCAG 1.4.13 hoverable: the pointer can move onto the popover, which stays.
    await popover(page).hover();
    await page.waitForTimeout(600);
    expect(await popover(page).isVisible()).toBe(true);
    await page.mouse.move(5, 790);
    await expect.poll(() => popover(page).count()).toBe(0);
    expect(await term.locator('a').getAttribute('aria-describedby')).toBe(`glossary-definition-${id}`);
    // Dismissible: Escape hides it under the pointer, and it stays hidden until the pointer leaves.
    await term.locator('a').hover();
    await popover(page).waitFor();
    await page.keyboard.press('Escape');
    expect(await popover(page).count()).toBe(0);
    const box = (await term.boundingBox())!;
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    await page.waitForTimeout(100);
    expect(await popover(page).count()).toBe(0);
  });

  it('shows the definition on keyboard focus, hides it with Escape without moving focus, and shows it again on return', async () => {
    const page = await open(sample.route);
    const term = page.locator('glossary-term').first();
    const id = (await term.getAttribute('data-term'))!;
    // Arrive with Tab from whatever comes before the term.
    await term.locator('a').focus();
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => popover(page).count()).toBe(0);
    await page.keyboard.press('Tab');
    await expect.poll(() => term.locator('.glossary-popover').isVisible()).toBe(true);
    expect(await popover(page).textContent()).toBe((await definition(page, id).textContent())!.trim());
    await page.keyboard.press('Escape');
    expect(await popover(page).count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.parentElement?.getAttribute('data-term'))).toBe(
      id,
    );
    expect(await term.locator('a').getAttribute('aria-describedby')).toBe(`glossary-definition-${id}`);
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => term.locator('.glossary-popover').isVisible()).toBe(true);
  });

  it('keeps every popover inside a 320 px wide viewport', async () => {
    const page = await open(sample.route, { width: 320 });
    const terms = page.locator('glossary-term');
    const outside: string[] = [];
    for (let i = 0; i < (await terms.count()); i++) {
      await terms.nth(i).locator('a').focus();
      const box = (await popover(page).boundingBox())!;
      if (box.x < 0 || box.x + box.width > 320)
        outside.push(`${await terms.nth(i).getAttribute('data-term')}: ${box.x}+${box.width}`);
    }
    expect(outside).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });

  it.each(['light', 'dark'] as const)(
    'finds zero axe violations with a popover shown (%s)',
    async (colorScheme) => {
      const page = await open(sample.route, { colorScheme });
      await page.locator('glossary-term > a').first().focus();
      await popover(page).waitFor();
      const result = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
      expect(
        result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`),
      ).toEqual([]);
    },
  );

  it('leaves a plain link to the glossary entry without JavaScript', async () => {
    const page = await open(sample.route, { javaScriptEnabled: false });
    const term = page.locator('glossary-term').first();
    const id = (await term.getAttribute('data-term'))!;
    await term.locator('a').click();
    await page.waitForURL(`**/glossary/#${id}`);
    expect(await page.locator(`dt[id="${id}"]`).isVisible()).toBe(true);
  });
});

describe('glossary filter', () => {
  it('narrows the list by term, alias or definition, hides empty letters and announces the count', async () => {
    const page = await open('/glossary/');
    const total = glossary.dom.querySelectorAll('[data-glossary-entry]').length;
    const input = page.getByLabel('Filter by term, alias or definition');
    const status = page.locator('glossary-filter [role="status"]');
    const shown = page.locator('[data-glossary-entry]:visible');

    await input.fill('poison');
    await expect.poll(() => status.textContent()).toMatch(new RegExp(`^\\d+ of ${total} terms match\\.$`));
    const count = await shown.count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(total);
    expect(await status.textContent()).toBe(`${count} of ${total} terms match.`);
    for (const text of await shown.allTextContents()) expect(text.toLowerCase()).toContain('poison');
    // Sections and letter links with nothing left are hidden.
    const letters = await page.locator('[data-letter-section]:visible').count();
    expect(letters).toBeLessThan(await page.locator('[data-letter-section]').count());
    expect(await page.locator('[data-letter-link]:visible').count()).toBe(letters);

    await input.fill('PoLP');
    await expect
      .poll(() => page.locator('[data-glossary-entry]:visible dt').allTextContents())
      .toEqual([expect.stringMatching(/^Least privilege/)]);

    await input.fill('zebra quokka');
    await expect.poll(() => status.textContent()).toBe('No term matches “zebra quokka”.');
    expect(await shown.count()).toBe(0);

    await input.fill('');
    await expect.poll(() => status.textContent()).toBe(`Showing all ${total} terms.`);
    expect(await shown.count()).toBe(total);
  });

  it('is hidden without JavaScript, which leaves the whole list', async () => {
    const page = await open('/glossary/', { javaScriptEnabled: false });
    expect(await page.locator('[data-filter-box]').isHidden()).toBe(true);
    expect(await page.locator('[data-glossary-entry]:visible').count()).toBe(
      glossary.dom.querySelectorAll('[data-glossary-entry]').length,
    );
  });
});
