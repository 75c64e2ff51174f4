import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { useBuiltSite } from './browser.ts';

const site = useBuiltSite();
let context: BrowserContext;
let page: Page;
const data = JSON.parse(readFileSync(join(site.distDir, 'board', 'items.json'), 'utf8')) as {
  items: Array<{ severity: string; owner: string | null; title: string }>;
};

beforeEach(async () => {
  await context?.close();
  context = await site.browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
  page = await context.newPage();
});

const status = () => page.locator('[data-board-status]').textContent();

describe('board filters in Chromium', () => {
  it('applies a filter from the URL query', async () => {
    const critical = data.items.filter((i) => i.severity === 'critical').length;
    expect(critical).toBeGreaterThan(0);
    await page.goto(`${site.origin}/board/?severity=critical`);
    await expect.poll(status).toBe(`${critical} of ${data.items.length} items match.`);
    expect(await page.locator('select[name="severity"]').inputValue()).toBe('critical');
    const badges = await page.locator('.board-card .badge').allTextContents();
    expect(badges.length).toBe(critical);
    expect(new Set(badges)).toEqual(new Set(['critical']));
  });

  it('writes the filter state to the URL as the reader changes it, and clears it', async () => {
    await page.goto(`${site.origin}/board/`);
    await page.locator('select[name="owner"]').selectOption('unowned');
    await expect.poll(() => new URL(page.url()).searchParams.get('owner')).toBe('unowned');
    const unowned = data.items.filter((i) => i.owner === null).length;
    await expect.poll(status).toBe(`${unowned} of ${data.items.length} items match.`);
    expect(await page.locator('[data-lane="security"] .board-card').count()).toBe(0);
    await page.locator('input[name="stale"]').check();
    await expect.poll(() => new URL(page.url()).searchParams.get('stale')).toBe('1');
    await page.getByRole('link', { name: 'Clear' }).click();
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await expect.poll(status).toBe('Showing every lane.');
  });

  it('finds items by text in their title', async () => {
    const word = data.items[0]!.title.split(/\s+/)
      .find((w) => w.length > 6)!
      .toLowerCase();
    await page.goto(`${site.origin}/board/?q=${encodeURIComponent(word)}`);
    await expect.poll(status).toMatch(/^\d+ of \d+ items match\.$/);
    const titles = await page.locator('.board-card h3').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.some((t) => t.toLowerCase().includes(word))).toBe(true);
  });

  it('lists every item without JavaScript, across the lane pages', async () => {
    const noJs = await site.browser.newContext({ javaScriptEnabled: false });
    const plain = await noJs.newPage();
    let listed = 0;
    for (const lane of ['security', 'shared', 'data-science', 'unowned']) {
      await plain.goto(`${site.origin}/board/lanes/${lane}/1/`);
      listed += await plain.locator('.board-card').count();
    }
    expect(listed).toBe(data.items.length);
    await noJs.close();
  });
});

describe('sync agenda in Chromium', () => {
  it('recomputes for another meeting date and copies the agenda as Markdown', async () => {
    await page.goto(`${site.origin}/sync/`);
    const newCount = async () =>
      Number((await page.locator('#new .muted').first().textContent())!.replace(/\D/g, ''));
    const before = await newCount();
    await page.locator('#agenda-since').fill('2020-01-01');
    await page.getByRole('button', { name: 'Update agenda' }).click();
    await expect
      .poll(() => page.locator('[data-agenda-status]').textContent())
      .toBe('Agenda updated for changes since 2020-01-01.');
    const after = await newCount();
    expect(after).toBe(data.items.length);
    expect(after).toBeGreaterThanOrEqual(before);

    await page.getByRole('button', { name: 'Copy as Markdown' }).click();
    await expect
      .poll(() => page.locator('[data-agenda-status]').textContent())
      .toBe('Agenda copied as Markdown.');
    const markdown = await page.evaluate(() => navigator.clipboard.readText());
    expect(markdown).toContain('Changes since 2020-01-01');
    expect(markdown).toContain(`## 1. New risks since the last meeting (${data.items.length})`);
  });

  it('prints the sample agenda as a meeting pack of at most two A4 pages', async () => {
    await page.goto(`${site.origin}/sync/`);
    await page.emulateMedia({ media: 'print' });
    const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
    const pages = pdf.match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(2);
  });

  it('publishes the default agenda as /sync/agenda.md', async () => {
    const response = await fetch(`${site.origin}/sync/agenda.md`);
    const text = await response.text();
    expect(text).toMatch(/^# Security × data-science sync: agenda\n/);
    expect(text).toContain('## 7. Guidance reviews overdue');
  });
});
