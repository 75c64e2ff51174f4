/**
 * Browser half of the search benchmark: time from focusing the search box to the first visible
 * result in real Chromium under Lighthouse's mobile throttling (150 ms RTT, 1.6 Mbps down,
 * 750 Kbps up, 4× CPU slowdown), and the bytes transferred on the way, for Tandem's header
 * search and for Pagefind indexing the same built pages. Builds the sample site and the large
 * site (bundled content plus 1,000 generated modules and a 10,000-item board, as
 * scripts/bench-build.ts does) in throw-away copies of the project, adds a Pagefind index and a
 * minimal Pagefind search page to each, and serves them gzipped like a static host would.
 *
 *   node scripts/lib/search-browser-bench.ts   (prints the Markdown section; takes a few minutes)
 *
 * runBrowserBench() and browserBenchMarkdown() are for scripts/bench-search.ts's report.
 */
import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Browser } from 'playwright-core';
import sirv from 'sirv';
import { launchChromium, type StaticServer } from './browser.ts';
import { largeContent } from './large-content.ts';
import { makeTempProject, projectRoot, runAstro, type TempProject } from './temp-project.ts';

const gzipAsync = promisify(gzip);
const log = (line: string) => process.stderr.write(`[search-browser-bench] ${line}\n`);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const seconds = (ms: number) => Math.round(ms / 100) / 10;

// ---------------------------------------------------------------------------------------------
// Sites

export interface BuiltSite {
  distDir: string;
}

export interface BenchSites {
  sample: BuiltSite;
  large: BuiltSite;
  dispose(): Promise<void>;
}

/** `astro build` in a fresh copy of the project; a failed build fails the benchmark with its output. */
async function buildCopy(label: string, contentDir?: string): Promise<TempProject> {
  const project = await makeTempProject(contentDir);
  const started = performance.now();
  log(`building ${label} in ${project.root}…`);
  const built = await runAstro(project.root, ['build']);
  if (built.code !== 0) {
    await project.dispose();
    throw new Error(`${label} did not build:\n${built.output.slice(-3000)}`);
  }
  log(`built ${label} in ${seconds(performance.now() - started)} s`);
  return project;
}

/** Builds the sample site and the large site, one after the other (a build takes both cores). */
export async function buildBenchSites(
  options: { modules?: number; items?: number } = {},
): Promise<BenchSites> {
  const { modules = 1000, items = 10_000 } = options;
  const projects: TempProject[] = [];
  const dispose = async () => {
    await Promise.all(projects.map((p) => p.dispose()));
  };
  try {
    projects.push(await buildCopy('sample site'));
    const content = await largeContent(modules, items);
    try {
      projects.push(await buildCopy(`large site (+${modules} modules, ${items} board items)`, content));
    } finally {
      await rm(content, { recursive: true, force: true });
    }
  } catch (error) {
    await dispose();
    throw error;
  }
  const [sample, large] = projects.map((p) => ({ distDir: join(p.root, 'dist') }));
  return { sample: sample!, large: large!, dispose };
}

/** Total size and number of files under `dir`. */
async function du(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
    files += 1;
  }
  return { bytes, files };
}

// ---------------------------------------------------------------------------------------------
// Pagefind

/**
 * Pagefind's comparison page: a labelled box and a list, the same 8 results as Tandem's header box.
 * Pagefind 1.6 searches in a web worker by default, and DevTools' CPU throttling does not reach
 * workers (Emulation.setCPUThrottlingRate is "only supported for pages"): its search would run at
 * full speed while Tandem's runs 4× slowed. So the page runs Pagefind on the main thread
 * (`noWorker`), throttled like Tandem; `?worker` keeps Pagefind's default worker, for reference.
 */
