import type { Browser, BrowserContext, Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readPages, type BuiltPage } from '../site/dist.ts';
import { useBuiltSite } from './browser.ts';
import { answerQuiz, quizKey, submitQuiz } from './quiz.ts';

const site = useBuiltSite();
let context: BrowserContext;
let page: Page;
let modules: BuiltPage[];
let first: BuiltPage;

beforeAll(() => {
  modules = readPages(site.distDir).filter((p) => /^\/learn\/[^/]+\/[^/]+\/$/.test(p.route));
  first = modules[0]!;
});

beforeEach(async () => {
  await context?.close();
  context = await site.browser.newContext();
  page = await context.newPage();
});

const moduleId = (p: BuiltPage) => p.route.split('/').slice(2, 4).join('/');

/** Runs `task` over every module page, a few pages at a time in one context. */
async function eachModule<T>(
  browser: Browser,
  task: (page: Page, module: BuiltPage) => Promise<T>,
): Promise<T[]> {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const results: T[] = [];
  const queue = [...modules];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      const tab = await ctx.newPage();
      for (let m = queue.shift(); m; m = queue.shift()) {
        await tab.goto(`${site.origin}${m.route}`);
        results.push(await task(tab, m));
      }
    }),
  );
  await ctx.close();
  return results;
}

/**
 * A reader who does not read: ticks the first option shown (all but the last in "select all"),
 * or the longest (all but the shortest in "select all").
 */
async function blind(tab: Page, strategy: 'first' | 'longest'): Promise<boolean> {
  await tab.locator('[data-quiz-submit]:not([hidden])').waitFor();
  await tab.evaluate((how) => {
    for (const fieldset of document.querySelectorAll('knowledge-check fieldset')) {
      const options = [...fieldset.querySelectorAll('li')];
      const multiple = fieldset.querySelector('input')!.type === 'checkbox';
      const length = (li: Element) => (li.textContent ?? '').trim().length;
      const ranked = how === 'first' ? options : [...options].sort((a, b) => length(b) - length(a));
      for (const li of multiple ? ranked.slice(0, -1) : ranked.slice(0, 1))
        li.querySelector('input')!.click();
    }
  }, strategy);
  await submitQuiz(tab);
  await tab.locator('[data-quiz-result]:not([hidden])').waitFor();
  return (await tab.locator('[data-quiz-result]').getAttribute('data-passed')) === 'true';
}

