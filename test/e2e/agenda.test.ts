import { readFile } from 'node:fs/promises';
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { axeViolations, useBuiltSite } from './browser.ts';

const site = useBuiltSite();
let context: BrowserContext | undefined;

afterEach(async () => {
  await context?.close();
  context = undefined;
});

async function open(path: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  context = await site.browser.newContext({ ...options, acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
  const page = await context.newPage();
  await page.goto(`${site.origin}${path}`);
  return page;
}

const status = (page: Page) => page.locator('[data-agenda-status]').textContent();

/** The risks on screen, in order, by section. */
const screenKeys = (page: Page) =>
  page.$$eval('[data-agenda] [data-section]', (sections) =>
    sections.map((s) => ({
      id: (s as HTMLElement).dataset['section'],
      keys: [...s.querySelectorAll<HTMLElement>('[data-key]')].map((li) => li.dataset['key']).filter(Boolean),
    })),
  );

/** The same from the Markdown: each risk line ends its meta with the key; action rows start with it. */
function markdownKeys(markdown: string) {
  const parts = markdown.split(/^## /m).slice(1);
  return parts.map((part) => {
    const lines = part.split('\n').filter((l) => l.startsWith('- [') || l.startsWith('| ['));
    const keys = lines
      .map((l) => l.match(/ · ([^ ()]+\\#\d+)\)/)?.[1] ?? l.match(/^\| \[([^ ]+\\#\d+) /)?.[1])
      .filter((k): k is string => k !== undefined)
      .map((k) => k.replace(/\\#/, '#'));
    return keys;
  });
}

async function download(page: Page): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Download this agenda as Markdown' }).click(),
  ]);
  return { name: file.suggestedFilename(), text: await readFile((await file.path())!, 'utf8') };
}

describe('sync agenda in Chromium', () => {
  it('keeps the last-meeting date in the URL across a reload and a new choice', async () => {
    const page = await open('/sync/?since=2026-11-16');
    await expect.poll(() => status(page)).toBe('Agenda for changes since 2026-11-16.');
    await expect(page.locator('#agenda-since').inputValue()).resolves.toBe('2026-11-16');
    await expect(page.locator('[data-agenda-summary]').textContent()).resolves.toContain('2026-11-16');
    await page.reload();
    await expect.poll(() => status(page)).toBe('Agenda for changes since 2026-11-16.');
    await expect(page.locator('[data-agenda-summary]').textContent()).resolves.toContain('2026-11-16');

    await page.locator('#agenda-since').fill('2026-10-01');
    await page.getByRole('button', { name: 'Show agenda' }).click();
    await expect.poll(() => status(page)).toBe('Agenda for changes since 2026-10-01.');
    expect(new URL(page.url()).searchParams.get('since')).toBe('2026-10-01');
    await page.reload();
    await expect.poll(() => status(page)).toBe('Agenda for changes since 2026-10-01.');
    await page.goBack();
    await expect.poll(() => status(page)).toBe('Agenda for changes since 2026-11-16.');
  });

  it('says so when the date in the URL is not a date or lies after the snapshot', async () => {
    const page = await open('/sync/?since=16/11/2026');
    await expect.poll(() => status(page)).toContain('is not a date; enter the last meeting as YYYY-MM-DD');
    await page.goto(`${site.origin}/sync/?since=2030-01-01`);
    await expect.poll(() => status(page)).toContain("cannot be after the board's snapshot");
    await page.locator('#agenda-since').fill('2030-01-01');
    await page.getByRole('button', { name: 'Show agenda' }).click();
    await expect.poll(() => status(page)).toContain("cannot be after the board's snapshot");
    // A quick pick shows that meeting's agenda and puts it in the URL.
    const pick = page.locator('[data-agenda-recent] a').nth(1);
    const day = (await pick.textContent())!;
    await pick.click();
    await expect.poll(() => status(page)).toBe(`Agenda for changes since ${day}.`);
    expect(new URL(page.url()).searchParams.get('since')).toBe(day);
  });

  it('downloads and copies exactly the agenda on screen, for the default and for a chosen date', async () => {
    const page = await open('/sync/');
    const first = await download(page);
    expect(first.name).toMatch(/^agenda-since-\d{4}-\d{2}-\d{2}\.md$/);
    expect(markdownKeys(first.text)).toEqual((await screenKeys(page)).map((s) => s.keys));

    await page.locator('#agenda-since').fill('2026-10-20');
    await page.getByRole('button', { name: 'Show agenda' }).click();
    await expect.poll(() => status(page)).toBe('Agenda for changes since 2026-10-20.');
    const screen = await screenKeys(page);
    const second = await download(page);
    expect(second.name).toBe('agenda-since-2026-10-20.md');
    expect(second.text).toContain('Changes since the last meeting on 2026-10-20');
    expect(markdownKeys(second.text)).toEqual(screen.map((s) => s.keys));
    expect(screen).not.toEqual(await screenKeys(await open('/sync/')));

    await page.getByRole('button', { name: 'Copy as Markdown' }).click();
    await expect.poll(() => status(page)).toBe('Agenda copied as Markdown.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(second.text);
    // Links into the site are absolute: on the configured site URL, else on the origin the reader uses.
    const configured = await page.locator('sync-agenda').getAttribute('data-site-url');
    expect(second.text).toContain(`](<${configured ? new URL(configured).origin : site.origin}/`);
  });

  it('lists each risk at most once and never more than the cap', async () => {
    const page = await open('/sync/?since=2025-01-01');
    await expect.poll(() => status(page)).toBe('Agenda for changes since 2025-01-01.');
    const sections = await screenKeys(page);
    const listed = sections.filter((s) => s.id !== 'actions').flatMap((s) => s.keys);
    expect(new Set(listed).size).toBe(listed.length);
    expect(listed.length).toBeLessThanOrEqual(40);
    const actions = sections.find((s) => s.id === 'actions')!.keys;
    const resolved = sections.find((s) => s.id === 'resolved')!.keys;
    expect(actions).toEqual(listed.filter((k) => !resolved.includes(k)));
  });

  it('prints the whole agenda with decisions, without navigation or notices, on at most two A4 pages', async () => {
    const page = await open('/sync/');
    await page.emulateMedia({ media: 'print' });
    for (const hidden of [
      '.site-header',
      '.breadcrumbs',
      '.agenda-toc',
      '[data-agenda-status]',
      '[data-agenda-form]',
      '[data-sample-banner]',
    ])
      await expect(page.locator(hidden).first().isVisible(), hidden).resolves.toBe(false);
    for (const id of ['resolved', 'changed', 'new', 'decisions', 'stale', 'guidance', 'actions'])
      await expect(page.locator(`#${id}`).isVisible(), id).resolves.toBe(true);
    const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
    const pages = pdf.match(/\/Type\s*\/Page(?!s)/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(1);
    expect(pages.length).toBeLessThanOrEqual(2);
    // No trailing blank page: the last page's content stream draws text.
    const lastHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    const a4 = ((297 - 22) / 25.4) * 96;
    expect(Math.ceil(lastHeight / a4)).toBe(pages.length);
  });

  it('works without JavaScript: the default agenda and agenda.md agree', async () => {
    const page = await open('/sync/', { javaScriptEnabled: false });
    await expect(page.locator('[data-agenda-form]').isVisible()).resolves.toBe(false);
    const link = page.getByRole('link', { name: 'Download this agenda as Markdown' });
    const href = await link.getAttribute('href');
    expect(href).toBe('/sync/agenda.md');
    const markdown = await (await fetch(`${site.origin}${href}`)).text();
    expect(markdownKeys(markdown)).toEqual((await screenKeys(page)).map((s) => s.keys));
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`finds no axe violations on an agenda the browser redrew (${colorScheme}, 390 px)`, async () => {
      context = await site.browser.newContext({ colorScheme, viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await page.goto(`${site.origin}/sync/?since=2026-10-01`);
      await expect.poll(() => status(page)).toBe('Agenda for changes since 2026-10-01.');
      expect(await axeViolations(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    });
  }
});
