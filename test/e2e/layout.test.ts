/**
 * Reflow on phones (WCAG 1.4.10): every built page, at 320 × 640 and 390 × 844 CSS px, fits the
 * viewport. A page fails when an element's right edge passes the viewport's (unless an ancestor
 * that scrolls sideways inside the viewport clips it: a code block, a table's scroll box), when
 * the document itself scrolls sideways, or when the site header takes more than 15 % of the height.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPages } from '../site/dist.ts';
import { useBuiltSite } from './browser.ts';

const VIEWPORTS = [
  { width: 320, height: 640 },
  { width: 390, height: 844 },
] as const;
/** Sub-pixel rounding: an edge this far past the viewport is not a scroll. */
const TOLERANCE_PX = 1;
const MAX_HEADER_SHARE = 0.15;

const site = useBuiltSite();
const routes = readPages(site.distDir).map((p) => p.route);

interface Offender {
  selector: string;
  width: number;
  right: number;
}
interface Layout {
  viewportWidth: number;
  innerWidth: number;
  scrollWidth: number;
  headerHeight: number | null;
  offenders: Offender[];
}

/**
 * Runs in the page (serialised by Playwright, so self-contained). Reports the outermost elements
 * that reach past the right edge: a too-wide table is reported, not each of its cells.
 */
function measureLayout(tolerance: number): Layout {
  const viewportWidth = document.documentElement.clientWidth;
  const limit = viewportWidth + tolerance;
  const style = (el: Element) => getComputedStyle(el);
  // Skip link, `.visually-hidden`, `.sr-only` and any clip-based pattern; display:none subtrees.
  const hidden = (el: Element): boolean => {
    for (let e: Element | null = el; e; e = e.parentElement) {
      const s = style(e);
      if (s.display === 'none') return true;
      if (e.matches('.skip-link, .visually-hidden, .sr-only')) return true;
      const positioned = s.position === 'absolute' || s.position === 'fixed';
      if (positioned && ((s.clip !== 'auto' && s.clip !== '') || s.clipPath !== 'none')) return true;
    }
    return false;
  };
  // An ancestor that clips sideways overflow, with its own box inside the viewport.
  const clipped = (el: Element): boolean => {
    for (let e = el.parentElement; e && e !== document.body; e = e.parentElement) {
      const overflow = style(e).overflowX;
      if (overflow !== 'visible' && e.getBoundingClientRect().right <= limit) return true;
    }
    return false;
  };
  const selectorOf = (el: Element): string => {
    const parts: string[] = [];
    for (let e: Element | null = el; e && e !== document.body && parts.length < 4; e = e.parentElement) {
      const tag = e.tagName.toLowerCase();
      if (e.id) {
        parts.unshift(`${tag}#${e.id}`);
        break;
      }
      const classes = [...e.classList].slice(0, 2).map((c) => `.${c}`);
      parts.unshift(tag + classes.join(''));
    }
    return parts.join(' > ');
  };
  const past = new Set<Element>();
  for (const el of document.body.querySelectorAll('*')) {
    const box = el.getBoundingClientRect();
    if (box.right <= limit || (box.width === 0 && box.height === 0)) continue;
    if (!hidden(el) && !clipped(el)) past.add(el);
  }
  const offenders = [...past]
    .filter((el) => !past.has(el.parentElement!))
    .map((el) => {
      const box = el.getBoundingClientRect();
      return { selector: selectorOf(el), width: Math.round(box.width), right: Math.round(box.right) };
    });
  const header = document.querySelector('header.site-header');
  return {
    viewportWidth,
    innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
    headerHeight: header ? header.getBoundingClientRect().height : null,
    offenders,
  };
}

async function layoutProblems(page: Page, viewport: { width: number; height: number }): Promise<string[]> {
  const layout = await page.evaluate(measureLayout, TOLERANCE_PX);
  const problems = layout.offenders
    .slice(0, 12)
    .map(
      (o) =>
        `${o.selector} is ${o.width} px wide and ends at ${o.right} px (viewport ${layout.viewportWidth})`,
    );
  if (layout.offenders.length > 12) problems.push(`… and ${layout.offenders.length - 12} more elements`);
  if (layout.scrollWidth > layout.innerWidth) {
    problems.push(
      `the page scrolls sideways: scrollWidth ${layout.scrollWidth} > innerWidth ${layout.innerWidth}`,
    );
  }
  const maxHeader = viewport.height * MAX_HEADER_SHARE;
  if (layout.headerHeight !== null && layout.headerHeight > maxHeader) {
    problems.push(
      `header.site-header is ${Math.round(layout.headerHeight)} px tall, over 15 % of ${viewport.height} px (${Math.floor(maxHeader)} px)`,
    );
  }
  return problems;
}