const PAGEFIND_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Pagefind comparison</title>
  </head>
  <body>
    <main>
      <label for="pf-q">Search with Pagefind</label>
      <input type="search" id="pf-q" autocomplete="off" />
      <ol id="pf-results"></ol>
    </main>
    <script type="module">
      // Loads Pagefind on the first sign of intent (focus or pointer over the box), as its docs advise.
      const input = document.getElementById('pf-q');
      const list = document.getElementById('pf-results');
      let loading;
      const load = () =>
        (loading ??= import('/pagefind/pagefind.js').then(async (pagefind) => {
          await pagefind.options(new URLSearchParams(location.search).has('worker') ? {} : { noWorker: true });
          await pagefind.init();
          return pagefind;
        }));
      input.addEventListener('focus', load, { once: true });
      input.addEventListener('pointerover', load, { once: true });
      // Preload the index chunks on every key and search after a 60 ms pause: Pagefind's advice
      // for a custom debounced box, with the same debounce as Tandem's header box.
      let timer;
      let latest = 0;
      input.addEventListener('input', async () => {
        const pagefind = await load();
        pagefind.preload(input.value);
        clearTimeout(timer);
        timer = setTimeout(async () => {
          const query = input.value;
          const ticket = ++latest;
          const search = await pagefind.search(query);
          if (ticket !== latest || !search) return;
          const results = await Promise.all(search.results.slice(0, 8).map((r) => r.data()));
          if (ticket !== latest) return;
          list.replaceChildren(
            ...results.map((result) => {
              const item = document.createElement('li');
              const link = document.createElement('a');
              link.href = result.url;
              link.textContent = result.meta?.title || result.url;
              item.append(link);
              return item;
            }),
          );
        }, 60);
      });
    </script>
  </body>
