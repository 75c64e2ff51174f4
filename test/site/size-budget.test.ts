import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, inject, it } from 'vitest';
import { readPages, type BuiltPage } from './dist.ts';

const distDir = inject('distDir');
const pages = readPages(distDir);
const gz = (bytes: Buffer | string) => gzipSync(bytes).length;

/** A script and every chunk it imports statically: what loads before any user intent. */
function staticClosure(src: string, seen = new Set<string>()): Set<string> {
  if (seen.has(src)) return seen;
  seen.add(src);
  const code = readFileSync(join(distDir, src), 'utf8');
  for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w{}\s,*$]+from\s*)?["']([^"']+\.js)["']/g)) {
    staticClosure(new URL(m[1]!, `http://x${src}`).pathname, seen);
  }
  return seen;
}

function weigh(page: BuiltPage) {
  const js = new Set<string>();
  for (const s of page.dom.querySelectorAll('script[src]')) staticClosure(s.getAttribute('src')!, js);
  const inline = page.dom
    .querySelectorAll('script:not([src])')
    .map((s) => s.text)
    .join('');
  const css = page.dom.querySelectorAll('link[rel="stylesheet"]').map((l) => l.getAttribute('href')!);
  return {
    html: gz(page.html),
    js: [...js].reduce((n, src) => n + gz(readFileSync(join(distDir, src))), inline ? gz(inline) : 0),
    css: css.reduce((n, href) => n + gz(readFileSync(join(distDir, href))), 0),
  };
}

/** Budgets in KB gzip per page type; content pages keep JavaScript under 15 KB before search intent. */
const TYPES: Array<{ type: string; match: RegExp; html: number; css: number; js: number }> = [
  { type: 'module', match: /^\/learn\/[^/]+\/[^/]+\/$/, html: 40, css: 12, js: 15 },
  { type: 'track or learn index', match: /^\/learn\/([^/]+\/)?$/, html: 20, css: 12, js: 15 },
  { type: 'checklist', match: /^\/checklists\/[^/]+\/$/, html: 40, css: 12, js: 15 },
  { type: 'practice', match: /^\/practices\//, html: 25, css: 12, js: 15 },
  { type: 'glossary', match: /^\/glossary\/$/, html: 40, css: 12, js: 15 },
  { type: 'board', match: /^\/board\/$/, html: 120, css: 12, js: 25 },
  {
    type: 'board item',
    match: /^\/board\/(?!lanes\/|coverage\/)[^/]+\/[^/]+\/\d+\/$/,
    html: 20,
    css: 12,
    js: 15,
  },
  { type: 'assessment workshop', match: /^\/assess\/$/, html: 90, css: 16, js: 40 },
  { type: 'other', match: /.*/, html: 60, css: 12, js: 25 },
];

describe('size budget per page type (gzip)', () => {
  it.each(pages.map((p) => [p.route, p] as const))('keeps %s within its budget', (_route, page) => {
    const budget = TYPES.find((t) => t.match.test(page.route))!;
    const size = weigh(page);
    expect({
      type: budget.type,
      html: size.html <= budget.html * 1024,
      css: size.css <= budget.css * 1024,
      js: size.js <= budget.js * 1024,
      size,
    }).toMatchObject({
      html: true,
      css: true,
      js: true,
    });
  });
});

describe("the workshop's JavaScript", () => {
  const closure = (page: BuiltPage) => {
    const js = new Set<string>();
    for (const s of page.dom.querySelectorAll('script[src]')) staticClosure(s.getAttribute('src')!, js);
    return js;
  };
  const assess = pages.find((p) => p.route === '/assess/')!;
  /** Chunks that define the workshop's element or hold its model, found by what they contain. */
  const own = [...closure(assess)].filter((src) =>
    /customElements\.define\(["']risk-workshop["']|tandem:assessments/.test(
      readFileSync(join(distDir, src), 'utf8'),
    ),
  );

  it('is found on /assess/', () => {
    expect(own.length).toBeGreaterThan(0);
  });

  it('loads on no other page', () => {
    const others = pages.filter((p) => p.route !== '/assess/');
    const leaks = others.filter((p) => own.some((src) => closure(p).has(src))).map((p) => p.route);
    expect(leaks).toEqual([]);
  });
});
