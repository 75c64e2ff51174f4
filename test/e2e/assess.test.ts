/**
 * The joint risk assessment workshop in real Chromium, as both teams would use it: a profile
 * selects its threats, the two teams rate side by side, the register's issue links carry the
 * board's labels, an assessment survives export → import and a share link, corrupt storage is
 * reset with a notice, and axe is clean on every step, light and dark, at phone width.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { register } from '../../src/lib/assess/assessment.ts';
import { selectThreats } from '../../src/lib/assess/applies.ts';
import { exampleAssessment } from '../../src/lib/assess/example.ts';
import { resolveTag } from '../../src/lib/taxonomy.ts';
import { libraryThreats } from '../fixtures/assess/library.ts';
import { axeViolations, useBuiltSite } from './browser.ts';

const built = useBuiltSite();
const threats = libraryThreats();
let context: BrowserContext;
let page: Page;

beforeEach(async () => {
  context = await built.browser.newContext({ acceptDownloads: true });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: built.origin });
  await context.route('https://github.com/**', (r) =>
    r.fulfill({ status: 200, contentType: 'text/html', body: '<title>GitHub stand-in</title>' }),
  );
  page = await context.newPage();
  page.on('dialog', (d) => void d.accept());
});

afterEach(async () => {
  await context?.close();
});

const open = async (query = '') => {
  await page.goto(`${built.origin}/assess/${query}`);
  await page.locator('risk-workshop [data-panel] h2').waitFor();
};
const step = (name: string) =>
  page.getByRole('navigation', { name: 'Workshop steps' }).getByRole('button', { name });
const stored = () => page.evaluate(() => JSON.parse(localStorage.getItem('tandem:assessments') ?? 'null'));
const reviewTitles = () => page.locator('.review-item h4').allTextContents();

async function describeSystem(facts: {
  data?: string[];
  model?: string[];
  exposure?: string;
  deployment?: string[];
}) {
  await page.getByLabel('System name').fill('Claims triage model');
  await page.getByLabel('Purpose').fill('Ranks incoming insurance claims for manual review.');
  for (const label of [...(facts.data ?? []), ...(facts.model ?? []), ...(facts.deployment ?? [])])
    await page.getByLabel(label, { exact: true }).check();
  if (facts.exposure) await page.getByLabel(facts.exposure, { exact: true }).check();
}

describe('describing the system', () => {
  it('selects exactly the threats the profile implies, and re-selects when it changes', async () => {
    await open();
    await describeSystem({
      data: ['Personal data (about identifiable people)'],
      model: ['Agent that calls tools or takes actions'],
      exposure: 'Public or customer-facing',
    });
    const profile = {
      data: ['personal' as const],
      model: ['agent-tools' as const],
      deployment: ['public' as const],
    };
    const expected = selectThreats(threats, profile).map((t) => t.title);
    await expect
      .poll(() => page.locator('.selected-count').textContent())
      .toContain(`${expected.length} of ${threats.length}`);
    await page.getByRole('button', { name: 'Next: Review threats' }).click();
    expect((await reviewTitles()).sort()).toEqual([...expected].sort());

    await step('Describe the system').click();
    await page.getByLabel('Agent that calls tools or takes actions', { exact: true }).uncheck();
    await page.getByLabel('Classical ML (trees, linear models, clustering)', { exact: true }).check();
    await step('Review threats').click();
    const classical = selectThreats(threats, { ...profile, model: ['classical-ml'] }).map((t) => t.title);
    expect((await reviewTitles()).sort()).toEqual([...classical].sort());
    expect(classical.some((t) => /agent/i.test(t))).toBe(false);
  });

  it('dismisses a threat only with a reason, and adds one of the team’s own', async () => {
    await open();
    await describeSystem({
      model: ['LLM application with retrieval (RAG)'],
      exposure: 'Internal users only',
    });
    await step('Review threats').click();
    const first = page.locator('.review-item').first();
    const title = (await first.locator('h4').textContent())!;
    await first.getByRole('button', { name: `Dismiss “${title}”` }).click();
    await first.getByRole('button', { name: 'Dismiss', exact: true }).click();
    await expect.poll(() => first.locator('.field-error').textContent()).toContain('Say why');
    await first.getByLabel(`Why does “${title}” not apply?`).fill('Covered by the platform team’s review.');
    await first.getByRole('button', { name: 'Dismiss', exact: true }).click();
    await expect.poll(() => page.locator('.review-item.is-dismissed h4').first().textContent()).toBe(title);
    // Focus lands on the restore button of the same risk.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-key'))).toMatch(/^restore:/);
    await page.getByRole('textbox', { name: 'Title' }).fill('Claims handlers over-trust the ranking');
    await page.getByRole('button', { name: 'Add your risk' }).click();
    await expect.poll(reviewTitles).toContain('Claims handlers over-trust the ranking');
    const saved = (await stored()).assessments[0];
    expect(saved.risks.find((r: { id: string }) => r.id === 'custom-1').title).toBe(
      'Claims handlers over-trust the ranking',
    );
    expect(saved.risks.find((r: { title: string }) => r.title === title)).toMatchObject({
      status: 'dismissed',
      dismissReason: 'Covered by the platform team’s review.',
    });
  });
});

describe('rating together', () => {
  it('shows both teams side by side, flags a 2-point disagreement and bands the agreed rating', async () => {
    await open();
    await describeSystem({
      model: ['LLM application with retrieval (RAG)'],
      exposure: 'Public or customer-facing',
    });
    await step('Rate together').click();
    const card = page.locator('.rate-card').first();
    const slot = (legend: string) =>
      card.locator('fieldset.rate-slot').filter({ has: page.locator(`legend:text-is("${legend}")`) });
    const choose = async (legend: string, field: 'Likelihood' | 'Impact', value: string) =>
      slot(legend).getByLabel(field).selectOption(value);
    const discuss = card.locator('.discuss');
    await choose('Security', 'Likelihood', '5');
    await choose('Security', 'Impact', '4');
    await choose('Data science', 'Likelihood', '3');
    expect(await discuss.isVisible()).toBe(false); // data science has not rated impact yet
    await choose('Data science', 'Impact', '4');
    expect(await discuss.isVisible()).toBe(true); // 5 vs 3 on likelihood
    expect(await slot('Security').locator('output').textContent()).toBe('5 × 4 = 20 critical');
    expect(await slot('Data science').locator('output').textContent()).toBe('3 × 4 = 12 high');
    await choose('Data science', 'Likelihood', '4');
    expect(await discuss.isVisible()).toBe(false); // one point apart
    expect(await slot('Agreed').locator('output').textContent()).toBe('not rated');
    await slot('Agreed').getByRole('button').click();
    expect(await slot('Agreed').getByLabel('Likelihood').inputValue()).toBe('5');
    expect(await slot('Agreed').getByLabel('Impact').inputValue()).toBe('4');
    expect(await slot('Agreed').locator('output').textContent()).toBe('5 × 4 = 20 critical');
    await choose('Agreed', 'Likelihood', '2');
    expect(await slot('Agreed').locator('output').textContent()).toBe('2 × 4 = 8 medium');
    await choose('Agreed', 'Impact', '2');
    expect(await slot('Agreed').locator('output').textContent()).toBe('2 × 2 = 4 low');
    // Saved as it was chosen, and back after a reload.
    await page.reload();
    await page.locator('.rate-card').first().waitFor();
    const again = page.locator('.rate-card').first();
    expect(await again.locator('fieldset.rate-slot').nth(0).getByLabel('Likelihood').inputValue()).toBe('5');
    expect(await again.locator('fieldset.rate-slot').nth(2).locator('output').textContent()).toBe(
      '2 × 2 = 4 low',
    );
  });
});

describe('a workshop with many risks', () => {
  it('narrows the rating step to the risks left to discuss or agree', async () => {
    await open('?example');
    await step('Rate together').click();
    const all = await page.locator('.rate-card').count();
    await page.getByLabel('Show only risks to discuss or not yet agreed').check();
    expect(await page.locator('.rate-card:visible').count()).toBe(5);
    await page.getByLabel('Show only risks to discuss or not yet agreed').uncheck();
    expect(await page.locator('.rate-card:visible').count()).toBe(all);
  });

  it('names and keeps several assessments apart', async () => {
    await open();
    await page.getByLabel('Assessment name').fill('Fraud model review');
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await page.getByLabel('Assessment name').fill('Chatbot review');
    const names = await page.getByLabel('Assessment', { exact: true }).locator('option').allTextContents();
    expect(names).toEqual(['Fraud model review', 'Chatbot review']);
    await page.getByLabel('Assessment', { exact: true }).selectOption({ label: 'Fraud model review' });
    expect(await page.getByLabel('Assessment name').inputValue()).toBe('Fraud model review');
    expect((await stored()).assessments.map((a: { name: string }) => a.name)).toEqual([
      'Fraud model review',
      'Chatbot review',
    ]);
  });
});

describe('the register of the worked example', () => {
  it('opens at the register with a valid issue link per risk, carrying the board labels and both views', async () => {
    await open('?example');
    expect(await page.locator('[data-panel] h2').textContent()).toBe('5. Register');
    const expected = register(exampleAssessment(threats, new Date().toISOString()));
    const links = page.getByRole('link', { name: /^File “.*” as a GitHub issue$/ });
    expect(await links.count()).toBe(expected.length);
    const hrefs = await links.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) {
      const url = new URL(href);
      expect(url.origin + url.pathname).toBe('https://github.com/tandem-test/risks/issues/new');
      const labels = url.searchParams.get('labels')!.split(',');
      expect(labels).toContain('risk');
      expect(labels.filter((l) => /^owner:(security|data-science|shared)$/.test(l))).toHaveLength(1);
      expect(labels.filter((l) => /^severity:(low|medium|high|critical)$/.test(l))).toHaveLength(1);
      expect(
        labels.some((l) => /^phase:(data|training|evaluation|deployment|monitoring|governance)$/.test(l)),
      ).toBe(true);
      const atlas = labels.filter((l) => l.startsWith('atlas:'));
      expect(atlas.length).toBeGreaterThan(0);
      for (const tag of labels.filter((l) => /^(atlas|owasp-ml|owasp-llm|nist|reg):/.test(l)))
        expect(resolveTag(tag).ok, tag).toBe(true);
      const body = url.searchParams.get('body')!;
      expect(body).toMatch(/Security’s view|Security's view/);
      expect(body).toMatch(/Data science’s view|Data science's view/);
      expect(body).toContain('https://risks.tandem.test/');
      expect(url.searchParams.get('title')!.length).toBeGreaterThan(5);
    }
    // Clicking one leaves for GitHub (answered here by the stand-in).
    const [popup] = await Promise.all([page.waitForEvent('framenavigated'), links.first().click()]);
    expect(popup.url()).toContain('/tandem-test/risks/issues/new');
  });

  it('downloads a gh script and Markdown that list every risk, and keeps the example unsaved until asked', async () => {
    await open('?example');
    const count = await page.locator('.register-card').count();
    const [script] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download gh script' }).click(),
    ]);
    const text = await readFile((await script.path())!, 'utf8');
    expect(text.match(/^\s*file_issue --repo/gm)?.length).toBe(count);
    const [md] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download Markdown' }).click(),
    ]);
    const markdown = await readFile((await md.path())!, 'utf8');
    expect(markdown).toContain('Relay support assistant');
    expect(await stored()).toBeNull();
    await page.getByRole('button', { name: 'Save a copy in this browser' }).click();
    const saved = await stored();
    expect(saved.assessments).toHaveLength(1);
    expect(saved.assessments[0].name).toBe('Worked example: Relay support assistant');
    expect(new URL(page.url()).search).toBe('');
  });
});

describe('working together without a server', () => {
  async function ratedAssessment() {
    await open();
    await describeSystem({
      data: ['Health data (patient records, protected health information)'],
      model: ['Deep learning trained in-house'],
      exposure: 'Internal users only',
    });
    await step('Rate together').click();
    const card = page.locator('.rate-card').first();
    await card.locator('fieldset.rate-slot').nth(0).getByLabel('Likelihood').selectOption('4');
    await card.locator('fieldset.rate-slot').nth(1).getByLabel('Impact').selectOption('2');
    return (await stored()).assessments[0];
  }

  it('exports a file and imports it back unchanged', async () => {
    const before = await ratedAssessment();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export file' }).click(),
    ]);
    const file = (await download.path())!;
    await page.getByRole('button', { name: 'Delete' }).click();
    expect((await stored()).assessments.find((a: { id: string }) => a.id === before.id)).toBeUndefined();
    await page.locator('[data-import]').setInputFiles(file);
    await expect.poll(() => page.locator('[data-status]').textContent()).toContain('Imported');
    const after = (await stored()).assessments.find((a: { id: string }) => a.id === before.id);
    expect(after.risks).toEqual(before.risks);
    expect(after.profile).toEqual(before.profile);
  });

  it('carries the assessment in a share link that opens in another browser', async () => {
    const before = await ratedAssessment();
    await page.getByRole('button', { name: 'Copy share link' }).click();
    await expect.poll(() => page.locator('[data-status]').textContent()).toContain('Share link copied');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/\/assess\/#share=1\./);
    const other = await built.browser.newContext();
    const visitor = await other.newPage();
    await visitor.goto(link);
    await visitor.locator('risk-workshop [data-panel] h2').waitFor();
    expect(await visitor.locator('[data-banner-text]').textContent()).toContain('Opened from a share link');
    await visitor.getByRole('button', { name: 'Save a copy in this browser' }).click();
    const saved = await visitor.evaluate(() => JSON.parse(localStorage.getItem('tandem:assessments')!));
    expect(saved.assessments[0].risks).toEqual(before.risks);
    await other.close();
  });

  it('says when a share link would be too long, and points to the file export', async () => {
    await ratedAssessment();
    // Notes that do not compress: letters from a pseudo-random sequence.
    let seed = 7;
    const noise = (n: number) =>
      Array.from({ length: n }, () =>
        String.fromCharCode(97 + ((seed = (seed * 48271) % 2147483647) % 26)),
      ).join('');
    for (const c of (await page.locator('.rate-card').all()).slice(0, 3)) {
      await c.locator('summary').click();
      await c.getByLabel('Notes (what was agreed and why)').fill(noise(5000));
    }
    await page.getByRole('button', { name: 'Copy share link' }).click();
    await expect.poll(() => page.locator('[data-status]').textContent()).toContain('Export file');
  });

  it('resets corrupt storage with a notice and keeps working', async () => {
    await open();
    await page.evaluate(() => localStorage.setItem('tandem:assessments', '{"version":2,"assessments":"oops'));
    await open();
    const notice = page.locator('[data-notice]');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toMatch(/could not be read/);
    await describeSystem({ model: ['Classical ML (trees, linear models, clustering)'] });
    expect((await stored()).assessments[0].profile.model).toEqual(['classical-ml']);
  });
});

describe('every step, as every reader meets it', () => {
  for (const [width, scheme] of [
    [1366, 'light'],
    [390, 'dark'],
  ] as const)
    it(`is clean under axe and does not scroll sideways at ${width} px, ${scheme}`, async () => {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await open('?example');
      for (const name of [
        'Describe the system',
        'Review threats',
        'Rate together',
        'Owners and controls',
        'Register',
      ]) {
        await step(name).click();
        await page.locator(`[data-panel] h2:text-matches("${name}")`).waitFor();
        // Open every disclosure so axe sees what a reader can reach.
        await page
          .locator('[data-panel] details')
          .evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
        expect(await axeViolations(page), `${name} at ${width} px, ${scheme}`).toEqual([]);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
        expect(overflow, `${name} scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
      }
    });

  it('moves focus to each step’s heading and works from the keyboard', async () => {
    await open();
    await step('Review threats').focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('2. Review threats');
  });

  it('without JavaScript shows the threat library and says what the workshop needs', async () => {
    const off = await built.browser.newContext({ javaScriptEnabled: false });
    const reader = await off.newPage();
    await reader.goto(`${built.origin}/assess/`);
    expect(await reader.locator('noscript').count()).toBe(1);
    expect(await reader.locator('.threat-library details.threat').count()).toBe(threats.length);
    expect(await reader.locator('[data-workshop]').isVisible()).toBe(false);
    await off.close();
  });
});
