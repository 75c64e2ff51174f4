import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readPages } from '../site/dist.ts';
import { useBuiltSite } from './browser.ts';

const site = useBuiltSite();
let context: BrowserContext;
let page: Page;
let moduleRoute: string;
let trackRoute: string;
let moduleTitle: string;

beforeAll(() => {
  const modulePage = readPages(site.distDir).find((p) => /^\/learn\/[^/]+\/[^/]+\/$/.test(p.route))!;
  moduleRoute = modulePage.route;
  trackRoute = moduleRoute.replace(/[^/]+\/$/, '');
  moduleTitle = modulePage.dom.querySelector('h1')!.text;
});

beforeEach(async () => {
  await context?.close();
  context = await site.browser.newContext({ acceptDownloads: true });
  page = await context.newPage();
});

const moduleId = () => moduleRoute.split('/').slice(2, 4).join('/');

/** Answers every question, right or (for the first `wrong` questions) wrong, then submits. */
async function answer(wrong = 0) {
  const questions = page.locator('knowledge-check fieldset[data-question]');
  const count = await questions.count();
  for (let q = 0; q < count; q++) {
    const options = questions.nth(q).locator('input');
    const n = await options.count();
    for (let o = 0; o < n; o++) {
      const correct = (await options.nth(o).getAttribute('data-correct')) === 'true';
      if (q < wrong ? !correct : correct) await options.nth(o).check();
    }
  }
  await page.getByRole('button', { name: 'Check answers' }).click();
}

describe('learning in Chromium', () => {
  it('fails a check answered wrongly, with per-option feedback and a retry', async () => {
    await page.goto(`${site.origin}${moduleRoute}`);
    await answer(3);
    const status = page.locator('[data-quiz-status]');
    await expect.poll(() => status.textContent()).toMatch(/Not passed yet/);
    expect(await page.locator('[data-feedback="wrong"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-verdict]', { hasText: 'Wrong choice.' }).count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Try again' }).click();
    expect(await page.locator('input:checked').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Check answers' }).isVisible()).toBe(true);
  });

  it('passes a check, keeps completion across reloads, and shows it on the track, in navigation and on My progress', async () => {
    await page.goto(`${site.origin}${moduleRoute}`);
    await answer(0);
    await expect
      .poll(() => page.locator('[data-quiz-status]').textContent())
      .toMatch(/Passed: this module is marked complete/);
    expect(await page.locator(`nav [data-module-id="${moduleId()}"]`).getAttribute('data-completed')).toBe(
      'true',
    );

    await page.reload();
    expect(await page.locator(`[data-module-id="${moduleId()}"] .completed-mark`).first().textContent()).toBe(
      'Completed',
    );

    await page.goto(`${site.origin}${trackRoute}`);
    const item = page.locator(`[data-module-id="${moduleId()}"]`);
    expect(await item.getAttribute('data-completed')).toBe('true');
    expect(await page.locator('[data-progress-summary]').textContent()).toMatch(
      /You have completed 1 of \d+ modules/,
    );

    await page.goto(`${site.origin}/progress/`);
    const preview = await page.locator('[data-report-preview]').inputValue();
    expect(preview).toContain(`| ${moduleTitle} | ${new Date().toISOString().slice(0, 10)} | 100% | 1 |`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as JSON' }).click(),
    ]);
    const stream = await download.createReadStream();
    let text = '';
    for await (const chunk of stream) text += chunk;
    const exported = JSON.parse(text);
    expect(exported.modules).toEqual([
      expect.objectContaining({ id: moduleId(), title: moduleTitle, bestScore: 1, attempts: 1 }),
    ]);

    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: 'Reset my progress' }).click();
    await expect
      .poll(() => page.locator('[data-report-status]').textContent())
      .toBe('Your progress has been reset.');
    expect(await page.evaluate(() => localStorage.getItem('tandem:progress'))).toBeNull();
    expect(await page.locator('.completed-mark').count()).toBe(0);
  });

  it('resets corrupt stored progress with a notice instead of breaking the page', async () => {
    await page.goto(`${site.origin}${trackRoute}`);
    await page.evaluate(() => localStorage.setItem('tandem:progress', '{"version":2,"modules":'));
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.reload();
    expect(await page.locator('[data-storage-notice]').textContent()).toMatch(
      /could not be read and has been reset/,
    );
    expect(JSON.parse((await page.evaluate(() => localStorage.getItem('tandem:progress')))!)).toEqual({
      version: 2,
      modules: {},
    });
    expect(errors).toEqual([]);
  });

  it('keeps the knowledge check readable and answerable as a plain list without JavaScript', async () => {
    const noJs = await site.browser.newContext({ javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await plain.goto(`${site.origin}${moduleRoute}`);
    expect(await plain.locator('knowledge-check fieldset legend').count()).toBeGreaterThanOrEqual(5);
    expect(await plain.locator('knowledge-check details summary').first().textContent()).toBe('Why');
    await noJs.close();
  });
});
