/**
 * Reader progress in Chromium: module states in lists, each track's bar and "continue", the home
 * page's "continue", visits, and import/export on My progress. Progress is seeded by writing
 * localStorage (the shape src/lib/learn/progress-store.ts documents), not by taking quizzes.
 */
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readPages } from '../site/dist.ts';
import { notStarted, type ModuleProgress } from '../../src/lib/learn/progress-store.ts';
import { useBuiltSite } from './browser.ts';

const site = useBuiltSite();
const KEY = 'tandem:progress';

interface Track {
  route: string;
  title: string;
  modules: { id: string; title: string }[];
}
let tracks: Track[];

beforeAll(() => {
  const pages = readPages(site.distDir);
  // In the Learn page's order.
  const order = pages
    .find((p) => p.route === '/learn/')!
    .dom.querySelectorAll('main h2 a')
    .map((a) => a.getAttribute('href'));
  tracks = order
    .map((route) => pages.find((p) => p.route === route)!)
    .map((p) => ({
      route: p.route,
      title: p.dom.querySelector('h1')!.text.trim(),
      modules: p.dom.querySelectorAll('main li[data-module-id]').map((li) => ({
        id: li.getAttribute('data-module-id')!,
        title: li.querySelector('a')!.text.trim(),
      })),
    }));
});

