/**
 * Links into the site from what leaves it (canonical URLs, feeds, Markdown, checklist exports)
 * use the configured site URL and base, and nothing a reader can click or copy points to a
 * placeholder. The shared build has a site URL (TEST_SITE_ENV); a second build here has none,
 * a sub-folder base and no repository, the way a bare `npm run build` for a static host does.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, serveDist } from '../../scripts/lib/browser.ts';
import { makeTempProject, projectRoot, runAstro, type TempProject } from '../../scripts/lib/temp-project.ts';
import { TEST_SITE_ENV, testSite } from './build-once.ts';
import { readPages, type BuiltPage } from './dist.ts';

const TEXT_FILE = /\.(html|xml|md|mdx|yaml|json|txt|js|css|svg|webmanifest)$/;
const ABSOLUTE_URL = /https?:\/\/[^\s"'<>()\\&`]+/g;
/** The placeholders the site used to ship. */
const PLACEHOLDER_TEXT = /tandem\.example|acme\/tandem/i;
const EXAMPLE_HOST = /(^|\.)example\.(org|com|net)$/i;

interface TextFile {
  path: string;
  text: string;
}

function textFiles(distDir: string): TextFile[] {
  return readdirSync(distDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => TEXT_FILE.test(f))
    .map((f) => ({ path: f, text: readFileSync(join(distDir, f), 'utf8') }));
}

/** Every absolute URL in every text file, with where it was found. */
function absoluteUrls(files: TextFile[]): { file: string; url: URL }[] {
  return files.flatMap((f) =>
    [...f.text.matchAll(ABSOLUTE_URL)].flatMap(([raw]) => {
      try {
        return [{ file: f.path, url: new URL(raw) }];
      } catch {
        return [];
      }
    }),
  );
}

/** Example URLs the content itself names, in prose or a code sample (`git clone https://git.example.com/…`). */
const contentExamples = new Set(
  absoluteUrls(textFiles(join(projectRoot, 'content')))
    .filter(({ url }) => EXAMPLE_HOST.test(url.hostname))
    .map(({ url }) => url.href),
);

function expectNoPlaceholders(files: TextFile[]) {
  expect(files.filter((f) => PLACEHOLDER_TEXT.test(f.text)).map((f) => f.path)).toEqual([]);
  const examples = absoluteUrls(files).filter(
    ({ url }) => EXAMPLE_HOST.test(url.hostname) && !contentExamples.has(url.href),
  );
  expect(examples.map(({ file, url }) => `${file}: ${url.href}`)).toEqual([]);
}

/** Markdown link targets, `[text](<target>)` or `[text](target)`. */
const markdownTargets = (markdown: string) =>
  [...markdown.matchAll(/\]\(<([^>]*)>\)|\]\(([^)\s]*)\)/g)].map((m) => m[1] ?? m[2]!);