/** Tabs of one browser context, reused across cases: opening a tab costs more than loading a page. */
class TabPool {
  readonly #idle: Page[] = [];
  constructor(readonly context: BrowserContext) {}
  async use<T>(run: (page: Page) => Promise<T>): Promise<T> {
    const page = this.#idle.pop() ?? (await this.context.newPage());
    try {
      return await run(page);
    } finally {
      this.#idle.push(page);
    }
  }
}

for (const viewport of VIEWPORTS) {
  describe(`every page at ${viewport.width} × ${viewport.height}`, () => {
    let tabs: TabPool;
    beforeAll(async () => {
      tabs = new TabPool(await site.browser.newContext({ viewport }));
    });
    afterAll(() => tabs?.context.close());

    // Concurrent cases (vitest's maxConcurrency at a time), one case per page so a failure names it.
    it.concurrent.for(routes)(
      `fits ${viewport.width} px without sideways scrolling: %s`,
      async (route, { expect }) => {
        const problems = await tabs.use(async (page) => {
          await page.goto(`${site.origin}${route}`, { waitUntil: 'load' });
          return layoutProblems(page, viewport);
        });
        expect(problems).toEqual([]);
      },
    );
  });
}

describe('lists that scripts draw after load', () => {
  let tabs: TabPool;
  beforeAll(async () => {
    tabs = new TabPool(await site.browser.newContext({ viewport: VIEWPORTS[0] }));
  });
  afterAll(() => tabs?.context.close());

  const states: Array<[string, string, (page: Page) => Promise<unknown>]> = [
    ['search results', '/search/?q=model', (page) => page.locator('#search-results a').first().waitFor()],
    [
      'the board filtered by text',
      '/board/?q=model',
      (page) => page.locator('[data-board-status]', { hasText: 'match' }).waitFor(),
    ],
  ];
  it.concurrent.for(states)('fits 320 px: %s', async ([, route, ready], { expect }) => {
    const problems = await tabs.use(async (page) => {
      await page.goto(`${site.origin}${route}`);
      await ready(page);
      return layoutProblems(page, VIEWPORTS[0]);
    });
    expect(problems).toEqual([]);
  });
});

describe('the layout check itself', () => {
  const viewport = VIEWPORTS[0];
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await site.browser.newContext({ viewport });
    page = await context.newPage();
  });
  afterAll(() => context?.close());

  /** Appends a labelled element to main via the CSSOM (the content security policy forbids style attributes). */
  const inject = (id: string, css: Partial<CSSStyleDeclaration>, parentCss?: Partial<CSSStyleDeclaration>) =>
    page.evaluate(
      ([id, css, parentCss]) => {
        const el = document.createElement('div');
        el.id = id;
        el.textContent = id;
        Object.assign(el.style, css);
        const main = document.querySelector('main')!;
        const parent = parentCss ? main.appendChild(document.createElement('div')) : main;
        Object.assign(parent.style, parentCss ?? {});
        parent.appendChild(el);
      },
      [id, css, parentCss] as const,
    );
  const problemsAbout = async (id: string) =>
    (await layoutProblems(page, viewport)).filter((p) => p.includes(`#${id}`));

  it('reports a deliberately too-wide element, and the sideways scroll it causes', async () => {
    await page.goto(`${site.origin}/404.html`);
    await inject('too-wide', { width: '600px' });
    const problems = await layoutProblems(page, viewport);
    expect(problems).toContainEqual(expect.stringMatching(/^div#too-wide is 600 px wide and ends at \d+ px/));
    expect(problems).toContainEqual(expect.stringMatching(/^the page scrolls sideways: scrollWidth \d+/));
  });

  it('accepts a too-wide element inside a box that scrolls sideways', async () => {
    await page.goto(`${site.origin}/404.html`);
    await inject('scrolled', { width: '600px' }, { overflowX: 'auto' });
    expect(await problemsAbout('scrolled')).toEqual([]);
  });

  it('ignores visually hidden and undisplayed elements', async () => {
    await page.goto(`${site.origin}/404.html`);
    await inject('undisplayed', { width: '600px', display: 'none' });
    await inject('clipped', {
      width: '600px',
      position: 'absolute',
      clip: 'rect(0 0 0 0)',
      overflow: 'hidden',
    });
    expect([...(await problemsAbout('undisplayed')), ...(await problemsAbout('clipped'))]).toEqual([]);
  });

  it('reports a site header taller than 15 % of the viewport', async () => {
    await page.goto(`${site.origin}/404.html`);
    await page.evaluate(
      () => (document.querySelector<HTMLElement>('header.site-header')!.style.height = '300px'),
    );
    expect(await layoutProblems(page, viewport)).toContainEqual(
      expect.stringMatching(/^header\.site-header is 300 px tall, over 15 % of 640 px \(96 px\)$/),
    );
  });
});
