/**
 * The hostile-content gate: every XSS payload goes into GitHub issues (titles, Markdown and
 * raw-HTML bodies, label names and colours, logins), and every resilience case (bodies that
 * recurse, amplify or take quadratic time, broken Unicode, lying URLs, look-alike labels,
 * future timestamps; test/fixtures/hostile/resilience.ts) into one more repository, next to a
 * calm repository of ordinary risks. The local GitHub stand-in serves them through the real
 * sync over HTTP into a copy of content/, then the real build runs, and every built page and
 * feed is opened in Chromium. Script executions (alert/confirm/prompt/print are wrapped before
 * any page script runs), dialogs, uncaught errors, CSP violations (console and
 * `securitypolicyviolation`) and requests to hosts off the image allowlist are counted: all must
 * be zero. Every feed must parse as XML and agenda.md must hold only the expected links. Then
 * each payload is typed into the header search box and loaded as /search/?q= and /board/?q=.
 */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanText } from '../../src/lib/sync/plain-text.ts';
import { runSync } from '../../src/lib/sync/run.ts';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { imageSources } from '../../src/lib/sync/image-policy.ts';
import { TEST_SITE_ENV, testSite } from '../site/build-once.ts';
import { snapshotSchema, type Snapshot } from '../../src/schemas/snapshot.ts';
import { startFakeGitHub } from '../fixtures/github/fake-github.ts';
import { configFor } from '../fixtures/github/harness.ts';
import { HOSTILE_REPOS, hostileRepos } from '../fixtures/hostile/issues.ts';
import { calmRepo, RESILIENCE_CASES, resilienceRepo } from '../fixtures/hostile/resilience.ts';
import { XSS_PAYLOADS } from '../fixtures/hostile/payloads.ts';
import { htmlFiles, routeOf } from '../site/dist.ts';
import { makeTempProject, projectRoot, runAstro, type TempProject } from '../../scripts/lib/temp-project.ts';
import { launchChromium, serveDist, type StaticServer } from './browser.ts';

let project: TempProject;
let server: StaticServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let sync: { code: number; stdout: string; stderr: string };
let snapshotJson: unknown;
/** The calm repository synced on its own: what it must look like next to the hostile ones. */
let calmAlone: Snapshot;
let distDir: string;
/** Requests that left the local server, allowed (image allowlist) or not. */
const offsite: { allowed: string[]; refused: string[] } = { allowed: [], refused: [] };
const SYNC_NOW = new Date('2026-11-24T12:00:00Z');
let routes: string[];
let feeds: string[];

/** What the pages reported, each with the page it happened on; the gate wants none. */
const incidents: string[] = [];
/** What is being tried right now, so an incident names the payload that caused it. */
let trying = '';

/**
 * Runs before any script of every document and frame: wraps the dialog functions (a payload
 * that runs calls one of them) and listens for CSP violations, reporting both to the test.
 */
const WATCH = `(() => {
  const report = (kind, detail) => window.__hostileGate(kind, location.href, String(detail));
  for (const name of ['alert', 'confirm', 'prompt', 'print']) {
    window[name] = (...args) => { report('script', name + '(' + args.map(String).join(', ') + ')'); return null; };
  }
  document.addEventListener('securitypolicyviolation', (e) => report('csp',
    e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber + ' "' + e.sample + '"'), true);
})();`;

/** Runs the real sync over HTTP into `board`, returning its exit code and output. */
async function syncInto(board: string, repos: readonly string[], env: Record<string, string>) {
  const sources = repos.map((repo) => `  - repo: ${repo}`).join('\n');
  await writeFile(join(board, 'sources.yaml'), configFor(sources));
  const out = { code: 1, stdout: '', stderr: '' };
  out.code = await runSync({
    configPath: join(board, 'sources.yaml'),
    snapshotPath: join(board, 'snapshot.json'),
    full: false,
    dryRun: false,
    allowEmpty: false,
    env,
    now: () => SYNC_NOW,
    stdout: { write: (text) => (out.stdout += text) },
    stderr: { write: (text) => (out.stderr += text) },
  });
  return out;
}