describe('a build with TANDEM_SITE_URL and the repository from GITHUB_REPOSITORY', () => {
  let distDir: string;
  let pages: BuiltPage[];
  let files: TextFile[];
  const origin = new URL(testSite.url!).origin;

  beforeAll(() => {
    distDir = inject('distDir');
    pages = readPages(distDir);
    files = textFiles(distDir);
  });

  it('was configured with a site URL and a repository', () => {
    expect(testSite.url).toBe(TEST_SITE_ENV.TANDEM_SITE_URL);
    expect(testSite.repository?.url).toBe(`https://github.com/${TEST_SITE_ENV.GITHUB_REPOSITORY}`);
  });

  it('gives every page but the 404 page its own canonical URL at the site URL', () => {
    for (const page of pages) {
      const canonical = page.dom.querySelectorAll('link[rel="canonical"]').map((l) => l.getAttribute('href'));
      expect(canonical, page.route).toEqual(
        page.route === '/404.html' ? [] : [new URL(page.route, testSite.url!).href],
      );
    }
  });

  it('links every feed, its items and their guids at the site URL', () => {
    const feeds = files.filter((f) => /^board\/feed[^/]*\.xml$/.test(f.path));
    expect(feeds.map((f) => f.path).sort()).toEqual(
      ['data-science', 'security', 'shared', 'unowned']
        .map((t) => `board/feed-${t}.xml`)
        .concat('board/feed.xml')
        .sort(),
    );
    for (const feed of feeds) {
      const links = [...feed.text.matchAll(/<(link|guid)[^>]*>([^<]*)</g)].map((m) => m[2]!);
      expect(links[0], feed.path).toBe(testSite.url);
      expect(links.length, feed.path).toBeGreaterThan(1);
      for (const link of links.slice(1))
        expect(link, feed.path).toMatch(new RegExp(`^${testSite.url}board/`));
    }
    const home = pages.find((p) => p.route === '/')!;
    expect(
      home.dom.querySelector('link[rel="alternate"][type="application/rss+xml"]')?.getAttribute('href'),
    ).toBe(`${testSite.base}board/feed.xml`);
  });

  it('uses the site URL and base for every absolute link back into the site, in every text file', () => {
    const wrong = absoluteUrls(files).filter(
      ({ url }) => url.hostname === new URL(origin).hostname && !url.href.startsWith(testSite.url!),
    );
    expect(wrong.map(({ file, url }) => `${file}: ${url.href}`)).toEqual([]);
    expect(absoluteUrls(files).filter(({ url }) => url.origin === origin).length).toBeGreaterThan(100);
  });

  it('writes only absolute links in Markdown files, which are read away from the site', () => {
    const markdown = files.filter((f) => f.path.endsWith('.md'));
    expect(markdown.length).toBeGreaterThan(0);
    for (const file of markdown) {
      const relative = markdownTargets(file.text).filter((t) => !/^https:\/\//.test(t));
      expect(relative, file.path).toEqual([]);
    }
  });

  it('exports checklist runs with the checklist at the site URL and files them in the repository', () => {
    const checklists = pages.filter((p) => p.dom.querySelector('checklist-run'));
    expect(checklists.length).toBeGreaterThan(2);
    for (const page of checklists) {
      const run = page.dom.querySelector('checklist-run')!;
      const outline = JSON.parse(run.getAttribute('data-outline')!) as { url: string };
      expect(outline.url, page.route).toBe(new URL(page.route, testSite.url!).href);
      expect(JSON.parse(run.getAttribute('data-issue-target')!), page.route).toEqual(
        testSite.checklistIssues,
      );
      expect(run.querySelector('[data-export="issue"]'), page.route).not.toBeNull();
    }
  });

  it('links the footer to the repository', () => {
    for (const page of pages) {
      const source = page.dom.querySelectorAll('footer a').find((a) => a.text === 'Source on GitHub');
      expect(source?.getAttribute('href'), page.route).toBe(testSite.repository!.url);
    }
  });

  it('has no placeholder host or repository anywhere', () => expectNoPlaceholders(files));
});

describe('a build with no site URL, a sub-folder base and no repository', () => {
  const base = '/risks/';
  let project: TempProject | undefined;
  let output: string;
  let distDir: string;
  let pages: BuiltPage[];
  let files: TextFile[];

  beforeAll(async () => {
    project = await makeTempProject();
    const result = await runAstro(project.root, ['build'], {
      ...Object.fromEntries(Object.keys(TEST_SITE_ENV).map((k) => [k, ''])),
      GITHUB_ACTIONS: '',
      TANDEM_BASE: base,
      // Vitest puts BASE_URL=/ in the environment for its own import.meta.env, and Astro reads
      // every variable into import.meta.env, so an inherited one would hide the base.
      BASE_URL: base,
    });
    if (result.code !== 0) throw new Error(`The site did not build:\n${result.output}`);
    output = result.output;
    // Served as a host would: the build's files under the base path.
    mkdirSync(join(project.root, 'host'));
    distDir = join(project.root, 'host', base);
    renameSync(join(project.root, 'dist'), distDir);
    pages = readPages(distDir);
    files = textFiles(distDir);
  });
  afterAll(() => project?.dispose());

  it('warns once, not per page, that links are site-relative and what is left out', () => {
    expect(output.match(/TANDEM_SITE_URL is not set; links are site-relative/g)).toHaveLength(1);
    expect(output.match(/No repository is configured \(TANDEM_REPOSITORY\)/g)).toHaveLength(1);
  });

  it('has no canonical URL, no feed and no feed link', () => {
    for (const page of pages) {
      expect(page.dom.querySelector('link[rel="canonical"], link[rel="alternate"]'), page.route).toBeNull();
    }
    expect(readdirSync(join(distDir, 'board')).filter((f) => f.endsWith('.xml'))).toEqual([]);
  });

  it('keeps every site-relative link under the base', () => {
    const outside: string[] = [];
    for (const page of pages) {
      for (const el of page.dom.querySelectorAll('[href], [src]')) {
        const link = el.getAttribute('href') ?? el.getAttribute('src')!;
        if (link.startsWith('/') && !link.startsWith('//') && !link.startsWith(base))
          outside.push(`${page.route}: ${link}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('leaves out "Edit this page", "Report a problem", "Source on GitHub" and "Open as GitHub issue"', () => {
    for (const page of pages) {
      const texts = page.dom.querySelectorAll('a, button').map((a) => a.text.trim());
      for (const text of ['Edit this page', 'Report a problem', 'Source on GitHub', 'Open as GitHub issue'])
        expect(texts, page.route).not.toContain(text);
      expect(
        page.dom.querySelector('[aria-label="Improve this page"], [data-issue-target]'),
        page.route,
      ).toBeNull();
    }
  });

  it('hands checklist runs a site-relative URL for the browser to resolve', () => {
    const runs = pages.filter((p) => p.dom.querySelector('checklist-run'));
    expect(runs.length).toBeGreaterThan(2);
    for (const page of runs) {
      const outline = JSON.parse(page.dom.querySelector('checklist-run')!.getAttribute('data-outline')!);
      expect(outline.url, page.route).toBe(`${base.slice(0, -1)}${page.route}`);
    }
  });

  it('exports a checklist run linking to the page at the address the browser used', async () => {
    const route = pages.find((p) => p.dom.querySelector('checklist-run'))!.route;
    const server = await serveDist(join(project!.root, 'host'));
    const browser = await launchChromium();
    try {
      const page = await (await browser.newContext({ acceptDownloads: true })).newPage();
      const url = `${server.origin}${base.slice(0, -1)}${route}`;
      await page.goto(url);
      expect(await page.getByRole('button', { name: 'Open as GitHub issue' }).count()).toBe(0);
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download .md' }).click(),
      ]);
      let markdown = '';
      for await (const chunk of await download.createReadStream()) markdown += chunk;
      expect(markdown).toMatch(/^- Checklist: \[.+\]\(<(.+)>\), updated on \d{4}-\d{2}-\d{2}$/m);
      expect(markdown.match(/^- Checklist: \[.+\]\(<(.+)>\)/m)?.[1]).toBe(url);
    } finally {
      await browser.close();
      await server.close();
    }
  });

  it('has no placeholder host or repository anywhere', () => expectNoPlaceholders(files));
});
