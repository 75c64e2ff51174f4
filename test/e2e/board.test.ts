import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { axeViolations, useBuiltSite } from './browser.ts';

const site = useBuiltSite();
let context: BrowserContext;
let page: Page;
const data = JSON.parse(readFileSync(join(site.distDir, 'board', 'items.json'), 'utf8')) as {
  asOf: string;
  staleAfterDays: number;
  tagNames: Record<string, string>;
  items: Array<{
    key: string;
    severity: string;
    owner: string | null;
    title: string;
    tags: string[];
    createdAt: string;
    updatedAt: string;
  }>;
};
const SEVERITIES = ['critical', 'high', 'medium', 'low', 'unrated'];
const LANES = ['security', 'shared', 'data-science', 'unowned'];
const laneOf = (i: { owner: string | null }) => i.owner ?? 'unowned';
const isStale = (i: { updatedAt: string }) =>
  Date.parse(data.asOf) - Date.parse(i.updatedAt) > data.staleAfterDays * 86_400_000;

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

/** The heat map's cells and the totals as the page shows them. */
async function summaryOnScreen() {
  const cells = await page
    .locator('[data-cell]')
    .evaluateAll((tds) =>
      Object.fromEntries(tds.map((td) => [td.getAttribute('data-cell'), td.textContent!.trim()])),
    );
  const total = (key: string) => page.locator(`[data-total="${key}"] strong`).textContent();
  return { cells, open: await total('open'), stale: await total('stale'), unowned: await total('unowned') };
}

/** What the heat map and totals should say for `items`, counted here from items.json. */
function expectedSummary(items: typeof data.items) {
  const cells: Record<string, string> = {};
  for (const lane of [...LANES, 'all']) {
    const inLane = items.filter((i) => lane === 'all' || laneOf(i) === lane);
    for (const s of SEVERITIES) cells[`${lane}:${s}`] = String(inLane.filter((i) => i.severity === s).length);
    cells[`${lane}:total`] = String(inLane.length);
  }
  return {
    cells,
    open: String(items.length),
    stale: String(items.filter(isStale).length),
    unowned: String(items.filter((i) => i.owner === null).length),
  };
}

const laneKeys = (lane: string) =>
  page
    .locator(`[data-lane="${lane}"] .board-card`)
    .evaluateAll((cards) => cards.map((c) => c.getAttribute('data-key')));