beforeAll(async () => {
  const content = await mkdtemp(join(tmpdir(), 'tandem-hostile-gate-'));
  const alone = await mkdtemp(join(tmpdir(), 'tandem-calm-'));
  const fake = await startFakeGitHub({ repos: [...hostileRepos(), resilienceRepo(), calmRepo()] });
  try {
    await cp(join(projectRoot, 'content'), content, { recursive: true });
    const board = join(content, 'board');
    await rm(join(board, 'snapshot.json'));
    const env = { GITHUB_TOKEN: fake.token, GITHUB_API_URL: fake.url };
    sync = await syncInto(board, [...HOSTILE_REPOS, 'evil/resilience', 'calm/risks'], env);
    if (sync.code !== 0 && sync.code !== 2)
      throw new Error(`the sync failed (${sync.code}):\n${sync.stderr}`);
    snapshotJson = JSON.parse(await readFile(join(board, 'snapshot.json'), 'utf8'));
    const calm = await syncInto(alone, ['calm/risks'], env);
    if (calm.code !== 0) throw new Error(`the calm sync failed (${calm.code}):\n${calm.stderr}`);
    calmAlone = snapshotSchema.parse(JSON.parse(await readFile(join(alone, 'snapshot.json'), 'utf8')));
    project = await makeTempProject(content);
  } finally {
    await fake.close();
    await rm(content, { recursive: true, force: true });
    await rm(alone, { recursive: true, force: true });
  }
  const build = await runAstro(project.root, ['build'], {
    ...TEST_SITE_ENV,
    TANDEM_NOW: '2026-11-25T12:00:00Z',
  });
  if (build.code !== 0) throw new Error(`the hostile build failed:\n${build.output}`);
  const dist = join(project.root, 'dist');
  distDir = dist;
  routes = htmlFiles(dist).map((file) => routeOf(dist, file));
  // The feeds are opened too: an XHTML-namespaced script would run in an XML document, which has no CSP.
  feeds = (await readdir(dist, { recursive: true }))
    .filter((file) => file.endsWith('.xml'))
    .map((file) => `/${file.split(sep).join('/')}`);
  server = await serveDist(dist);
  browser = await launchChromium();
  context = await browser.newContext();
  await context.exposeFunction('__hostileGate', (kind: string, url: string, detail: string) => {
    incidents.push(`${kind} on ${new URL(url).pathname}${new URL(url).search}${trying}: ${detail}`);
  });
  await context.addInitScript(WATCH);
  // Nothing leaves the machine: local requests are served, image-allowlisted ones are noted and
  // aborted, and anything else is an incident.
  const allowlist = imageSources((snapshotJson as { webUrl: string }).webUrl);
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${server.origin}/`)) return route.continue();
    const allowed = allowlist.some(
      (source) => url === source || url.startsWith(source.endsWith('/') ? source : `${source}/`),
    );
    (allowed ? offsite.allowed : offsite.refused).push(`${url} from ${route.request().frame().url()}`);
    return route.abort();
  });
  page = await context.newPage();
  page.on('dialog', (d) => {
    incidents.push(`dialog on ${page.url()}${trying}: ${d.type()} "${d.message()}"`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => incidents.push(`page error on ${page.url()}${trying}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) {
      incidents.push(`csp console on ${page.url()}${trying}: ${m.text()}`);
    }
  });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await project?.dispose();
});

/**
 * Lets the page finish what it does right after load (a frame, then queued tasks), and lists
 * what would run on a trigger the crawl does not pull (hover, focus, a click): event-handler
 * attributes and script URLs left in the live DOM.
 */
async function settle(): Promise<void> {
  const live = await page.evaluate(
    () =>
      new Promise<string[]>((resolve) =>
        requestAnimationFrame(() =>
          setTimeout(() => {
            const found: string[] = [];
            for (const el of document.querySelectorAll('*')) {
              for (const { name, value } of el.attributes) {
                const scriptUrl =
                  /^(href|src|action|formaction|data|xlink:href|srcdoc)$/i.test(name) &&
                  /^\s*(javascript|vbscript|data:text\/html)/i.test(value.replace(/[\u0000-\u0020]/g, ''));
                if (/^on/i.test(name) || scriptUrl || name === 'srcdoc') {
                  found.push(`<${el.localName} ${name}="${value.slice(0, 80)}">`);
                }
              }
            }
            resolve(found);
          }, 0),
        ),
      ),
  );
  for (const element of live) incidents.push(`live handler on ${page.url()}${trying}: ${element}`);
}

