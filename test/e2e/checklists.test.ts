import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Download, Locator, Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { REASON_HINT } from '../../src/lib/checklist-answers.ts';
import type { ChecklistOutline } from '../../src/lib/checklist-outline.ts';
import { MAX_ISSUE_URL_LENGTH, PASTE_HINT } from '../../src/lib/issue-url.ts';
import { testSite } from '../site/build-once.ts';
import { readPages } from '../site/dist.ts';
import { useBuiltSite } from './browser.ts';

const built = useBuiltSite();
let context: BrowserContext;
let page: Page;
let route: string;
let outline: ChecklistOutline;

beforeAll(() => {
  // The checklist with the most items in its first section, so three items share a heading.
  const checklists = readPages(built.distDir).filter((p) => /^\/checklists\/[^/]+\/$/.test(p.route));
  route = checklists
    .map((p) => ({
      route: p.route,
      first: p.dom.querySelector('.checklist section')!.querySelectorAll('li[data-item-id]').length,
    }))
    .sort((a, b) => b.first - a.first)[0]!.route;
});

beforeEach(async () => {
  await context?.close();
  context = await built.browser.newContext({ acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: built.origin });
  // The issue link leaves the site: answer for GitHub so nothing goes to the network.
  await context.route('https://github.com/**', (r) =>
    r.fulfill({ status: 200, contentType: 'text/html', body: '<title>GitHub stand-in</title>' }),
  );
  page = await context.newPage();
  await open();
});

async function open() {
  await page.goto(`${built.origin}${route}`);
  outline = JSON.parse((await page.locator('checklist-run').getAttribute('data-outline'))!);
}

const storageKey = () => `tandem:checklist-runs:${outline.id}`;
const stored = () => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), storageKey());
const items = () => outline.sections[0]!.items;
const item = (i: number): Locator => page.locator(`li[data-item-id="${items()[i]!.id}"]`);
const status = () => page.locator('[data-run-status]');
const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

async function read(download: Download): Promise<string> {
  let text = '';
  for await (const chunk of await download.createReadStream()) text += chunk;
  return text;
}

/** Done, not applicable with a reason, and a two-line note on the first three items. */
async function fillThree() {
  await item(0).getByRole('radio', { name: 'Done' }).check();
  await item(1).getByRole('radio', { name: 'Not applicable' }).check();
  await item(1)
    .getByRole('textbox', { name: 'Why it does not apply' })
    .fill('No personal data in this system');
  await item(2).getByRole('button', { name: /^Note/ }).click();
  await item(2).getByRole('textbox', { name: /^Note/ }).fill('Ask legal about retention.\nThen close it.');
}