</html>
`;

export interface PagefindIndex {
  seconds: number;
  /** Pages Pagefind reports it indexed. */
  pages: number;
  /** dist/pagefind on disk. */
  bytes: number;
  files: number;
}

/**
 * Indexes the built pages with Pagefind (only each page's <main>, so the header, navigation and
 * footer on every page do not match every query; Tandem indexes content, not chrome) and writes
 * the comparison page to <distDir>/pagefind-bench/index.html (after indexing, so it is not indexed).
 */
export async function addPagefind(distDir: string): Promise<PagefindIndex> {
  const started = performance.now();
  const output = await new Promise<string>((done, fail) => {
    const child = spawn(join(projectRoot, 'node_modules', '.bin', 'pagefind'), [
      '--site',
      distDir,
      '--root-selector',
      'main',
    ]);
    let text = '';
    child.stdout.on('data', (d) => (text += d));
    child.stderr.on('data', (d) => (text += d));
    child.on('error', fail);
    child.on('close', (code) =>
      code === 0 ? done(text) : fail(new Error(`pagefind failed (exit ${code}):\n${text.slice(-3000)}`)),
    );
  });
  const elapsed = (performance.now() - started) / 1000;
  await mkdir(join(distDir, 'pagefind-bench'), { recursive: true });
  await writeFile(join(distDir, 'pagefind-bench', 'index.html'), PAGEFIND_PAGE);
  const { bytes, files } = await du(join(distDir, 'pagefind'));
  const pages = Number(/Indexed (\d+) pages?/i.exec(output)?.[1] ?? Number.NaN);
  log(
    `pagefind indexed ${pages} pages of ${distDir} in ${elapsed.toFixed(1)} s (${files} files, ${kib(bytes)})`,
  );
  return { seconds: Math.round(elapsed * 10) / 10, pages, bytes, files };
}

// ---------------------------------------------------------------------------------------------
// Server

/** Text types a static host or CDN compresses; Pagefind's .pf_* and .pagefind files are gzip already. */
const COMPRESSIBLE: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** The file a request path maps to (as sirv maps it: the file, then dir/index.html, then .html). */
function fileFor(root: string, url: string): string | undefined {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, 'http://x').pathname);
  } catch {
    return undefined;
  }
  const base = join(root, normalize(pathname));
  if (base !== root && !base.startsWith(root + sep)) return undefined;
  for (const candidate of [base, join(base, 'index.html'), `${base}.html`]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next candidate
    }
  }
  return undefined;
}

/**
 * Serves dist/ like a static host in front of a CDN: what serveDist() does, plus gzip (level 6,
 * the usual default) for text responses when the request accepts it, with Content-Encoding and
 * Vary. Compressed bodies are cached, so compressing does not cost time in later runs.
 */
export async function serveCompressed(distDir: string): Promise<StaticServer> {
  const root = resolve(distDir);
  const assets = sirv(root, { dev: false, etag: true });
  const cache = new Map<string, Promise<Buffer>>();
  const notFound = (res: ServerResponse) => {
    res.statusCode = 404;
    res.end('not found');
  };
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const file = fileFor(root, req.url ?? '/');
    const type = file && COMPRESSIBLE[extname(file).toLowerCase()];
    const accepts = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
    if (!file || !type || !accepts || (req.method !== 'GET' && req.method !== 'HEAD')) {
      return assets(req, res, () => notFound(res));
    }
    let body = cache.get(file);
    if (!body) cache.set(file, (body = readFile(file).then((raw) => gzipAsync(raw, { level: 6 }))));
    const bytes = await body;
    res.writeHead(200, {
      'Content-Type': type,
      'Content-Encoding': 'gzip',
      'Content-Length': bytes.length,
      Vary: 'Accept-Encoding',
      'Cache-Control': 'no-cache',
    });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  };
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`server error for ${req.url}: ${String(error)}`);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

// ---------------------------------------------------------------------------------------------
// Measuring

export type SearchKind = 'tandem' | 'pagefind';

export interface MeasureOptions {
  origin: string;
  kind: SearchKind;
  /** Page to start on. */
  route: string;
  query: string;
  /** Default 5. */
  runs?: number;
  /** A browser to reuse; by default one is launched and closed. */
  browser?: Browser;
}

export interface Measurement {
  medianMs: number;
  runsMs: number[];
  /** Median bytes transferred from focus to first result, as on the wire (gzip, headers included). */
  bytes: number;
  /** Median number of requests finished from focus to first result. */
  requests: number;
  /** Paths fetched in the median run, each with its transferred size. */
  files: string[];
  /** Paths requested in the median run but still loading when the first result showed (not counted). */
  inFlight: string[];
  /** Web workers the page started (their requests are counted, but their CPU is not throttled). */
  workers: number;
  /**
   * The whole first search: median bytes and requests from focus until the network is quiet
   * after the first result (a box may show its first result before it has loaded the rest).
   */
  settledBytes: number;
  settledRequests: number;
}

interface Run {
  ms: number;
  bytes: number;
  requests: number;
  files: string[];
  inFlight: string[];
  workers: number;
  settledBytes: number;
  settledRequests: number;
}

const SELECTORS: Record<SearchKind, { input: string; result: string }> = {
  tandem: {
    input: 'search-box input[type="search"]',
    result: 'search-box [data-search-panel] a[data-search-result]',
  },
  pagefind: { input: '#pf-q', result: '#pf-results a' },
};

/**
 * Lighthouse's mobile preset (slow 4G on a mid-range phone): its network figures (150 ms RTT,
 * 1,638.4 Kbps down, 750 Kbps up) applied as DevTools throttling, and its 4× CPU slowdown.
 * Viewport and pixel ratio as Lighthouse's emulated Moto G Power.
 */
const THROTTLING = {
  network: {
    offline: false,
    latency: 150,
    downloadThroughput: (1.6 * 1024 * 1024) / 8,
    uploadThroughput: (750 * 1024) / 8,
  },
  cpuRate: 4,
};
const DEVICE = {
  viewport: { width: 412, height: 823 },
  deviceScaleFactor: 1.75,
  isMobile: true,
  hasTouch: true,
};
const RESULT_TIMEOUT_MS = 60_000;
/** After the first result: the network counts as quiet after this long without a request, at most SETTLE_MAX_MS. */
const QUIET_MS = 1000;
const SETTLE_MAX_MS = 20_000;

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function kib(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/** CDP's Network events as this file reads them, from the page's session or a worker's. */
type NetworkEvent =
  | { method: 'Network.requestWillBeSent'; params: { requestId: string; request: { url: string } } }
  | {
      method: 'Network.responseReceivedExtraInfo';
      params: { requestId: string; headers: Record<string, string> };
    }
  | { method: 'Network.loadingFinished'; params: { requestId: string; encodedDataLength: number } }
  | { method: 'Network.loadingFailed'; params: { requestId: string } };

const NETWORK_METHODS = [
  'Network.requestWillBeSent',
  'Network.responseReceivedExtraInfo',
  'Network.loadingFinished',
  'Network.loadingFailed',
] as const;

interface Request {
  url: string;
  /** encodedDataLength from loadingFinished: headers and the body as transferred. */
  bytes?: number;
  /** Response headers' size and Content-Length, for a worker's script (see below). */
  fromHeaders?: number;
}

/** One run in a fresh browser context (empty cache): load `route`, focus, type, wait for a result. */
async function measureOnce(browser: Browser, options: MeasureOptions): Promise<Run> {
  const { input, result } = SELECTORS[options.kind];
  const context = await browser.newContext(DEVICE);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', THROTTLING.network);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLING.cpuRate });

    // Requests sent after `armed` are counted (by session and request id); each counts its
    // encodedDataLength once loadingFinished arrives: up to the first result, and until quiet.
    let armed = false;
    let done = false;
    let lastActivity = performance.now();
    const requests = new Map<string, Request>();
    const onNetwork = (session: string, event: NetworkEvent) => {
      if (done) return;
      lastActivity = performance.now();
      const key = `${session}:${event.params.requestId}`;
      if (event.method === 'Network.requestWillBeSent') {
        if (armed && !requests.has(key)) requests.set(key, { url: event.params.request.url });
        return;
      }
      const request = requests.get(key);
      if (!request) return;
      if (event.method === 'Network.loadingFinished') request.bytes = event.params.encodedDataLength;
      else if (event.method === 'Network.loadingFailed') request.bytes = 0;
      else if (event.method === 'Network.responseReceivedExtraInfo') {
        const headers = Object.entries(event.params.headers ?? {});
        const length = Number(headers.find(([name]) => name.toLowerCase() === 'content-length')?.[1]);
        const headerBytes = headers.reduce((sum, [name, value]) => sum + name.length + value.length + 4, 17);
        if (Number.isFinite(length)) request.fromHeaders = headerBytes + length;
      }
    };
    for (const method of NETWORK_METHODS) {
      cdp.on(method, (params: unknown) => onNetwork('page', { method, params } as NetworkEvent));
    }

    // A dedicated worker's requests are reported to the worker's target only (Pagefind fetches its
    // index from one): attach to workers through this session (not flattened, so plain
    // Target.sendMessageToTarget works beside Playwright's own sessions) and listen there too.
    const workerScripts = new Set<string>();
    cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => {
      if (!targetInfo.type.includes('worker')) return;
      workerScripts.add(targetInfo.url);
      let id = 0;
      const send = (method: string) =>
        cdp
          .send('Target.sendMessageToTarget', {
            sessionId,
            message: JSON.stringify({ id: ++id, method, params: {} }),
          })
          .catch(() => undefined);
      void send('Network.enable').then(() => send('Runtime.runIfWaitingForDebugger'));
    });
    cdp.on('Target.receivedMessageFromTarget', ({ sessionId, message }) => {
      const event = JSON.parse(message) as { method?: string };
      if (NETWORK_METHODS.some((method) => method === event.method))
        onNetwork(sessionId, event as NetworkEvent);
    });
    await cdp.send('Target.setAutoAttach', {
      autoAttach: true,
      waitForDebuggerOnStart: true,
      flatten: false,
    });

    // The page reports the first result itself, so Playwright's polling is not in the time.
    let reported!: (at: number) => void;
    const firstResult = new Promise<number>((resolve) => (reported = resolve));
    await page.exposeFunction('__benchFirstResult', (at: number) => reported(at));

    await page.goto(`${options.origin}${options.route}`, { waitUntil: 'networkidle', timeout: 120_000 });
    await page.waitForSelector(input, { state: 'visible' });

    // A result link counts once it is visible with text while the box holds the whole query, and
    // it is not in the "Popular modules" list Tandem shows for an empty box.
    await page.evaluate(
      ({ input, result, query }) => {
        const box = document.querySelector<HTMLInputElement>(input)!;
        const report = (window as unknown as { __benchFirstResult(at: number): void }).__benchFirstResult;
        let found = false;
        const check = () => {
          if (found || box.value !== query) return found;
          for (const link of document.querySelectorAll<HTMLElement>(result)) {
            if (!link.textContent?.trim() || !link.checkVisibility()) continue;
            if (/popular/i.test(link.closest('[aria-label]')?.getAttribute('aria-label') ?? '')) continue;
            found = true;
            const at = performance.now();
            observer.disconnect();
            report(at);
            return true;
          }
          return false;
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, {
          subtree: true,
          childList: true,
          attributes: true,
          characterData: true,
        });
        const poll = () => {
          if (!check()) requestAnimationFrame(poll);
        };
        requestAnimationFrame(poll);
      },
      { input, result, query: options.query },
    );

    armed = true;
    const t0 = await page.evaluate((input) => {
      const at = performance.now();
      document.querySelector<HTMLInputElement>(input)!.focus();
      return at;
    }, input);
    await page.keyboard.type(options.query);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const at = await Promise.race([
      firstResult,
      new Promise<never>((_, fail) => {
        timer = setTimeout(
          () => fail(new Error(`${options.kind}: no result for "${options.query}" on ${options.route}`)),
          RESULT_TIMEOUT_MS,
        );
      }),
    ]).finally(() => clearTimeout(timer));

    const origin = new URL(options.origin).origin;
    const path = (url: string) => {
      const parsed = new URL(url);
      return parsed.origin === origin ? `${parsed.pathname}${parsed.search}` : url;
    };
    /** Requests so far; a worker's own script counted from its headers (see below). */
    const tally = () => {
      // The page's session sees a worker's script start and its headers arrive, but its
      // loadingFinished goes to the worker's target before we listen there. The worker running
      // means its script loaded: count the size from the headers (gzip Content-Length, as sent).
      const all = [...requests.values()].map((r) =>
        r.bytes === undefined && workerScripts.has(r.url) && r.fromHeaders !== undefined
          ? { ...r, bytes: r.fromHeaders }
          : r,
      );
      const finished = all.filter((r) => r.bytes !== undefined);
      return { all, finished, bytes: finished.reduce((sum, r) => sum + r.bytes!, 0) };
    };
    const first = tally();

    // Then let the search finish what it started: until no request is open and none has come for QUIET_MS.
    const settleBy = performance.now() + SETTLE_MAX_MS;
    while (performance.now() < settleBy) {
      const open = [...requests.values()].some((r) => r.bytes === undefined && !workerScripts.has(r.url));
      if (!open && performance.now() - lastActivity >= QUIET_MS) break;
      await sleep(100);
    }
    done = true;
    const settled = tally();
    return {
      ms: Math.round(at - t0),
      bytes: first.bytes,
      requests: first.finished.length,
      files: first.finished.map((r) => `${path(r.url)} (${kib(r.bytes!)})`),
      inFlight: first.all.filter((r) => r.bytes === undefined).map((r) => path(r.url)),
      workers: workerScripts.size,
      settledBytes: settled.bytes,
      settledRequests: settled.finished.length,
    };
  } finally {
    await context.close();
  }
}

/** Medians over runs; files and in-flight requests from the run nearest the median time. */
function summarize(runs: readonly Run[]): Measurement {
  const runsMs = runs.map((r) => r.ms);
  const medianMs = median(runsMs);
  const typical = [...runs].sort((a, b) => Math.abs(a.ms - medianMs) - Math.abs(b.ms - medianMs))[0]!;
  return {
    medianMs,
    runsMs,
    bytes: Math.round(median(runs.map((r) => r.bytes))),
    requests: median(runs.map((r) => r.requests)),
    files: typical.files,
    inFlight: typical.inFlight,
    workers: Math.max(...runs.map((r) => r.workers)),
    settledBytes: Math.round(median(runs.map((r) => r.settledBytes))),
    settledRequests: median(runs.map((r) => r.settledRequests)),
  };
}

/**
 * Time from focusing the search box to the first visible result, measured in the page, under
 * Lighthouse's mobile throttling, `runs` times (default 5), each in a fresh context.
 */
export async function measureFirstResult(options: MeasureOptions): Promise<Measurement> {
  const browser = options.browser ?? (await launchChromium());
  try {
    const runs: Run[] = [];
    for (let i = 0; i < (options.runs ?? 5); i++) runs.push(await measureOnce(browser, options));
    return summarize(runs);
  } finally {
    if (!options.browser) await browser.close();
  }
}

// ---------------------------------------------------------------------------------------------
// The whole comparison

export type SiteName = 'sample' | 'large';

export interface BrowserBenchRow extends Measurement {
  site: SiteName;
  kind: SearchKind;
  /** Pagefind with its default web worker, whose CPU is not throttled: reported, not compared. */
  worker: boolean;
}

export interface BrowserBenchReport {
  measuredAt: string;
  machine: string;
  query: string;
  runs: number;
  /** What the large site adds to the bundled content. */
  modules: number;
  items: number;
  rows: BrowserBenchRow[];
  /** Tandem ÷ Pagefind (main thread), per site: median time and median bytes. */
  ratios: Array<{ site: SiteName; time: number; bytes: number }>;
  pagefind: Array<{ site: SiteName } & PagefindIndex>;
  /** Wall time of the whole benchmark, builds included. */
  seconds: number;
}

/** What is measured on each site: Tandem from the home page, Pagefind from its page (twice). */
const CONTESTANTS = [
  { kind: 'tandem', route: '/', worker: false },
  { kind: 'pagefind', route: '/pagefind-bench/', worker: false },
  { kind: 'pagefind', route: '/pagefind-bench/?worker', worker: true },
] as const;

/**
 * Builds both sites, adds Pagefind to both, and measures Tandem and Pagefind on each with the
 * query "poison", `runs` times each, rotating the order run by run so machine load affects all alike.
 */
export async function runBrowserBench(
  options: { query?: string; runs?: number; modules?: number; items?: number } = {},
): Promise<BrowserBenchReport> {
  const { query = 'poison', runs = 5, modules = 1000, items = 10_000 } = options;
  const started = performance.now();
  const sites = await buildBenchSites({ modules, items });
  try {
    const pagefind: BrowserBenchReport['pagefind'] = [];
    for (const site of ['sample', 'large'] as const) {
      pagefind.push({ site, ...(await addPagefind(sites[site].distDir)) });
    }
    const rows: BrowserBenchRow[] = [];
    const browser = await launchChromium();
    try {
      for (const site of ['sample', 'large'] as const) {
        const server = await serveCompressed(sites[site].distDir);
        try {
          const results = CONTESTANTS.map(() => [] as Run[]);
          for (let i = 0; i < runs; i++) {
            for (let j = 0; j < CONTESTANTS.length; j++) {
              const at = (i + j) % CONTESTANTS.length;
              const { kind, route } = CONTESTANTS[at]!;
              const run = await measureOnce(browser, { origin: server.origin, kind, route, query });
              log(
                `${site} ${kind} ${route} run ${i + 1}/${runs}: ${run.ms} ms, ${kib(run.bytes)} in ${run.requests} requests`,
              );
              results[at]!.push(run);
            }
          }
          CONTESTANTS.forEach(({ kind, worker }, at) =>
            rows.push({ site, kind, worker, ...summarize(results[at]!) }),
          );
        } finally {
          await server.close();
        }
      }
    } finally {
      await browser.close();
    }
    const ratios = (['sample', 'large'] as const).map((site) => {
      const tandem = compared(rows, site, 'tandem');
      const other = compared(rows, site, 'pagefind');
      return { site, time: tandem.medianMs / other.medianMs, bytes: tandem.bytes / other.bytes };
    });
    return {
      measuredAt: new Date().toISOString(),
      machine: `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, load average ${loadavg()[0]!.toFixed(1)}, Node ${process.version}`,
      query,
      runs,
      modules,
      items,
      rows,
      ratios,
      pagefind,
      seconds: Math.round((performance.now() - started) / 1000),
    };
  } finally {
    await sites.dispose();
  }
}

/** The row the targets compare: Tandem, or Pagefind on the main thread. */
function compared(rows: readonly BrowserBenchRow[], site: SiteName, kind: SearchKind): BrowserBenchRow {
  const row = rows.find((r) => r.site === site && r.kind === kind && !r.worker);
  if (!row) throw new Error(`no ${kind} measurement for the ${site} site`);
  return row;
}

/** Large first result ≤ 1.5 s and ≤ 0.5× Pagefind's time, large bytes ≤ Pagefind's; sample ≤ 0.6× Pagefind's time. */
export const BROWSER_TARGETS = { largeMs: 1500, largeRatio: 0.5, largeBytesRatio: 1, sampleRatio: 0.6 };

const rowLabel = (r: BrowserBenchRow) =>
  r.kind === 'tandem' ? 'Tandem' : r.worker ? 'Pagefind, web worker (not throttled)' : 'Pagefind';

/** The report's section: method, table, Pagefind's index, targets met or not, files fetched. */
export function browserBenchMarkdown(report: BrowserBenchReport): string {
  const ratio = (site: SiteName) => report.ratios.find((r) => r.site === site)!;
  const met = (ok: boolean) => (ok ? 'met' : '**not met**');
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const large = compared(report.rows, 'large', 'tandem');
  const largePagefind = compared(report.rows, 'large', 'pagefind');
  const siteLabel: Record<SiteName, string> = {
    sample: 'Sample site',
    large: `Large portal (+${report.modules.toLocaleString('en')} modules, ${report.items.toLocaleString('en')} board items)`,
  };
  const tandemWorkers = report.rows.some((r) => r.kind === 'tandem' && r.workers > 0);
  return [
    '## First result in throttled Chromium (Tandem vs Pagefind)',
    '',
    `Measured ${report.measuredAt} on ${report.machine}, in Debian's Chromium through playwright-core, with \`node scripts/lib/search-browser-bench.ts\`.`,
    "Lighthouse's mobile throttling, applied through DevTools: 150 ms RTT, 1.6 Mbps down, 750 Kbps up, 4× CPU slowdown (412 px viewport).",
    `Each run opens a fresh browser context (empty cache), loads the start page, waits for the network to go quiet, then focuses the search box and types "${report.query}" at once.`,
    `The time runs from focus to the first visible result link with text, taken inside the page; median of ${report.runs} runs, the contestants taking turns.`,
    'Bytes are as transferred (gzip, headers included) by requests made from focus until the first result showed; "whole first search" counts on until the network has been quiet for 1 s.',
    "Tandem starts on the home page (the header box, 8 results). Pagefind starts on a minimal page whose box loads Pagefind on focus, preloads on each key, searches after a 60 ms pause (Tandem's debounce) and shows its first 8 results' titles.",
    "Pagefind indexes the same built pages, `<main>` only (`--root-selector main`), and runs on the main thread (`noWorker`): DevTools cannot slow a web worker's CPU, so Pagefind's default worker would search at full speed. The worker row is for reference only.",
    'Served over HTTP/1.1 by a local server that gzips text like a static host.',
    '',
    '| Site | Search | First result (median) | Runs | Transferred | Requests | Whole first search |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...report.rows.map(
      (r) =>
        `| ${siteLabel[r.site]} | ${rowLabel(r)} | ${s(r.medianMs)} | ${r.runsMs.map((n) => (n / 1000).toFixed(2)).join(', ')} | ${kib(r.bytes)} | ${r.requests} | ${kib(r.settledBytes)} in ${r.settledRequests} |`,
    ),
    '',
    ...report.ratios.map(
      (r) =>
        `${siteLabel[r.site]}: Tandem takes ${r.time.toFixed(2)}× Pagefind's time and ${r.bytes.toFixed(2)}× its bytes.`,
    ),
    ...(tandemWorkers
      ? ['', "Tandem's search started a web worker, whose CPU DevTools does not slow: its time is flattered."]
      : []),
    '',
    '| Pagefind index | Pages | Indexing time | dist/pagefind/ |',
    '| --- | --- | --- | --- |',
    ...report.pagefind.map(
      (p) =>
        `| ${siteLabel[p.site]} | ${p.pages} | ${p.seconds} s | ${(p.bytes / 1048576).toFixed(1)} MiB in ${p.files} files |`,
    ),
    '',
    'Targets:',
    '',
    `- Large portal, first result ≤ ${s(BROWSER_TARGETS.largeMs)}: ${s(large.medianMs)}, ${met(large.medianMs <= BROWSER_TARGETS.largeMs)}.`,
    `- Large portal, ≤ ${BROWSER_TARGETS.largeRatio}× Pagefind's time: ${ratio('large').time.toFixed(2)}×, ${met(ratio('large').time <= BROWSER_TARGETS.largeRatio)}.`,
    `- Large portal, first-search bytes ≤ Pagefind's: ${kib(large.bytes)} vs ${kib(largePagefind.bytes)}, ${met(ratio('large').bytes <= BROWSER_TARGETS.largeBytesRatio)} (whole first search: ${kib(large.settledBytes)} vs ${kib(largePagefind.settledBytes)}).`,
    `- Sample site, ≤ ${BROWSER_TARGETS.sampleRatio}× Pagefind's time: ${ratio('sample').time.toFixed(2)}×, ${met(ratio('sample').time <= BROWSER_TARGETS.sampleRatio)}.`,
    '',
    'Files fetched from focus to first result (the median run):',
    '',
    ...report.rows.map(
      (r) =>
        `- ${siteLabel[r.site]}, ${rowLabel(r)}: ${r.files.join(', ') || 'none'}` +
        (r.inFlight.length
          ? `; still loading at the first result, not counted: ${r.inFlight.join(', ')}`
          : ''),
    ),
    '',
  ].join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const report = await runBrowserBench();
  console.log(browserBenchMarkdown(report));
  log(`whole run: ${report.seconds} s`);
}
