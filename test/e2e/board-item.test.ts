import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPages } from '../site/dist.ts';
import { axeViolations, useBuiltSite } from './browser.ts';

const site = useBuiltSite();
const itemPages = readPages(site.distDir).filter((p) => p.dom.querySelector('article.board-item'));
const find = (selector: string, text?: RegExp) =>
  itemPages.find((p) => p.dom.querySelectorAll(selector).some((e) => !text || text.test(e.text)));
const withTasks = find('.item-body .task-list-item input')!.route;
const modelTheft = find('.item-meta .tags li', /^ML05:2023 /)!.route;
const withHistory = find('.item-history li');

const contexts: Partial<Record<'light' | 'dark', BrowserContext>> = {};
beforeAll(async () => {
  contexts.light = await site.browser.newContext({ colorScheme: 'light' });
  contexts.dark = await site.browser.newContext({ colorScheme: 'dark' });
});
afterAll(async () => {
  await contexts.light?.close();
  await contexts.dark?.close();
});

async function open(path: string, scheme: 'light' | 'dark' = 'light', width = 1366): Promise<Page> {
  const page = await contexts[scheme]!.newPage();
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`${site.origin}${path}`, { waitUntil: 'load' });
  return page;
}

describe('a board item page in Chromium', () => {
  it('shows a GitHub task list as disabled checkboxes named by their text, without bullets', async () => {
    const page = await open(withTasks);
    const boxes = page.locator('.item-body').getByRole('checkbox');
    expect(await boxes.count()).toBeGreaterThan(0);
    const done = page.getByRole('checkbox', { name: 'Logged in the shared risk register' });
    expect([await done.isChecked(), await done.isDisabled()]).toEqual([true, true]);
    const open_ = page.getByRole('checkbox', { name: 'Discussed at the joint sync' });
    expect([await open_.isChecked(), await open_.isDisabled()]).toEqual([false, true]);
    const bullets = await page
      .locator('.item-body .task-list-item')
      .evaluateAll((lis) => lis.map((li) => getComputedStyle(li).listStyleType));
    expect(new Set(bullets)).toEqual(new Set(['none']));
    // Disabled: clicking the label (Playwright would refuse without force) changes nothing.
    await page.getByText('Discussed at the joint sync').click({ force: true });
    expect(await open_.isChecked()).toBe(false);
    await page.close();
  });

  it.each([
    ['light', 390],
    ['dark', 390],
    ['light', 1366],
    ['dark', 1366],
  ] as const)('passes axe and does not scroll sideways (%s, %i px)', async (scheme, width) => {
    const page = await open(withTasks, scheme, width);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.close();
  });

  it('lists at most five related pages, each saying why, and no ethics checklist on a model-theft risk', async () => {
    const page = await open(modelTheft);
    const items = page.locator('.related-list li');
    const count = await items.count();
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThanOrEqual(5);
    const reasons = await page.locator('.related-list .related-why').allTextContents();
    expect(reasons).toHaveLength(count);
    expect(reasons.every((r) => /^(shares |ATLAS )/.test(r))).toBe(true);
    expect(await page.locator('.related-list').textContent()).not.toMatch(/ethic/i);
    await page.close();
  });

  it('writes every date as YYYY-MM-DD and marks the way back to the board', async () => {
    const page = await open(withTasks);
    const dates = await page.locator('article time').allTextContents();
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.filter((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d))).toEqual([]);
    expect(await page.locator('article a[data-back-to-board]').getAttribute('href')).toMatch(
      /\/board\/(\?.*)?$/,
    );
    await page.close();
  });

  it.skipIf(!withHistory)('lists the recorded history with from → to', async () => {
    const page = await open(withHistory!.route);
    const lines = await page.locator('#history + .item-history li').allTextContents();
    expect(lines.length).toBe(withHistory!.dom.querySelectorAll('.item-history li').length);
    expect(
      lines.every((l) =>
        /^\d{4}-\d{2}-\d{2} (Opened|Closed|Reopened|(Severity|Owner|Phase) .+ → .+)$/.test(l),
      ),
    ).toBe(true);
    await page.close();
  });
});

describe('the coverage page', () => {
  it('counts ATLAS AML.T0054 as covered by the module that teaches jailbreaks', async () => {
    const page = await open('/board/coverage/');
    const untrained = await page.locator('#untrained ~ * th[scope="row"]').allTextContents();
    expect(untrained.some((t) => t.startsWith('AML.T0054'))).toBe(false);
    const jailbreak = page
      .locator('#atlas ~ * tr', { has: page.locator('th', { hasText: /^AML\.T0054 / }) })
      .first();
    expect(await jailbreak.locator('td').last().textContent()).toContain('Foundation models and LLMs');
    await page.close();
  });
});