describe('the board at a glance, in Chromium', () => {
  it('redraws the heat map and the totals for the active filters, and restores them on clear', async () => {
    const tag = Object.keys(data.tagNames).find(
      (t) => data.items.filter((i) => i.tags.includes(t)).length > 2,
    )!;
    const tagged = data.items.filter((i) => i.tags.includes(tag));
    await page.goto(`${site.origin}/board/`);
    const served = await summaryOnScreen();
    expect(served).toEqual(expectedSummary(data.items));

    await page.goto(`${site.origin}/board/?tag=${encodeURIComponent(tag)}`);
    await expect.poll(status).toBe(`${tagged.length} of ${data.items.length} items match.`);
    expect(await summaryOnScreen()).toEqual(expectedSummary(tagged));
    expect(await page.locator('[data-heatmap-caption]').textContent()).toMatch(/matching the filters/);
    // Counts link to the board narrowed further, keeping the active filter.
    const staleHref = await page.locator('[data-total="stale"] a').getAttribute('href');
    const staleLink = new URL(staleHref!, site.origin);
    expect(Object.fromEntries(staleLink.searchParams)).toEqual({ tag, stale: '1' });

    await page.getByRole('link', { name: 'Clear' }).click();
    await expect.poll(status).toBe('Showing every lane.');
    expect(await summaryOnScreen()).toEqual(served);
  });

  it('sets the four lanes side by side at 1366 px', async () => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${site.origin}/board/`);
    const boxes = await Promise.all(LANES.map((l) => page.locator(`[data-lane="${l}"]`).boundingBox()));
    for (const [i, box] of boxes.entries()) {
      expect(box!.y).toBeCloseTo(boxes[0]!.y, 0);
      expect(box!.width).toBeGreaterThan(250);
      if (i > 0) expect(box!.x).toBeGreaterThanOrEqual(boxes[i - 1]!.x + boxes[i - 1]!.width);
    }
    // Each lane fits the window and scrolls its own cards.
    expect(Math.max(...boxes.map((b) => b!.height))).toBeLessThan(900);
  });

  it('stacks the lanes at 390 px without sideways scrolling', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${site.origin}/board/`);
    const boxes = await Promise.all(LANES.map((l) => page.locator(`[data-lane="${l}"]`).boundingBox()));
    for (const [i, box] of boxes.entries()) {
      expect(box!.x).toBeCloseTo(boxes[0]!.x, 0);
      if (i > 0) expect(box!.y).toBeGreaterThanOrEqual(boxes[i - 1]!.y + boxes[i - 1]!.height);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('collapses lanes without a match to one line each, after the lanes that have cards', async () => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${site.origin}/board/?owner=security`);
    await expect.poll(status).toMatch(/items match/);
    const security = (await page.locator('[data-lane="security"]').boundingBox())!;
    expect(await page.locator('[data-lane="security"]').getAttribute('data-collapsed')).toBeNull();
    for (const [lane, label] of [
      ['shared', 'Shared'],
      ['data-science', 'Data science'],
      ['unowned', 'Needs an owner'],
    ]) {
      const section = page.locator(`[data-lane="${lane}"]`);
      expect(await section.getAttribute('data-collapsed')).not.toBeNull();
      expect((await section.locator('h2').textContent())!.replace(/\s+/g, ' ').trim()).toBe(
        `${label}: no matching items`,
      );
      const box = (await section.boundingBox())!;
      expect(box.height).toBeLessThan(60);
      expect(box.y).toBeGreaterThan(security.y + security.height);
    }
    // The one lane left has the row to itself.
    expect(security.width).toBeGreaterThan(1000);
  });

  it('names the tags in the tag filter and groups them by scheme', async () => {
    await page.goto(`${site.origin}/board/`);
    const groups = await page.locator('select[name="tag"] optgroup').evaluateAll((groups) =>
      groups.map((g) => ({
        label: g.getAttribute('label'),
        options: [...g.querySelectorAll('option')].map((o) => [o.value, o.textContent]),
      })),
    );
    const labels = groups.map((g) => g.label);
    expect(labels).toEqual(
      expect.arrayContaining(['MITRE ATLAS', 'NIST AI RMF 1.0', 'Regulation', 'Unknown IDs']),
    );
    expect(labels.at(-1)).toBe('Unknown IDs');
    for (const group of groups.slice(0, -1)) {
      for (const [value, text] of group.options) {
        expect(text).toBe(`${value!.slice(value!.indexOf(':') + 1)} — ${data.tagNames[value!]}`);
      }
    }
    expect(groups.at(-1)!.options.every(([value, text]) => text === `${value} (unknown ID)`)).toBe(true);
  });

  it('sorts the cards within each lane by age or last update, kept in the URL', async () => {
    const security = data.items.filter((i) => laneOf(i) === 'security');
    const by = (compare: (a: (typeof security)[0], b: (typeof security)[0]) => number) =>
      [...security].sort(compare).map((i) => i.key);
    await page.goto(`${site.origin}/board/`);
    const served = await laneKeys('security');
    await page.locator('select[name="sort"]').selectOption('updated');
    await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('updated');
    await expect
      .poll(() => laneKeys('security'))
      .toEqual(by((a, b) => Date.parse(b.updatedAt) - Date.parse(a.updatedAt)));
    expect(await laneKeys('security')).not.toEqual(served);
    await page.locator('select[name="sort"]').selectOption('age');
    await expect
      .poll(() => laneKeys('security'))
      .toEqual(by((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt)));
    await page.reload();
    expect(await page.locator('select[name="sort"]').inputValue()).toBe('age');
    await expect
      .poll(() => laneKeys('security'))
      .toEqual(by((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt)));
  });

  it('draws the same cards in the browser as the build does', async () => {
    const html = () =>
      page
        .locator('.board-card')
        .evaluateAll((cards) =>
          Object.fromEntries(
            cards.map((c) => [
              c.getAttribute('data-key'),
              c.outerHTML.replace(/>\s+</g, '><').replace(/\s+/g, ' '),
            ]),
          ),
        );
    await page.goto(`${site.origin}/board/`);
    const served = await html();
    await page.locator('select[name="sort"]').selectOption('age');
    await expect.poll(status).toMatch(/sorted by age/);
    const drawn = await html();
    expect(Object.keys(drawn).sort()).toEqual(Object.keys(served).sort());
    for (const key of Object.keys(served)) expect(drawn[key], key).toBe(served[key]);
  });

  it('submits filters and sort without JavaScript, serving the default order', async () => {
    const noJs = await site.browser.newContext({ javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await plain.goto(`${site.origin}/board/`);
    const first = await plain.locator('[data-lane="security"] .board-card').first().getAttribute('data-key');
    await plain.locator('select[name="sort"]').selectOption('age');
    await plain.locator('select[name="severity"]').selectOption('high');
    await plain.getByRole('button', { name: 'Apply filters' }).click();
    await plain.waitForURL(/sort=age/);
    expect(new URL(plain.url()).searchParams.get('severity')).toBe('high');
    expect(await plain.locator('[data-lane="security"] .board-card').first().getAttribute('data-key')).toBe(
      first,
    );
    await noJs.close();
  });

  it('says what stale means, counted from the snapshot date', async () => {
    await page.goto(`${site.origin}/board/`);
    const note = await page.locator('.stale-note').textContent();
    expect(note).toMatch(new RegExp(`more than ${data.staleAfterDays} days before the snapshot of`));
    expect(await page.locator('[data-total="stale"] strong').textContent()).toBe(
      String(data.items.filter(isStale).length),
    );
  });
});

describe('the redrawn board stays accessible', () => {
  it.each([
    ['light', 1366],
    ['dark', 1366],
    ['light', 390],
    ['dark', 390],
  ] as const)(
    'finds no axe violations on a filtered board with collapsed lanes (%s, %i px)',
    async (colorScheme, width) => {
      const themed = await site.browser.newContext({ colorScheme, viewport: { width, height: 900 } });
      const tab = await themed.newPage();
      await tab.goto(`${site.origin}/board/?owner=security&sort=age`);
      await tab.locator('[data-board-status]', { hasText: 'match' }).waitFor();
      expect(await axeViolations(tab)).toEqual([]);
      await themed.close();
    },
  );
});

describe('"Back to the board" keeps the filters', () => {
  const query = 'severity=high&owner=security&sort=updated';

  async function filterOnTheBoard() {
    await page.goto(`${site.origin}/board/?${query}`);
    await expect.poll(status).toMatch(/items match/);
  }

  it('on a lane page, for the link and the Board breadcrumb', async () => {
    await filterOnTheBoard();
    await page.goto(`${site.origin}/board/lanes/security/1/`);
    const links = page.locator('a[data-back-to-board]');
    expect(await links.count()).toBe(2);
    await expect
      .poll(() => links.evaluateAll((as) => as.map((a) => a.getAttribute('href'))))
      .toEqual([`/board/?${query}`, `/board/?${query}`]);
    await page.getByRole('link', { name: 'Back to the board' }).click();
    await expect.poll(status).toMatch(/items match/);
    expect(new URL(page.url()).search).toBe(`?${query}`);
    expect(await page.locator('select[name="severity"]').inputValue()).toBe('high');
  });

  it('on an item page', async () => {
    await filterOnTheBoard();
    await page.locator('[data-lane="security"] .board-card h3 a').first().click();
    await page.waitForURL(/\/board\/[^?]+\/\d+\/$/);
    const back = page.locator('a[data-back-to-board]', { hasText: 'Back to the board' });
    await expect.poll(() => back.getAttribute('href')).toBe(`/board/?${query}`);
    await back.click();
    await expect.poll(status).toMatch(/items match/);
    expect(new URL(page.url()).search).toBe(`?${query}`);
  });

  it('forgets a cleared board, and survives storage that throws', async () => {
    await filterOnTheBoard();
    await page.getByRole('link', { name: 'Clear' }).click();
    await expect.poll(status).toBe('Showing every lane.');
    await page.goto(`${site.origin}/board/lanes/security/1/`);
    expect(await page.getByRole('link', { name: 'Back to the board' }).getAttribute('href')).toBe('/board/');

    await page.addInitScript(() => {
      Object.defineProperty(window, 'sessionStorage', {
        get() {
          throw new DOMException('denied', 'SecurityError');
        },
      });
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await filterOnTheBoard();
    await page.goto(`${site.origin}/board/lanes/security/1/`);
    expect(await page.getByRole('link', { name: 'Back to the board' }).getAttribute('href')).toBe('/board/');
    expect(errors).toEqual([]);
  });
});