describe('knowledge checks that measure', () => {
  it('lets a blind strategy (always the first option, always the longest) pass at most one module', async () => {
    for (const strategy of ['first', 'longest'] as const) {
      const passed = await eachModule(site.browser, async (tab, m) =>
        (await blind(tab, strategy)) ? m.route : null,
      );
      expect({ strategy, passed: passed.filter(Boolean).length <= 1 }).toEqual({ strategy, passed: true });
    }
  });

  it('shows nothing before submitting that tells right options from wrong: no attribute, no explanation, no answer section', async () => {
    const leaks = await eachModule(site.browser, async (tab, m) => {
      const key = quizKey(m);
      const found = await tab.evaluate((k) => {
        const problems: string[] = [];
        const signature = (li: Element) =>
          [li, ...li.querySelectorAll('*')]
            .flatMap((n) =>
              [...n.attributes]
                .filter((a) => !['id', 'for', 'value'].includes(a.name))
                .map((a) => `${n.tagName}[${a.name}=${a.name === 'name' ? '' : a.value}]`),
            )
            .sort()
            .join(' ');
        document.querySelectorAll('knowledge-check fieldset').forEach((fieldset, q) => {
          const sigs = new Map<boolean, Set<string>>([
            [true, new Set()],
            [false, new Set()],
          ]);
          for (const li of fieldset.querySelectorAll('li')) {
            const value = li.querySelector('input')!.value;
            sigs.get(k[q]!.right.includes(value))!.add(signature(li));
          }
          const all = new Set([...sigs.get(true)!, ...sigs.get(false)!]);
          if (all.size > 1) problems.push(`question ${q + 1}: options differ: ${[...all].join(' | ')}`);
        });
        const text = document.documentElement.outerHTML;
        for (const [q, e] of k.entries())
          for (const explanation of e.explanations)
            if (text.includes(explanation)) problems.push(`question ${q + 1}: explanation in the page`);
        if (document.querySelector('[data-quiz-answers], [data-key], [data-correct]'))
          problems.push('answer key in the page');
        return problems;
      }, key);
      // Scripts the page loads must not carry the key either.
      const scripts = await tab.evaluate(() => [...document.scripts].map((s) => s.src).filter(Boolean));
      for (const src of scripts) {
        const code = await (await fetch(src)).text();
        if (key.some((q) => q.explanations.some((e) => code.includes(e)))) found.push(`script ${src}`);
      }
      return found.map((f) => `${m.route}: ${f}`);
    });
    expect(leaks.flat()).toEqual([]);
  });

  it('shuffles options per attempt, keeps the order within it, and reshuffles on "Try again"', async () => {
    await page.goto(`${site.origin}${first.route}`);
    const order = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('knowledge-check fieldset')]
          .map((f) => [...f.querySelectorAll('input')].map((i) => i.value).join(''))
          .join(' '),
      );
    const initial = await order();
    const source = quizKey(first)
      .map((_, q) =>
        first.dom
          .querySelectorAll(`input[name="q${q}"]`)
          .map((i) => i.getAttribute('value'))
          .join(''),
      )
      .join(' ');
    expect(initial).not.toBe(source);
    await answerQuiz(page, quizKey(first));
    expect(await order()).toBe(initial);
    await submitQuiz(page);
    await page.getByRole('button', { name: 'Try again' }).click();
    expect(await order()).not.toBe(initial);
    expect(await page.locator('knowledge-check input:checked').count()).toBe(0);
  });

  it('refuses an empty or incomplete submission, names the missing questions and records nothing', async () => {
    await page.goto(`${site.origin}${first.route}`);
    const submit = page.locator('[data-quiz-submit]');
    expect(await submit.getAttribute('aria-disabled')).toBe('true');
    await submitQuiz(page);
    await expect
      .poll(() => page.locator('[data-quiz-status]').textContent())
      .toMatch(/Choose your answers first/);
    const key = quizKey(first);
    await page.locator(`input[name="q0"][value="${key[0]!.right[0]}"]`).check();
    expect(await submit.getAttribute('aria-disabled')).toBe('false');
    await submitQuiz(page);
    const status = page.locator('[data-quiz-status]');
    await expect.poll(() => status.textContent()).toMatch(/questions 2, 3, 4, 5 and 6 have no answer yet/);
    expect(await status.locator('a').first().getAttribute('href')).toBe('#question-2');
    expect(await page.evaluate(() => document.activeElement?.matches('[data-quiz-status]'))).toBe(true);
    expect(await page.locator('[data-quiz-result]').isHidden()).toBe(true);
    // Opening the module records a visit; the refused submissions record no attempt.
    const stored = JSON.parse((await page.evaluate(() => localStorage.getItem('tandem:progress'))) ?? '{}');
    expect(stored.modules?.[moduleId(first)]?.attempts ?? 0).toBe(0);
  });

  it('after a failed attempt shows a verdict per question, every explanation, the score twice and focuses the result', async () => {
    await page.goto(`${site.origin}${first.route}`);
    const key = quizKey(first);
    await answerQuiz(page, key, 2);
    await submitQuiz(page);
    const result = page.locator('[data-quiz-result]');
    await expect.poll(() => result.textContent()).toMatch(/Not passed yet: \d+ of \d+ right/);
    expect(await page.evaluate(() => document.activeElement?.matches('[data-quiz-result]'))).toBe(true);
    expect(await page.locator('[data-quiz-score]').textContent()).toMatch(
      /^\d+ of \d+ right \(\d+ %\), not passed$/,
    );
    const verdicts = await page.locator('.question-verdict').allTextContents();
    expect(verdicts).toHaveLength(key.length);
    expect(verdicts.slice(0, 2).every((v) => v === 'Wrong.' || v === 'Partly right.')).toBe(true);
    expect(verdicts.slice(2).every((v) => v === 'Right.')).toBe(true);
    const feedback = await page.locator('.option-feedback').allTextContents();
    for (const e of key.flatMap((k) => k.explanations))
      expect(feedback.some((f) => f.includes(e))).toBe(true);
    expect(await page.locator('[data-quiz-submit]').getAttribute('aria-disabled')).toBe('true');
    const stored = JSON.parse((await page.evaluate(() => localStorage.getItem('tandem:progress')))!);
    expect(stored.modules[moduleId(first)]).toMatchObject({ completedAt: null, attempts: 1 });
  });

  it('passes a check and marks the module complete in its track navigation', async () => {
    await page.goto(`${site.origin}${first.route}`);
    await answerQuiz(page, quizKey(first));
    await submitQuiz(page);
    await expect
      .poll(() => page.locator('[data-quiz-result]').textContent())
      .toMatch(/Passed: (\d+) of \1 right \(100 %\)\. This module is marked complete/);
    const stored = JSON.parse((await page.evaluate(() => localStorage.getItem('tandem:progress')))!);
    expect(stored.modules[moduleId(first)].completedAt).toEqual(expect.any(String));
    expect(await page.locator(`.track-nav [data-module-id="${moduleId(first)}"]`).textContent()).toMatch(
      /Completed/,
    );
  });

  it('gives a reader without JavaScript the questions, then an answer section with every explanation', async () => {
    const noJs = await site.browser.newContext({ javaScriptEnabled: false });
    const plain = await noJs.newPage();
    await plain.goto(`${site.origin}${first.route}`);
    expect(await plain.locator('knowledge-check fieldset legend').count()).toBe(quizKey(first).length);
    const answers = plain.locator('[data-quiz-answers]');
    expect(await answers.locator('summary').textContent()).toMatch(/Show the answers/);
    expect(await answers.locator('[data-explains]').count()).toBe(
      quizKey(first).flatMap((k) => k.explanations).length,
    );
    expect(await plain.locator('[data-quiz-submit]').isHidden()).toBe(true);
    await noJs.close();
  });

  it('says "(select all that apply)" once on questions with several right answers', async () => {
    for (const m of modules) {
      for (const [q, k] of quizKey(m).entries()) {
        const legend = m.dom.querySelectorAll('knowledge-check legend')[q]!.text;
        expect((legend.match(/select all that apply/gi) ?? []).length).toBe(k.right.length > 1 ? 1 : 0);
      }
    }
  });
});