describe('checklist runs in Chromium', () => {
  it('fills a run (done, N/A with a reason, a note), keeps it across a reload, and exports the same Markdown by copy and download', async () => {
    expect(await item(1).getByRole('textbox', { name: 'Why it does not apply' }).isVisible()).toBe(false);
    await fillThree();
    expect(await page.locator('[data-run-summary]').textContent()).toBe(
      `“Run 1”: 1 done, 1 not applicable, ${outline.sections.flatMap((s) => s.items).length - 2} open of ${outline.sections.flatMap((s) => s.items).length} items.`,
    );

    await page.reload();
    expect(await item(0).getByRole('radio', { name: 'Done' }).isChecked()).toBe(true);
    expect(await item(1).getByRole('radio', { name: 'Not applicable' }).isChecked()).toBe(true);
    expect(await item(1).getByRole('textbox', { name: 'Why it does not apply' }).inputValue()).toBe(
      'No personal data in this system',
    );
    expect(await item(2).getByRole('textbox', { name: /^Note/ }).inputValue()).toBe(
      'Ask legal about retention.\nThen close it.',
    );
    expect(await item(2).getByRole('radio', { name: 'Open' }).isChecked()).toBe(true);
    expect(await item(0).getAttribute('data-status')).toBe('done');
    const saved = await stored();
    expect(saved).toMatchObject({ version: 1, runs: [{ name: 'Run 1', checklistVersion: outline.version }] });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download .md' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${outline.id}-run-1-${today()}.md`);
    const markdown = await read(download);
    const [a, b, c] = items();
    expect(markdown).toContain(`# ${outline.title}: Run 1\n`);
    expect(markdown).toContain(
      `- Checklist: [${outline.title}](<${new URL(`/checklists/${outline.id}/`, testSite.url!).href}>), updated on ${outline.updated}\n`,
    );
    expect(markdown).toContain(`- Date: ${today()}\n`);
    expect(markdown).toContain(
      `## ${outline.sections[0]!.title}\n\n- [x] ${a!.title}\n- [N/A] ${b!.title} — No personal data in this system\n- [ ] ${c!.title}\n  - Note: Ask legal about retention.\n    Then close it.\n`,
    );
    expect(await status().textContent()).toBe(`Downloaded ${download.suggestedFilename()}.`);

    await page.getByRole('button', { name: 'Copy Markdown' }).click();
    await expect.poll(() => status().textContent()).toBe('Copied the Markdown of “Run 1”.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(markdown);
  });

  it('keeps named runs apart: start, switch, rename and delete', async () => {
    await item(0).getByRole('radio', { name: 'Done' }).check();
    const name = page.getByRole('textbox', { name: 'Run name' });
    await name.fill('Fraud model');
    await page.getByRole('button', { name: 'Start a new run' }).click();
    expect(await status().textContent()).toBe('Started the run “Fraud model”. Every item is open.');
    expect(await item(0).getByRole('radio', { name: 'Open' }).isChecked()).toBe(true);
    await item(1).getByRole('radio', { name: 'Done' }).check();

    await name.fill('run 1');
    await page.getByRole('button', { name: 'Start a new run' }).click();
    expect(await status().textContent()).toBe('There is already a run called “run 1”. Choose another name.');

    const picker = page.getByRole('combobox', { name: 'Run', exact: true });
    await picker.selectOption({ label: 'Run 1' });
    expect(await item(0).getByRole('radio', { name: 'Done' }).isChecked()).toBe(true);
    expect(await item(1).getByRole('radio', { name: 'Open' }).isChecked()).toBe(true);
    await page.reload();
    expect(await picker.locator('option:checked').textContent()).toBe('Run 1');

    await name.fill('Churn model');
    await page.getByRole('button', { name: 'Rename this run' }).click();
    expect(await picker.locator('option').allTextContents()).toEqual(['Churn model', 'Fraud model']);

    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: 'Delete this run' }).click();
    expect(await status().textContent()).toBe('Deleted the run “Churn model”. Showing “Fraud model”.');
    expect(await item(1).getByRole('radio', { name: 'Done' }).isChecked()).toBe(true);
    expect((await stored()).runs.map((r: { name: string }) => r.name)).toEqual(['Fraud model']);
  });

  it('opens the run as a prefilled issue in the configured repository', async () => {
    await fillThree();
    const [popup] = await Promise.all([
      context.waitForEvent('page'),
      page.getByRole('button', { name: 'Open as GitHub issue' }).click(),
    ]);
    await popup.waitForLoadState();
    const url = new URL(popup.url());
    expect(`${url.origin}${url.pathname}`).toBe(`${testSite.checklistIssues!.url}/issues/new`);
    expect(url.searchParams.get('title')).toBe(`Checklist: ${outline.title} — Run 1 (${today()})`);
    expect(url.searchParams.get('labels')).toBe(testSite.checklistIssues!.labels.join(','));
    const body = url.searchParams.get('body')!;
    expect(body).toMatch(new RegExp(`^# ${outline.title}: Run 1\\n`));
    expect(body).toContain(`- [N/A] ${items()[1]!.title} — No personal data in this system\n`);
    expect(popup.url().length).toBeLessThanOrEqual(MAX_ISSUE_URL_LENGTH);
    expect(await status().textContent()).toMatch(/^Opened a prefilled GitHub issue in a new tab/);
  });

  it('copies the Markdown instead when the issue URL would be too long, and says so', async () => {
    for (let i = 0; i < 3; i++) {
      await item(i).getByRole('button', { name: /^Note/ }).click();
      await item(i)
        .getByRole('textbox', { name: /^Note/ })
        .fill(`Finding ${i}: ${'detail '.repeat(420)}`);
    }
    await page.getByRole('button', { name: 'Open as GitHub issue' }).click();
    await expect
      .poll(() => status().textContent())
      .toMatch(
        /^This run is too long to prefill an issue \([\d,]+ characters; browsers accept about 8,000\)\. Its Markdown is on your clipboard: paste it into the description of a new GitHub issue \(opens in a new tab\)\.$/,
      );
    expect(context.pages()).toHaveLength(1);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('Finding 2: detail detail');
    const link = new URL((await status().getByRole('link').getAttribute('href'))!);
    expect(`${link.origin}${link.pathname}`).toBe(`${testSite.checklistIssues!.url}/issues/new`);
    expect(link.searchParams.get('body')).toBe(PASTE_HINT);
  });

  it('shows which items are new since an older run began, until the run is marked up to date', async () => {
    const known = outline.sections.flatMap((s) => s.items.map((i) => i.id)).slice(2);
    const old = {
      version: 1,
      activeRunId: 'old',
      runs: [
        {
          id: 'old',
          name: 'Last quarter',
          createdAt: '2026-01-05T09:00:00.000Z',
          updatedAt: '2026-01-05T09:00:00.000Z',
          checklistVersion: '00000000',
          knownItems: known,
          answers: {},
        },
      ],
    };
    await page.evaluate(
      ([key, value]) => localStorage.setItem(key!, value!),
      [storageKey(), JSON.stringify(old)],
    );
    await page.reload();
    const notice = page.locator('[data-version-notice]');
    expect(await notice.textContent()).toContain(
      `The checklist changed after this run began (it was updated on ${outline.updated}). 2 items are new since then`,
    );
    expect(await page.locator('main').textContent()).not.toContain('00000000');
    const badges = page.locator('[data-new-badge]:visible');
    expect(await badges.count()).toBe(2);
    expect(await item(0).locator('[data-new-badge]').isVisible()).toBe(true);
    expect(await item(2).locator('[data-new-badge]').isVisible()).toBe(false);

    await page.getByRole('button', { name: 'Mark this run up to date' }).click();
    expect(await notice.isVisible()).toBe(false);
    expect(await badges.count()).toBe(0);
    expect((await stored()).runs[0]).toMatchObject({
      checklistVersion: outline.version,
      knownItems: outline.sections.flatMap((s) => s.items.map((i) => i.id)),
    });
  });

  it('resets a corrupt stored value with a notice instead of breaking the page', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.evaluate((key) => localStorage.setItem(key, '{"version":1,"runs":[{"id":'), storageKey());
    await page.reload();
    expect(await page.locator('[data-storage-notice]').textContent()).toMatch(
      /could not be read and have been reset/,
    );
    await item(0).getByRole('radio', { name: 'Done' }).check();
    expect((await stored()).runs[0].answers).toEqual({
      [items()[0]!.id]: { status: 'done', reason: '', note: '' },
    });
    expect(errors).toEqual([]);
  });

  it('refuses “Not applicable” without a reason: it counts as open, says why, and exports as open', async () => {
    const reason = item(0).getByRole('textbox', { name: 'Why it does not apply' });
    await item(0).getByRole('radio', { name: 'Not applicable' }).check();
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    expect(await item(0).getAttribute('data-status')).toBe('na-pending');
    expect(await item(0).locator('[data-reason-hint]').textContent()).toBe(REASON_HINT.missing);
    const total = outline.sections.flatMap((s) => s.items).length;
    expect(await page.locator('[data-run-summary]').textContent()).toBe(
      `“Run 1”: 0 done, 0 not applicable, ${total} open (1 marked not applicable needs a reason) of ${total} items.`,
    );
    expect(await page.locator('[data-summary-total]').textContent()).toBe(`0 of ${total} settled`);
    await page.getByText('Show the Markdown').click();
    const markdown = page.locator('[data-run-markdown]');
    await expect
      .poll(() => markdown.inputValue())
      .toContain(`- [ ] ${items()[0]!.title} — marked not applicable, reason missing\n`);

    await reason.fill('   ');
    expect(await reason.getAttribute('aria-invalid')).toBe('true');
    await reason.fill('Batch scoring only, no endpoint');
    expect(await reason.getAttribute('aria-invalid')).toBeNull();
    expect(await item(0).getAttribute('data-status')).toBe('na');
    expect(await page.locator('[data-summary-total]').textContent()).toBe(`1 of ${total} settled`);
    expect(await markdown.inputValue()).toContain(
      `- [N/A] ${items()[0]!.title} — Batch scoring only, no endpoint\n`,
    );
    expect(await markdown.inputValue()).not.toMatch(/^- \[x\] .*Batch scoring/m);
  });

  it('keeps a sticky summary of progress per section, with jump links that land below it', async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    const summary = page.locator('[data-summary]');
    const first = outline.sections[0]!;
    const link = (id: string) => summary.locator(`[data-summary-link="${id}"]`);
    expect(await link(first.id).textContent()).toBe(`${first.title} 0/${first.items.length}`);
    await item(0).getByRole('radio', { name: 'Done' }).check();
    expect(await link(first.id).textContent()).toBe(`${first.title} 1/${first.items.length}`);
    expect(await link(first.id).getAttribute('aria-label')).toBe(
      `${first.title}: 1 of ${first.items.length} done or not applicable`,
    );
    await expect.poll(() => page.locator('[data-saved]').textContent()).toMatch(/^Saved in this browser at /);

    const last = outline.sections.at(-1)!;
    await link(last.id).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#${last.id}`);
    await page.waitForTimeout(300);
    const box = await summary.boundingBox();
    const heading = await page.locator(`h2#${last.id}`).boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(80);
    expect(heading!.y).toBeGreaterThanOrEqual(box!.y + box!.height - 1);
    expect(heading!.y).toBeLessThan(800);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  it('hides completed items on request, keeping the item being answered until focus leaves it', async () => {
    const first = outline.sections[0]!;
    const hide = page.getByRole('switch', { name: 'Hide completed' });
    await hide.check();
    await item(0).getByRole('radio', { name: 'Done' }).check();
    expect(await item(0).isVisible()).toBe(true);
    await item(1).getByRole('radio', { name: 'Done' }).focus();
    expect(await item(0).isVisible()).toBe(false);
    expect(await item(1).isVisible()).toBe(true);
    await item(1).getByRole('radio', { name: 'Not applicable' }).check();
    await item(1).getByRole('textbox', { name: 'Why it does not apply' }).fill('Internal batch job');
    for (const [i, each] of first.items.entries()) {
      if (i < 2) continue;
      await page.locator(`li[data-item-id="${each.id}"]`).getByRole('radio', { name: 'Done' }).check();
    }
    await hide.focus();
    const section = page.locator(`section[data-section-id="${first.id}"]`);
    expect(await section.locator('li[data-item-id]:visible').count()).toBe(0);
    expect(await section.locator('[data-section-settled]').isVisible()).toBe(true);
    expect(await page.locator(`[data-summary-link="${first.id}"]`).getAttribute('data-complete')).toBe('');
    await hide.uncheck();
    expect(await section.locator('li[data-item-id]:visible').count()).toBe(first.items.length);
    expect(await section.locator('[data-section-settled]').isVisible()).toBe(false);
  });

  it('shows readers the date the checklist was updated, never its internal version', async () => {
    expect(await page.locator('main').textContent()).not.toContain(outline.version);
    await page.getByText('Show the Markdown').click();
    await expect.poll(() => page.locator('[data-run-markdown]').inputValue()).toMatch(/^# /);
    expect(await page.locator('[data-run-markdown]').inputValue()).not.toContain(outline.version);
    expect(outline.updated).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('reads as a plain list without JavaScript', async () => {
    const noJs = await built.browser.newContext({ javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await plain.goto(`${built.origin}${route}`);
    expect(await plain.locator('li[data-item-id] h3').first().textContent()).toContain(items()[0]!.title);
    expect(await plain.locator('[data-run-panel]').isVisible()).toBe(false);
    expect(await plain.locator('fieldset[data-answer]').first().isVisible()).toBe(false);
    expect(await plain.getByRole('button', { name: 'Copy Markdown' }).count()).toBe(0);
    await noJs.close();
  });

  it('prints as a paper checklist: a box per item, ticked when done, and no controls', async () => {
    await fillThree();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('[data-run-panel]').isVisible()).toBe(false);
    expect(await page.locator('fieldset[data-answer]:visible').count()).toBe(0);
    expect(await page.locator('button:visible').count()).toBe(0);
    const boxes = page.locator('li[data-item-id] .check-box');
    expect(await boxes.locator('visible=true').count()).toBe(await page.locator('li[data-item-id]').count());
    const tick = (i: number) =>
      item(i)
        .locator('.check-box')
        .evaluate((el) => getComputedStyle(el, '::after').content);
    expect(await tick(0)).toBe('"✓"');
    expect(await tick(2)).toBe('none');
    expect(await item(1).locator('[data-print-answer]').textContent()).toBe(
      'Not applicable: No personal data in this system',
    );
    expect(await page.locator('[data-print-run]').textContent()).toMatch(
      /^Run: Run 1 · 1 done, 1 not applicable/,
    );
  });

  it.each(['light', 'dark'] as const)(
    'stays free of axe violations (WCAG 2.2 AA) once filled in, in the %s theme',
    async (colorScheme) => {
      await page.emulateMedia({ colorScheme });
      await page.evaluate(
        (key) =>
          localStorage.setItem(
            key,
            JSON.stringify({
              version: 1,
              activeRunId: 'o',
              runs: [
                {
                  id: 'o',
                  name: 'Old',
                  createdAt: '2026-01-05T09:00:00.000Z',
                  updatedAt: '2026-01-05T09:00:00.000Z',
                  checklistVersion: '00000000',
                  knownItems: [],
                  answers: {},
                },
              ],
            }),
          ),
        storageKey(),
      );
      await page.reload();
      await fillThree();
      await item(3).getByRole('radio', { name: 'Not applicable' }).check();
      await item(4).getByRole('button', { name: /^Note/ }).click();
      await item(4).locator('summary').click();
      await page.getByRole('switch', { name: 'Hide completed' }).check();
      await page.getByRole('button', { name: 'Download .md' }).click();
      await page.getByText('Show the Markdown').click();
      const result = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      expect(
        result.violations.map(
          (v) =>
            `${v.id}: ${v.help} (${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join('; ')})`,
        ),
      ).toEqual([]);
    },
  );
});
