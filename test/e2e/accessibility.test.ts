import AxeBuilder from '@axe-core/playwright';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readPages } from '../site/dist.ts';
import { launchChromium, serveDist, type StaticServer } from './browser.ts';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

let browser: Browser;
let server: StaticServer;
let routes: string[];

beforeAll(async () => {
  const distDir = inject('distDir');
  routes = readPages(distDir).map((p) => p.route);
  server = await serveDist(distDir);
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function violationsOn(route: string, colorScheme: 'light' | 'dark'): Promise<string[]> {
  const context = await browser.newContext({ colorScheme });
  const page = await context.newPage();
  try {
    await page.goto(`${server.origin}${route}`, { waitUntil: 'load' });
    const result = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
    return result.violations.map(
      (v) => `${route} [${colorScheme}] ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')})`,
    );
  } finally {
    await context.close();
  }
}

describe('accessibility (axe-core, WCAG 2.2 AA) in Chromium', () => {
  it('finds zero violations on every built page in the light theme', async () => {
    const violations: string[] = [];
    for (const route of routes) violations.push(...(await violationsOn(route, 'light')));
    expect(violations).toEqual([]);
  });

  it('finds zero violations on every built page in the dark theme', async () => {
    const violations: string[] = [];
    for (const route of routes) violations.push(...(await violationsOn(route, 'dark')));
    expect(violations).toEqual([]);
  });
});

describe('theme toggle', () => {
  it('switches theme, remembers it across pages, and resets a corrupt stored value', async () => {
    const context = await browser.newContext({ colorScheme: 'light' });
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    await page.goto(`${server.origin}/glossary/`);
    expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
    expect(await page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).toBe('true');

    await page.evaluate(() => localStorage.setItem('tandem:theme', '{"corrupt":'));
    await page.reload();
    expect(await page.evaluate(() => document.documentElement.dataset['theme'] ?? null)).toBeNull();
    expect(await page.evaluate(() => localStorage.getItem('tandem:theme'))).toBeNull();
    await context.close();
  });
});
