import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { readPages, type BuiltPage } from '../site/dist.ts';
import { useBuiltSite } from './browser.ts';
import { answerQuiz, quizKey, submitQuiz } from './quiz.ts';

const built = useBuiltSite();
let moduleRoute: string;
let trackRoute: string;
let checklistRoute: string;
let checklistId: string;
let modulePage: BuiltPage;

beforeAll(() => {
  const pages = readPages(built.distDir);
  const routes = pages.map((p) => p.route);
  modulePage = pages.find((p) => /^\/learn\/[^/]+\/[^/]+\/$/.test(p.route))!;
  moduleRoute = modulePage.route;
  trackRoute = moduleRoute.replace(/[^/]+\/$/, '');
  checklistRoute = routes.find((r) => /^\/checklists\/[^/]+\/$/.test(r))!;
  checklistId = checklistRoute.split('/')[2]!;
});

const BAD_VALUES: Array<[string, string]> = [
  ['corrupt JSON', '{"version":2,"modules":'],
  ['a foreign value', '"<img src=x onerror=alert(1)>"'],
  ['a future version', JSON.stringify({ version: 99, modules: {}, runs: [] })],
  ['an oversized value', JSON.stringify({ version: 2, modules: {}, pad: 'x'.repeat(300_000) })],
];

/** Opens a page with `value` stored under `key`, collecting page errors and dialogs. */
async function openWith(
  route: string,
  key: string,
  value: string,
): Promise<{ page: Page; problems: string[] }> {
  const context = await built.browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  await page.goto(`${built.origin}/404.html`);
  await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [key, value]);
  await page.goto(`${built.origin}${route}`);
  return { page, problems };
}

describe('bad stored reader state on every interactive page', () => {
  const pages = () => [
    { name: 'track page', route: trackRoute, key: 'tandem:progress' },
    { name: 'module page', route: moduleRoute, key: 'tandem:progress' },
    { name: 'My progress', route: '/progress/', key: 'tandem:progress' },
    { name: 'checklist page', route: checklistRoute, key: `tandem:checklist-runs:${checklistId}` },
  ];

  for (const [label, value] of BAD_VALUES) {
    it(`resets ${label} with a notice and no error`, async () => {
      for (const { name, route, key } of pages()) {
        const { page, problems } = await openWith(route, key, value);
        await expect.poll(() => page.locator('[data-storage-notice]').count(), { message: name }).toBe(1);
        expect(await page.locator('[data-storage-notice]').textContent(), name).toMatch(
          /reset|removed|could not be read/i,
        );
        const stored = await page.evaluate((k) => localStorage.getItem(k), key);
        expect(stored === null || JSON.parse(stored).version < 99, name).toBe(true);
        expect(stored?.length ?? 0, name).toBeLessThan(10_000);
        expect(problems, name).toEqual([]);
        await page.context().close();
      }
    });
  }

  it('ignores and removes a bad stored theme', async () => {
    const { page, problems } = await openWith('/', 'tandem:theme', '{"corrupt":');
    expect(await page.evaluate(() => document.documentElement.dataset['theme'] ?? null)).toBeNull();
    await expect.poll(() => page.evaluate(() => localStorage.getItem('tandem:theme'))).toBeNull();
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe('a storage quota error', () => {
  async function withFullStorage(route: string) {
    const context = await built.browser.newContext();
    await context.addInitScript(() => {
      Storage.prototype.setItem = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(`${built.origin}${route}`);
    return { page, problems };
  }

  it('still scores a knowledge check and tells the reader progress was not saved', async () => {
    const { page, problems } = await withFullStorage(moduleRoute);
    await answerQuiz(page, quizKey(modulePage));
    await submitQuiz(page);
    await expect.poll(() => page.locator('[data-quiz-result]').textContent()).toMatch(/(\d+) of \1 right/);
    expect(await page.locator('[data-storage-notice]').textContent()).toMatch(/would not save your progress/);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('keeps a checklist usable and tells the reader to export', async () => {
    const { page, problems } = await withFullStorage(checklistRoute);
    await page.locator('li[data-item-id] input[type="radio"][value="done"]').first().check();
    await expect
      .poll(() => page.locator('[data-run-status]').textContent())
      .toMatch(/would not save your answers/);
    expect(problems).toEqual([]);
    await page.context().close();
  });
});
