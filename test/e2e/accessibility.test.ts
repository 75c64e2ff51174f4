import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPages } from '../site/dist.ts';
import { useBuiltSite } from './browser.ts';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// One test per page so a failure names the page, and each page has its own time budget.
const site = useBuiltSite();
const routes = readPages(site.distDir).map((p) => p.route);

const contexts: Partial<Record<'light' | 'dark', BrowserContext>> = {};

beforeAll(async () => {
  contexts.light = await site.browser.newContext({ colorScheme: 'light' });
  contexts.dark = await site.browser.newContext({ colorScheme: 'dark' });
});

/** axe on `route`, after `prepare` has put the page into the state to check (a drawer open…). */
async function violationsOn(
  route: string,
  colorScheme: 'light' | 'dark',
  prepare: (page: Page) => Promise<void> = async () => {},
  viewport = { width: 1280, height: 720 },
): Promise<string[]> {
  const page = await contexts[colorScheme]!.newPage();
  try {
    await page.setViewportSize(viewport);
    await page.goto(`${site.origin}${route}`, { waitUntil: 'load' });
    await prepare(page);
    const result = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
    return result.violations.map(
      (v) =>
        `${route} [${colorScheme}] ${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join('; ')})`,
    );
  } finally {
    await page.close();
  }
}

// Pages run a few at a time; each has its own time budget.
describe.concurrent('axe-core WCAG 2.2 AA in Chromium, light theme', () => {
  it.each(routes)('finds zero violations on %s', async (route) => {
    expect(await violationsOn(route, 'light')).toEqual([]);
  });
});

describe.concurrent('axe-core WCAG 2.2 AA in Chromium, dark theme', () => {
  it.each(routes)('finds zero violations on %s', async (route) => {
    expect(await violationsOn(route, 'dark')).toEqual([]);
  });
});

describe('axe-core on interactive states, both themes', () => {
  const moduleRoute = () => routes.find((r) => /^\/learn\/[^/]+\/[^/]+\/$/.test(r))!;
  const phone = { width: 390, height: 844 };
  const openDrawer = async (page: Page) => {
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('dialog', { name: 'Menu' }).waitFor();
  };
  const checkQuiz = async (page: Page) => {
    // One option per question, then "Check answers": verdicts and explanations are shown.
    await page.evaluate(() =>
      document.querySelectorAll('knowledge-check fieldset').forEach((f) => f.querySelector('input')!.click()),
    );
    await page.locator('[data-quiz-submit]').focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-quiz-result]:not([hidden])').waitFor();
  };
  it.each(['light', 'dark'] as const)(
    'finds zero violations with the phone menu drawer open (%s)',
    async (scheme) => {
      expect(await violationsOn(moduleRoute(), scheme, openDrawer, phone)).toEqual([]);
      expect(await violationsOn('/board/', scheme, openDrawer, phone)).toEqual([]);
    },
  );
  it.each(['light', 'dark'] as const)(
    'finds zero violations on a checked knowledge check (%s)',
    async (scheme) => {
      expect(await violationsOn(moduleRoute(), scheme, checkQuiz)).toEqual([]);
    },
  );
});

describe('theme toggle', () => {
  it('cycles system, light and dark with a label that names the state, remembers it across pages, and resets a corrupt stored value', async () => {
    const context = await site.browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(`${site.origin}/`);
    const theme = () => page.evaluate(() => document.documentElement.dataset['theme'] ?? null);
    const toggle = page.locator('.site-header .theme-toggle');
    await expect.poll(() => toggle.textContent()).toBe('Theme: system');
    expect(await theme()).toBeNull();
    await toggle.click();
    expect([await toggle.textContent(), await theme()]).toEqual(['Theme: light', 'light']);
    await toggle.click();
    expect([await toggle.textContent(), await theme()]).toEqual(['Theme: dark', 'dark']);
    await page.goto(`${site.origin}/glossary/`);
    expect(await theme()).toBe('dark');
    expect(await page.getByRole('button', { name: 'Theme: dark' }).count()).toBe(1);
    await page.getByRole('button', { name: 'Theme: dark' }).click();
    expect([await toggle.textContent(), await theme()]).toEqual(['Theme: system', null]);
    expect(await page.evaluate(() => localStorage.getItem('tandem:theme'))).toBeNull();

    await page.evaluate(() => localStorage.setItem('tandem:theme', '{"corrupt":'));
    await page.reload();
    expect(await theme()).toBeNull();
    expect(await page.evaluate(() => localStorage.getItem('tandem:theme'))).toBeNull();
    expect(await toggle.textContent()).toBe('Theme: system');
    await context.close();
  });
});
