import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { testSite } from './build-once.ts';
import { readPages, type BuiltPage } from './dist.ts';

let pages: BuiltPage[];
let distDir: string;

beforeAll(() => {
  distDir = inject('distDir');
  pages = readPages(distDir);
});

// /practices/phase/ and /practices/owner/ are generated index views, not content files.
const CONTENT_ROUTE =
  /^\/(learn\/[^/]+\/([^/]+\/)?|checklists\/[^/]+\/|practices\/(?!phase\/|owner\/)[^/]+\/|glossary\/)$/;

describe('the built site', () => {
  it('has every section the header links to', () => {
    const routes = pages.map((p) => p.route);
    for (const route of [
      '/',
      '/learn/',
      '/checklists/',
      '/practices/',
      '/board/',
      '/sync/',
      '/search/',
      '/glossary/',
      '/404.html',
    ]) {
      expect(routes).toContain(route);
    }
  });

  it('gives every page the header, a skip link to main, breadcrumbs below the home page, and the footer', () => {
    for (const page of pages) {
      const nav = page.dom.querySelectorAll('nav[aria-label="Main"] a').map((a) => a.text.trim());
      expect(nav, page.route).toEqual([
        'Learn',
        'Checklists',
        'Practices',
        'Assess',
        'Board',
        'Sync',
        'Search',
      ]);
      expect(page.dom.querySelector('a.skip-link')?.getAttribute('href'), page.route).toBe('#main');
      expect(page.dom.querySelector('main#main'), page.route).not.toBeNull();
      expect(page.dom.querySelector('footer'), page.route).not.toBeNull();
      if (page.route !== '/' && page.route !== '/404.html') {
        expect(
          page.dom.querySelector('nav[aria-label="Breadcrumb"] [aria-current="page"]'),
          page.route,
        ).not.toBeNull();
      }
    }
  });

  it('shows owner, last review, edit and report links on every content page', () => {
    const contentPages = pages.filter((p) => CONTENT_ROUTE.test(p.route));
    expect(contentPages.length).toBeGreaterThan(5);
    for (const page of contentPages) {
      const meta = page.dom.querySelector('[aria-label="About this page"]');
      expect(meta?.text, page.route).toMatch(/Owner: (Security|Data science|Shared)/);
      expect(meta?.querySelector('time')?.getAttribute('datetime'), page.route).toMatch(
        /^\d{4}-\d{2}-\d{2}$/,
      );
      const links = page.dom.querySelectorAll('[aria-label="Improve this page"] a');
      const edit = links.find((a) => a.text === 'Edit this page')?.getAttribute('href') ?? '';
      const report = links.find((a) => a.text === 'Report a problem')?.getAttribute('href') ?? '';
      const repo = testSite.repository!;
      expect(edit, page.route).toMatch(new RegExp(`^${repo.url}/edit/${repo.branch}/content/`));
      expect(new URL(report).pathname, page.route).toBe(new URL(`${repo.url}/issues/new`).pathname);
      expect(new URL(report).searchParams.get('body'), page.route).toContain(
        `URL: ${new URL(page.route, testSite.url!).href}`,
      );
    }
  });

  it('resolves every internal link and fragment', () => {
    const byRoute = new Map(pages.map((p) => [p.route, p]));
    const broken: string[] = [];
    for (const page of pages) {
      for (const a of page.dom.querySelectorAll('a[href]')) {
        const href = a.getAttribute('href')!;
        if (/^[a-z]+:/i.test(href) || href.startsWith('//')) continue;
        const url = new URL(href, `http://site${page.route}`);
        const target = byRoute.get(url.pathname);
        if (!target) {
          if (!existsSync(join(distDir, url.pathname))) broken.push(`${page.route} → ${href}`);
          continue;
        }
        const id = decodeURIComponent(url.hash.slice(1));
        if (id && !target.dom.querySelector(`[id="${id}"]`))
          broken.push(`${page.route} → ${href} (no #${id})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('loads only the site-wide scripts on pages that need no JavaScript of their own, within 15 KB gzip', () => {
    // Every page carries the theme toggle, the search-intent loader and the phone menu; the 404 page has nothing else.
    const scripts = (page: BuiltPage) =>
      page.dom
        .querySelectorAll('script[src]')
        .map((s) => s.getAttribute('src')!)
        .sort();
    const chrome = scripts(pages.find((p) => p.route === '/404.html')!);
    expect(chrome.length).toBeLessThanOrEqual(3);
    const needsNone = /^\/(practices\/.*|checklists\/|board\/coverage\/|404\.html)$/;
    const plain = pages.filter((p) => needsNone.test(p.route));
    expect(plain.length).toBeGreaterThan(10);
    for (const page of plain) expect(scripts(page), page.route).toEqual(chrome);
    const inline = pages[0]!.dom
      .querySelectorAll('script:not([src])')
      .map((s) => s.text)
      .join('');
    const bytes = chrome.reduce(
      (sum, src) => sum + gzipSync(readFileSync(join(distDir, src))).length,
      gzipSync(inline).length,
    );
    expect(bytes).toBeLessThanOrEqual(15 * 1024);
    // Astro inlines only scripts under 1 KB (astro.config.mjs) besides the theme script;
    // anything bigger must be a cached file.
    for (const page of pages) {
      expect(
        page.dom
          .querySelectorAll('script:not([src])')
          .map((s) => s.text)
          .join('').length,
        page.route,
      ).toBeLessThan(2_000);
    }
  });

  it('publishes a glossary of at least 40 cross-linked terms from both crafts', () => {
    const glossary = pages.find((p) => p.route === '/glossary/')!;
    const terms = glossary.dom.querySelectorAll('dl.glossary dt');
    expect(terms.length).toBeGreaterThanOrEqual(40);
    const owners = new Set(glossary.dom.querySelectorAll('dl.glossary dd .owner').map((o) => o.text));
    expect(owners).toContain('Security');
    expect(owners).toContain('Data science');
    expect(glossary.dom.querySelectorAll('dl.glossary dd a[href^="#"]').length).toBeGreaterThan(
      terms.length / 2,
    );
  });

  it('renders board titles from GitHub as text, never as markup', () => {
    const board = pages.find((p) => p.route === '/board/')!;
    expect(board.dom.querySelectorAll('.board-card').length).toBeGreaterThan(0);
    expect(board.html).not.toMatch(/<img[^>]+onerror/i);
  });
});