describe('reading a module', () => {
  it('keeps the track navigation and the table of contents in view halfway down every module at 1366 px', async () => {
    const hidden = await eachModule(site.browser, async (tab, m) => {
      await tab.evaluate(() => scrollTo(0, document.documentElement.scrollHeight / 2 - innerHeight / 2));
      await tab.waitForTimeout(50);
      const inView = await tab.evaluate(() =>
        ['.track-nav', '.module-toc'].map((selector) => {
          const r = document.querySelector(selector)!.getBoundingClientRect();
          return r.height > 50 && r.top >= 0 && r.top < innerHeight / 2 && r.bottom > 0
            ? null
            : `${selector} at ${Math.round(r.top)}`;
        }),
      );
      const current = await tab.locator('.module-toc a[aria-current="true"]').count();
      return [...inView.filter(Boolean), ...(current === 1 ? [] : [`${current} current sections`])].map(
        (p) => `${m.route}: ${p}`,
      );
    });
    expect(hidden.flat()).toEqual([]);
  });

  it('marks the section in view in the table of contents as the reader scrolls', async () => {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${site.origin}${first.route}`);
    const links = page.locator('.module-toc a');
    const target = (await links.nth(2).getAttribute('href'))!;
    await page.locator(target).scrollIntoViewIfNeeded();
    await page.evaluate((id) => document.querySelector(id)!.scrollIntoView({ block: 'start' }), target);
    await expect
      .poll(() => page.locator('.module-toc a[aria-current="true"]').getAttribute('href'))
      .toBe(target);
    expect(await page.locator('[data-toc-position]').textContent()).toMatch(/^Section 3 of \d+$/);
  });

  it('keeps the folded contents under the header on a phone, naming the section in view', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${site.origin}${first.route}`);
    const target = (await page.locator('.toc-inline a').nth(3).getAttribute('href'))!;
    await page.locator('.toc-inline summary').click();
    await page.locator(`.toc-inline a[href="${target}"]`).click();
    expect(await page.locator('.toc-inline').getAttribute('open')).toBeNull();
    const text = await page.locator(target).textContent();
    await expect.poll(() => page.locator('[data-toc-current]').textContent()).toBe(`: ${text}`);
    const bar = (await page.locator('.toc-inline').boundingBox())!;
    const header = (await page.locator('.site-header').boundingBox())!;
    const heading = (await page.locator(target).boundingBox())!;
    expect(bar.y).toBeGreaterThanOrEqual(header.y + header.height - 1);
    expect(bar.y).toBeLessThan(header.height + 10);
    // The heading jumped to is not hidden under the header and the bar.
    expect(heading.y).toBeGreaterThanOrEqual(bar.y + bar.height - 1);
  });

  it('opens the navigation as a drawer on a phone, keeps focus inside and gives it back on Escape', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${site.origin}${first.route}`);
    const menu = page.getByRole('button', { name: 'Menu' });
    expect(await page.locator('.module-layout > .track-nav').isHidden()).toBe(true);
    await menu.focus();
    await page.keyboard.press('Enter');
    const drawer = page.getByRole('dialog', { name: 'Menu' });
    await drawer.waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    expect(await drawer.locator('nav[aria-label="Main"] a').count()).toBeGreaterThanOrEqual(6);
    expect(await drawer.locator('.track-nav a[aria-current="page"]').textContent()).toBe(
      first.dom.querySelector('h1')!.text,
    );
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest('dialog')))).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => drawer.isVisible()).toBe(false);
    // The dialog's close event (which puts the parts back) follows Escape asynchronously.
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('menu-button'))).toBe(true);
    // The parts went back where they came from.
    expect(await page.locator('.module-layout > .track-nav').count()).toBe(1);
    expect(await page.locator('.site-header nav[aria-label="Main"]').count()).toBe(1);
  });

  it('copies a code block with its "Copy" button', async () => {
    const withCode = modules.find((m) => m.dom.querySelector('.prose pre'))!;
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    await page.goto(`${site.origin}${withCode.route}`);
    const block = page.locator('.code-block').first();
    await block.locator('.copy-button').click();
    await expect.poll(() => block.locator('.copy-button').textContent()).toBe('Copied');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe((await block.locator('pre').innerText()).replace(/\n$/, ''));
  });

  it('folds taxonomy tags to one line with a count, below the summary', async () => {
    await page.goto(`${site.origin}${first.route}`);
    const summary = page.locator('.tag-summary summary');
    expect(await summary.textContent()).toMatch(/^\d+ taxonomy tags?/);
    const box = (await summary.boundingBox())!;
    expect(box.height).toBeLessThan(40);
    const lead = (await page.locator('.lead').boundingBox())!;
    expect(box.y).toBeGreaterThan(lead.y);
  });
});