describe('the hostile-content gate', () => {
  it('syncs every hostile issue from the local GitHub into a snapshot that validates', () => {
    const snapshot: Snapshot = snapshotSchema.parse(snapshotJson);
    const total =
      HOSTILE_REPOS.length * XSS_PAYLOADS.length + RESILIENCE_CASES.length + calmAlone.items.length;
    expect(sync.stdout).toContain(`${total} items from 4 source(s)`);
    XSS_PAYLOADS.forEach((payload, i) => {
      for (const repo of HOSTILE_REPOS) {
        const item = snapshot.items.find((it) => it.key === `${repo}#${i + 1}`);
        // Titles and label names are kept as text, to be rendered as text.
        expect(item?.title).toBe(cleanText(`${payload} risk ${i + 1}`, 256));
        expect(item?.labels.map((l) => l.name)).toContain(cleanText(payload, 100));
      }
    });
  });

  it('keeps every item of the calm repository exactly as it syncs on its own', () => {
    const snapshot: Snapshot = snapshotSchema.parse(snapshotJson);
    expect(calmAlone.items.length).toBeGreaterThan(10);
    expect(snapshot.items.filter((i) => i.repo === 'calm/risks')).toEqual(calmAlone.items);
    const status = snapshot.sources.find((s) => s.repo === 'calm/risks');
    expect(status).toMatchObject({ stale: false, error: null });
  });

  it('maps every resilience case to an item, however hostile, without failing its source', () => {
    const snapshot: Snapshot = snapshotSchema.parse(snapshotJson);
    const items = snapshot.items.filter((i) => i.repo === 'evil/resilience');
    expect(items).toHaveLength(RESILIENCE_CASES.length);
    expect(snapshot.sources.find((s) => s.repo === 'evil/resilience')).toMatchObject({ stale: false });
    const byCase = (id: string) => items[RESILIENCE_CASES.findIndex((c) => c.id === id)]!;
    // Bodies that would recurse or amplify are kept as excerpts, with the reason.
    for (const id of ['list-nest-1100', 'quote-nest-2300', 'div-open-1600', 'emphasis-5100', 'table-24kb']) {
      expect(byCase(id).bodyHTML, id).toBe('');
      expect(byCase(id).bodySkipped, id).toBeTruthy();
    }
    // URLs are built from the web origin, never taken from the API.
    for (const id of ['url-foreign-host', 'url-no-slashes', 'url-markup-injection']) {
      expect(byCase(id).url).toBe(`https://github.com/evil/resilience/issues/${byCase(id).number}`);
    }
    expect(byCase('title-invisible-only').title).toMatch(/^\(untitled issue #\d+\)$/);
    expect(byCase('label-severity-zwsp').severity).toBe('low');
    for (const id of [
      'label-owner-cyrillic',
      'label-owner-zwj',
      'label-owner-space-before-colon',
      'label-owner-fullwidth',
    ]) {
      expect(byCase(id).owner, id).toBeNull();
      expect(byCase(id).flags.length, id).toBeGreaterThan(0);
    }
    expect(byCase('labels-150').severity).toBe('high');
    // Every watermark lies at or before the time of the sync.
    for (const source of snapshot.sources)
      expect(Date.parse(source.watermark ?? '') <= SYNC_NOW.getTime()).toBe(true);
    // Nothing in the snapshot is a code point XML forbids, and no body is over its cap.
    const text = JSON.stringify(snapshotJson);
    expect(text).not.toMatch(/\\u000[0-8bcef]|\\u001[0-9a-f]|\\ufff[ef]/i);
    expect(text.length).toBeLessThan(20_000_000);
  });

  it('builds a page for every hostile item', () => {
    for (const repo of HOSTILE_REPOS) {
      const items = routes.filter((r) => r.startsWith(`/board/${repo}/`));
      expect(items).toHaveLength(XSS_PAYLOADS.length);
    }
  });

  it('sees a script that runs and code that the CSP blocks (the watchers work)', async () => {
    incidents.length = 0;
    await page.goto(`${server.origin}/`);
    await page.evaluate(() => {
      alert('probe');
      document.body.insertAdjacentHTML('beforeend', '<img src="/missing.png" onerror="alert(1)">');
      const script = document.createElement('script');
      script.textContent = 'alert(2)';
      document.head.append(script);
    });
    await expect.poll(() => incidents.length).toBeGreaterThanOrEqual(5);
    expect(incidents.filter((i) => i.startsWith('script ')).join('\n')).toMatch(/alert\(probe\)/);
    expect(incidents.filter((i) => i.startsWith('csp on ')).length).toBeGreaterThanOrEqual(2);
    expect(incidents.filter((i) => i.startsWith('csp console on ')).length).toBeGreaterThanOrEqual(2);
    await settle();
    expect(incidents.filter((i) => i.startsWith('live handler ')).join('\n')).toMatch(/onerror/);
  });

  it('runs no script, opens no dialog, throws nothing and violates no CSP directive on any built page or feed', async () => {
    incidents.length = 0;
    expect(routes.length).toBeGreaterThan(HOSTILE_REPOS.length * XSS_PAYLOADS.length + 50);
    expect(feeds).toContain('/board/feed.xml');
    const notServed: string[] = [];
    for (const route of [...routes, ...feeds]) {
      const response = await page.goto(`${server.origin}${route}`, { waitUntil: 'load' });
      if (response?.status() !== 200) notServed.push(`${route}: HTTP ${response?.status()}`);
      await settle();
    }
    expect(notServed).toEqual([]);
    expect(incidents).toEqual([]);
    expect(offsite.refused).toEqual([]);
    // The watcher saw requests leave: allowlisted GitHub images were asked for (and aborted).
    expect(offsite.allowed.join('\n')).toMatch(/user-images\.githubusercontent\.com/);
  }, 300_000);

  it('writes feeds that parse as XML', async () => {
    await page.goto(`${server.origin}/`);
    expect(feeds.length).toBeGreaterThanOrEqual(5);
    for (const feed of feeds) {
      const text = await readFile(join(distDir, feed), 'utf8');
      const problem = await page.evaluate((xml) => {
        const doc = new DOMParser().parseFromString(xml, 'application/xml');
        return (
          doc.querySelector('parsererror')?.textContent ??
          (doc.documentElement.localName === 'rss' ? null : 'not RSS')
        );
      }, text);
      expect(problem, feed).toBeNull();
    }
  });

  it('writes an agenda.md whose only links are the site and the items on GitHub', async () => {
    const markdown = await readFile(join(distDir, 'sync', 'agenda.md'), 'utf8');
    const snapshot = snapshotSchema.parse(snapshotJson);
    const issueUrls = new Set(snapshot.items.map((i) => i.url));
    const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
    const unexpected: string[] = [];
    let risks = 0;
    visit(tree, (node) => {
      if (
        node.type === 'html' ||
        node.type === 'image' ||
        node.type === 'imageReference' ||
        node.type === 'definition'
      ) {
        unexpected.push(`${node.type}: ${JSON.stringify(node).slice(0, 120)}`);
      }
      if (node.type === 'link') {
        const url = (node as { url: string }).url;
        if (issueUrls.has(url)) risks += 1;
        else if (!url.startsWith(testSite.url!)) unexpected.push(`link: ${url}`);
      }
    });
    expect(unexpected).toEqual([]);
    expect(risks).toBeGreaterThan(10);
  });

  it('runs nothing when each payload is typed into the header search box', async () => {
    incidents.length = 0;
    await page.goto(`${server.origin}/`);
    const input = page.locator('search-box input[type="search"]');
    for (const payload of XSS_PAYLOADS) {
      trying = ` (typing ${JSON.stringify(payload)})`;
      await input.fill('');
      await input.pressSequentially(payload);
      // The panel's "see all" link carries the query once results for the whole text are shown.
      await page.waitForFunction(() => {
        const query = document.querySelector<HTMLInputElement>('search-box input[type="search"]')!.value;
        const all = document.querySelector('search-box [data-search-all]')!.getAttribute('href') ?? '';
        return all.endsWith(`?q=${encodeURIComponent(query)}`);
      });
      await settle();
    }
    trying = '';
    expect(incidents).toEqual([]);
  }, 120_000);

  it('runs nothing when each payload is the query of /search/ and of the board filter', async () => {
    incidents.length = 0;
    let boardHits = 0;
    for (const payload of XSS_PAYLOADS) {
      const q = encodeURIComponent(payload);
      trying = ` (query ${JSON.stringify(payload)})`;
      await page.goto(`${server.origin}/search/?q=${q}`);
      await page.waitForFunction(() => {
        const status = document.querySelector('search-page [data-search-status]')?.textContent ?? '';
        return status !== '' && status !== 'Loading search…';
      });
      await settle();
      boardHits += await page.locator('#search-results a[href*="/board/evil/"]').count();
      await page.goto(`${server.origin}/board/?q=${q}`);
      await settle();
    }
    trying = '';
    expect(incidents).toEqual([]);
    // The payloads did reach the results, as text: the check above was not vacuous.
    expect(boardHits).toBeGreaterThan(XSS_PAYLOADS.length);
  }, 120_000);
});