const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}T10:00:00.000Z`;
const entry = (fields: Partial<ModuleProgress> = {}): ModuleProgress => ({ ...notStarted(), ...fields });
const passed = (d: number) =>
  entry({ completedAt: day(d), bestScore: 1, lastScore: 1, attempts: 1, lastAttemptAt: day(d) });

/** Module 1 of the first track complete, module 2 tried (60 %), module 3 only opened, most recently. */
function seeded() {
  const [m1, m2, m3] = tracks[0]!.modules;
  return {
    version: 3,
    modules: {
      [m1!.id]: passed(3),
      [m2!.id]: entry({
        bestScore: 0.6,
        lastScore: 0.4,
        attempts: 2,
        lastAttemptAt: day(5),
        lastVisitedAt: day(5),
      }),
      [m3!.id]: entry({ lastVisitedAt: day(6) }),
    },
  };
}

const contexts: BrowserContext[] = [];
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

/** A fresh reader (own storage), with `record` stored if given, on `route`. */
async function reader(route: string, record?: unknown, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await site.browser.newContext(options);
  contexts.push(context);
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  if (record !== undefined) {
    await page.goto(`${site.origin}/404.html`);
    await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [KEY, JSON.stringify(record)]);
  }
  await page.goto(`${site.origin}${route}`);
  return { page, problems };
}

const stored = (page: Page) => page.evaluate((k) => localStorage.getItem(k), KEY);
const item = (page: Page, id: string) => page.locator(`main li[data-module-id="${id}"]`).first();

describe('module states', () => {
  it('shows each module’s state in words on the track page', async () => {
    const { page, problems } = await reader(tracks[0]!.route, seeded());
    const [m1, m2, m3, m4] = tracks[0]!.modules;
    await expect.poll(() => item(page, m1!.id).getAttribute('data-progress-state')).toBe('completed');
    expect(await item(page, m1!.id).locator('[data-progress-mark]').innerText()).toBe('Completed');
    expect(await item(page, m2!.id).getAttribute('data-progress-state')).toBe('in-progress');
    expect(await item(page, m2!.id).locator('[data-progress-mark]').innerText()).toMatch(
      /^In progress · best 60 % visited \d{1,2} Nov 2026$/,
    );
    expect(await item(page, m3!.id).locator('[data-progress-mark]').innerText()).toMatch(
      /^In progress visited \d{1,2} Nov 2026$/,
    );
    expect(await item(page, m4!.id).getAttribute('data-progress-state')).toBe('not-started');
    expect(await item(page, m4!.id).locator('[data-progress-mark]').isHidden()).toBe(true);
    expect(problems).toEqual([]);
  });

  it('keeps the marks inside the track navigation beside a module', async () => {
    const [, m2] = tracks[0]!.modules;
    const { page } = await reader(`${tracks[0]!.route}${m2!.id.split('/')[1]}/`, seeded());
    await page.setViewportSize({ width: 1366, height: 900 });
    const nav = page.locator('.module-layout > .track-nav');
    const mark = nav.locator(`[data-module-id="${m2!.id}"] [data-progress-mark] .badge`);
    await expect.poll(() => mark.innerText()).toMatch(/^In progress · best \d+ %$/);
    const [navBox, markBox] = [(await nav.boundingBox())!, (await mark.boundingBox())!];
    expect(markBox.x + markBox.width).toBeLessThanOrEqual(navBox.x + navBox.width);
    expect(markBox.height).toBeLessThan(30);
    expect(await nav.evaluate((n) => n.scrollWidth <= n.clientWidth)).toBe(true);
  });

  it('records a visit when a module page is opened', async () => {
    const { id } = tracks[1]!.modules[1]!;
    const { page } = await reader(`${tracks[1]!.route}${id.split('/')[1]}/`);
    await expect
      .poll(async () => JSON.parse((await stored(page)) ?? '{}').modules?.[id]?.lastVisitedAt)
      .toEqual(expect.any(String));
    await page.goto(`${site.origin}${tracks[1]!.route}`);
    await expect.poll(() => item(page, id).getAttribute('data-progress-state')).toBe('in-progress');
  });
});

describe('track progress and "continue where you left off"', () => {
  it('shows the track page’s bar and the unfinished module used most recently', async () => {
    const { page } = await reader(tracks[0]!.route, seeded());
    const block = page.locator('main track-progress');
    await block.waitFor();
    const total = tracks[0]!.modules.length;
    expect(await block.locator('label').innerText()).toBe(`1 of ${total} modules complete`);
    expect(await block.locator('progress').evaluate((p: HTMLProgressElement) => [p.value, p.max])).toEqual([
      1,
      total,
    ]);
    const line = block.locator('[data-continue]');
    expect(await line.innerText()).toBe(
      `Continue where you left off: ${tracks[0]!.modules[2]!.title} (In progress)`,
    );
    expect(await line.locator('a').getAttribute('href')).toBe(`/learn/${tracks[0]!.modules[2]!.id}/`);
  });

  it('shows one block per track on the Learn page, offering the first module where nothing is done', async () => {
    const { page } = await reader('/learn/', seeded());
    const blocks = page.locator('main track-progress');
    await expect
      .poll(() => blocks.evaluateAll((b) => b.filter((e) => !(e as HTMLElement).hidden).length))
      .toBe(tracks.length);
    const texts = await blocks.allInnerTexts();
    expect(texts[0]).toMatch(new RegExp(`^1 of ${tracks[0]!.modules.length} modules complete`));
    expect(texts[0]).toContain(`Continue where you left off: ${tracks[0]!.modules[2]!.title}`);
    expect(texts[1]).toContain(`0 of ${tracks[1]!.modules.length} modules complete`);
    expect(texts[1]).toContain(`Start with: ${tracks[1]!.modules[0]!.title}`);
  });

  it('offers the next module once every module used is complete', async () => {
    const [m1, m2] = tracks[1]!.modules;
    const { page } = await reader(tracks[1]!.route, {
      version: 3,
      modules: { [m1!.id]: passed(2), [m2!.id]: passed(3) },
    });
    const line = page.locator('main track-progress [data-continue]');
    await expect
      .poll(() => line.innerText())
      .toBe(`Continue where you left off: ${tracks[1]!.modules[2]!.title}`);
  });

  it('shows the home page’s "continue" for the latest activity, with its track', async () => {
    const { page } = await reader('/', seeded());
    const block = page.locator('main track-progress');
    await block.waitFor();
    expect(await block.innerText()).toBe(
      `Continue where you left off: ${tracks[0]!.modules[2]!.title} (${tracks[0]!.title} · In progress)`,
    );
  });

  it('hides the home page’s "continue" for a reader with no progress', async () => {
    const { page, problems } = await reader('/');
    await page.waitForLoadState('load');
    await page.waitForFunction(() => customElements.get('track-progress'));
    expect(await page.locator('main track-progress').isHidden()).toBe(true);
    expect(problems).toEqual([]);
  });

  it('keeps every block hidden without JavaScript, and the pages still list their modules', async () => {
    for (const route of ['/', '/learn/', tracks[0]!.route]) {
      const { page } = await reader(route, undefined, { javaScriptEnabled: false });
      expect(await page.locator('track-progress:visible').count(), route).toBe(0);
      expect(await page.locator('[data-progress-mark]:visible').count(), route).toBe(0);
    }
    const { page } = await reader(tracks[0]!.route, undefined, { javaScriptEnabled: false });
    expect(await page.locator('main li[data-module-id] a').count()).toBe(tracks[0]!.modules.length);
  });
});

describe('import and export on My progress', () => {
  async function exportJson(page: Page): Promise<string> {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as JSON' }).click(),
    ]);
    return readFileSync((await download.path())!, 'utf8');
  }
  const chooseFile = (page: Page, name: string, text: string | Buffer) =>
    page
      .getByLabel('Import a progress file')
      .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  const status = (page: Page) => page.locator('[data-import-status]');

  it('round-trips an export: reset, import, and the same record and marks come back', async () => {
    const { page, problems } = await reader('/progress/', seeded());
    await page.locator('[data-report-actions]').waitFor();
    const before = await stored(page);
    const file = await exportJson(page);
    expect(JSON.parse(file)).toMatchObject({ format: 'tandem-progress', version: 2 });

    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Reset my progress' }).click();
    await expect.poll(() => stored(page)).toBeNull();
    expect(await page.locator('main li[data-progress-state="completed"]').count()).toBe(0);

    await chooseFile(page, 'tandem-progress.json', file);
    await expect.poll(() => status(page).innerText()).toBe('Imported 3 modules: 3 new.');
    expect(await status(page).getAttribute('role')).toBe('status');
    expect(JSON.parse((await stored(page))!)).toEqual(JSON.parse(before!));
    const [m1, m2] = tracks[0]!.modules;
    expect(await item(page, m1!.id).getAttribute('data-progress-state')).toBe('completed');
    expect(await item(page, m2!.id).locator('[data-progress-mark]').innerText()).toMatch(
      /^In progress · best 60 %/,
    );

    // In another browser: the same record, and importing it again changes nothing.
    const other = await reader('/progress/');
    await other.page.locator('[data-report-actions]').waitFor();
    await chooseFile(other.page, 'tandem-progress.json', file);
    await expect.poll(() => status(other.page).innerText()).toBe('Imported 3 modules: 3 new.');
    await chooseFile(other.page, 'tandem-progress.json', file);
    await expect.poll(() => status(other.page).innerText()).toBe('Imported 3 modules: 3 already up to date.');
    expect(JSON.parse((await stored(other.page))!)).toEqual(JSON.parse(before!));
    await other.page.goto(`${site.origin}${tracks[0]!.route}`);
    await expect.poll(() => item(other.page, m1!.id).getAttribute('data-progress-state')).toBe('completed');
    expect(problems).toEqual([]);
  });

  it.each([
    ['a file that is not JSON', 'not json at all', /not a Tandem progress export.*not JSON/],
    ['another app’s JSON', JSON.stringify({ theme: 'dark' }), /not a Tandem progress export/],
    [
      'a newer version',
      JSON.stringify({ format: 'tandem-progress', version: 99, exportedAt: day(1), modules: [] }),
      /newer version of Tandem/,
    ],
    [
      'a damaged entry',
      JSON.stringify({
        format: 'tandem-progress',
        version: 2,
        exportedAt: day(1),
        modules: [{ id: 'x/y', bestScore: 9 }],
      }),
      /Entry 1 of this progress file cannot be read/,
    ],
    [
      'a file over 256 KB',
      JSON.stringify({ format: 'tandem-progress', pad: 'x'.repeat(300_000) }),
      /larger than a progress export can be/,
    ],
  ])('refuses %s with a clear message and changes nothing', async (_name, text, message) => {
    const { page, problems } = await reader('/progress/', seeded());
    await page.locator('[data-report-actions]').waitFor();
    const before = await stored(page);
    const preview = await page.locator('[data-report-preview]').inputValue();
    await chooseFile(page, 'progress.json', text);
    await expect.poll(() => status(page).innerText()).toMatch(message);
    expect(await status(page).innerText()).toMatch(/nothing was imported/);
    expect(await stored(page)).toBe(before);
    expect(await page.locator('[data-report-preview]').inputValue()).toBe(preview);
    expect(await page.locator('[data-storage-notice]').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('fits a 320 px screen, export preview included', async () => {
    const { page } = await reader('/progress/', seeded());
    await page.setViewportSize({ width: 320, height: 640 });
    await page.locator('[data-report-actions]').waitFor();
    const widths = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      viewport: document.documentElement.clientWidth,
      preview: document.querySelector('[data-report-preview]')!.getBoundingClientRect().right,
    }));
    expect(widths.page).toBeLessThanOrEqual(widths.viewport);
    expect(widths.preview).toBeLessThanOrEqual(widths.viewport);
  });
});

describe('accessibility of the filled-in states', () => {
  const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

  it.each(['light', 'dark'] as const)(
    'finds zero axe violations with progress shown (%s)',
    async (colorScheme) => {
      const violations: string[] = [];
      const [, m2] = tracks[0]!.modules;
      for (const route of ['/', '/learn/', tracks[0]!.route, `/learn/${m2!.id}/`, '/progress/']) {
        const context = await site.browser.newContext({ colorScheme });
        contexts.push(context);
        const page = await context.newPage();
        await page.goto(`${site.origin}/404.html`);
        await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [KEY, JSON.stringify(seeded())]);
        await page.goto(`${site.origin}${route}`);
        await page
          .locator('[data-progress-state="completed"], track-progress:not([hidden])')
          .first()
          .waitFor({ state: 'attached' });
        if (route === '/progress/') {
          await page.getByLabel('Import a progress file').setInputFiles({
            name: 'bad.json',
            mimeType: 'application/json',
            buffer: Buffer.from('{'),
          });
          await page.locator('[data-import-status][data-outcome="refused"]').waitFor();
        }
        const result = await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze();
        violations.push(
          ...result.violations.map(
            (v) => `${route}: ${v.id} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`,
          ),
        );
      }
      expect(violations).toEqual([]);
    },
  );
});
