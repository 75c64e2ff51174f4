import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPages } from '../site/dist.ts';
import { useBuiltSite } from './browser.ts';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

// One test per page so a failure names the page, and each page has its own time budget.
const site = useBuiltSite();
const routes = readPages(site.distDir).map((p) => p.route);

/** The dark theme changes only colours: one page of each kind is enough to check contrast. */
function onePerKind(all: string[]): string[] {
  const kind = (route: string) => route.replace(/\/[^/]+\/$/, '/*/').replace(/\/\d+\/$/, '/*/');
  const seen = new Map<string, string>();
  for (const route of all) if (!seen.has(kind(route))) seen.set(kind(route), route);
  return [...seen.values()];
}

const contexts: Partial<Record<'light' | 'dark', BrowserContext>> = {};

beforeAll(async () => {
  contexts.light = await site.browser.newContext({ colorScheme: 'light' });
  contexts.dark = await site.browser.newContext({ colorScheme: 'dark' });
});

async function violationsOn(route: string, colorScheme: 'light' | 'dark'): Promise<string[]> {
  const page = await contexts[colorScheme]!.newPage();
  try {
    await page.goto(`${site.origin}${route}`, { waitUntil: 'load' });
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

describe('axe-core WCAG 2.2 AA in Chromium, light theme', () => {
  it.each(routes)('finds zero violations on %s', async (route) => {
    expect(await violationsOn(route, 'light')).toEqual([]);
  });
});

describe('axe-core WCAG 2.2 AA in Chromium, dark theme', () => {
  it.each(onePerKind(routes))('finds zero violations on %s', async (route) => {
    expect(await violationsOn(route, 'dark')).toEqual([]);
  });
});

describe('theme toggle', () => {
  it('switches theme, remembers it across pages, and resets a corrupt stored value', async () => {
    const context = await site.browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(`${site.origin}/`);
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    await page.goto(`${site.origin}/glossary/`);
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    expect(await page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).toBe('true');

    await page.evaluate(() => localStorage.setItem('tandem:theme', '{"corrupt":'));
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset['theme'] ?? null)).toBeNull();
    expect(await page.evaluate(() => localStorage.getItem('tandem:theme'))).toBeNull();
    await context.close();
  });
});
