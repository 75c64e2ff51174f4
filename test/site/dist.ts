/** Reading the built site: every page, parsed, with its route. */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';

export interface BuiltPage {
  /** Route as a browser requests it, e.g. `/learn/` or `/404.html`. */
  route: string;
  file: string;
  html: string;
  dom: HTMLElement;
}

export function htmlFiles(distDir: string): string[] {
  return readdirSync(distDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.html'))
    .map((f) => join(distDir, f))
    .sort();
}

export function routeOf(distDir: string, file: string): string {
  const rel = relative(distDir, file).split(sep).join('/');
  return rel === 'index.html'
    ? '/'
    : rel.endsWith('/index.html')
      ? `/${rel.slice(0, -'index.html'.length)}`
      : `/${rel}`;
}

export function readPages(distDir: string): BuiltPage[] {
  return htmlFiles(distDir).map((file) => {
    const html = readFileSync(file, 'utf8');
    return { route: routeOf(distDir, file), file, html, dom: parse(html) };
  });
}
