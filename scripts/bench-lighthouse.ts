/**
 * Lighthouse benchmark: builds the site in a throw-away copy of the project (or takes an
 * existing dist/), serves it with `astro preview` (gzip, like a static host), and runs
 * Lighthouse with its default mobile settings (simulated slow 4G and 4× CPU slowdown) against
 * the home page, a module, the board and the search page, in Debian's Chromium. Reports go to
 * test/bench-results/lighthouse/, the summary to test/bench-results/lighthouse.md. Scores are
 * reported, not asserted: they vary with the machine's load.
 *
 *   npm run bench:lighthouse [-- --dist dist] [--runs 3]
 *
 * --dist DIR  use this build instead of building one
 * --runs N    run each page N times and keep the run with the median performance score
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { type Flags, type Result } from 'lighthouse';
import { makeTempProject, projectRoot, runAstro, type TempProject } from './lib/temp-project.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string' },
    runs: { type: 'string', default: '1' },
    out: { type: 'string', default: 'test/bench-results' },
  },
});

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];
/** Issue 8's targets; SEO has none. */
const TARGETS: Partial<Record<Category, number>> = {
  performance: 95,
  accessibility: 100,
  'best-practices': 95,
};
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const METRICS = [
  ['first-contentful-paint', 'FCP'],
  ['largest-contentful-paint', 'LCP'],
  ['total-blocking-time', 'TBT'],
  ['cumulative-layout-shift', 'CLS'],
  ['speed-index', 'SI'],
] as const;

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** `astro preview` of `dist`, ready when it answers the home page. */
async function preview(dist: string): Promise<{ origin: string; child: ChildProcess }> {
  const port = await freePort();
  const node = join(projectRoot, 'node_modules', '.bin', 'node');
  const astro = join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
  const args = [astro, 'preview', '--outDir', dist, '--host', '127.0.0.1', '--port', String(port)];
  const child = spawn(node, args, {
    cwd: projectRoot,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`astro preview exited:\n${output}`);
    const ok = await fetch(`${origin}/`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return { origin, child };
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error(`astro preview did not answer on ${origin}:\n${output}`);
}

/** The pages to measure: home, the first module (by route), the board, search with a query. */
async function pagesOf(dist: string): Promise<Array<{ name: string; path: string }>> {
  const files = await readdir(join(dist, 'learn'), { recursive: true });
  const module = files
    .map((f) => f.split('\\').join('/'))
    .filter((f) => /^[^/]+\/[^/]+\/index\.html$/.test(f))
    .sort()[0];
  if (!module) throw new Error(`no module page under ${dist}/learn/`);
  return [
    { name: 'home', path: '/' },
    { name: 'module', path: `/learn/${module.slice(0, -'index.html'.length)}` },
    { name: 'board', path: '/board/' },
    { name: 'search', path: '/search/?q=poisoning' },
  ];
}

const score = (lhr: Result, category: Category) => Math.round((lhr.categories[category]?.score ?? 0) * 100);

/** Audits that cost points in a category below its target, heaviest first. */
function losses(lhr: Result, category: Category): string[] {
  const target = TARGETS[category];
  if (target === undefined || score(lhr, category) >= target) return [];
  return (lhr.categories[category]?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
    .sort(
      (a, b) =>
        b.weight * (1 - (lhr.audits[b.id]?.score ?? 1)) - a.weight * (1 - (lhr.audits[a.id]?.score ?? 1)),
    )
    .map((ref) => {
      const audit = lhr.audits[ref.id]!;
      const value = audit.displayValue ? ` (${audit.displayValue})` : '';
      return `${audit.title}${value}: score ${Math.round((audit.score ?? 0) * 100)}, weight ${ref.weight}`;
    });
}

async function main() {
  const runs = Math.max(1, Number(values.runs) || 1);
  const outDir = resolve(projectRoot, values.out);
  const reportDir = join(outDir, 'lighthouse');
  await mkdir(reportDir, { recursive: true });

  let project: TempProject | undefined;
  let dist: string;
  if (values.dist) {
    dist = resolve(values.dist);
    if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} has no index.html; build first`);
  } else {
    process.stderr.write('Building the site in a temporary copy…\n');
    project = await makeTempProject();
    const build = await runAstro(project.root, ['build']);
    if (build.code !== 0) throw new Error(`the build failed:\n${build.output}`);
    dist = join(project.root, 'dist');
  }

  const load = loadavg()[0]!.toFixed(2);
  const server = await preview(dist);
  const chromePath =
    process.env['CHROME_PATH'] ??
    ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  const chrome = await chromeLauncher.launch({
    ...(chromePath ? { chromePath } : {}),
    chromeFlags: CHROME_FLAGS,
  });
  const rows: Array<{ name: string; path: string; lhr: Result }> = [];
  try {
    for (const { name, path } of await pagesOf(dist)) {
      const results: Array<{ lhr: Result; report: string[] }> = [];
      for (let run = 0; run < runs; run++) {
        process.stderr.write(`Lighthouse: ${name} (${path}), run ${run + 1} of ${runs}…\n`);
        const flags: Flags = {
          port: chrome.port,
          output: ['json', 'html'],
          logLevel: 'error',
          onlyCategories: [...CATEGORIES],
          // Halves each report (about 0.5 MB instead of 1 MB); the filmstrip and final screenshot stay.
          disableFullPageScreenshot: true,
        };
        const result = await lighthouse(`${server.origin}${path}`, flags);
        if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
        if (result.lhr.runtimeError) throw new Error(`${path}: ${result.lhr.runtimeError.message}`);
        results.push({ lhr: result.lhr, report: result.report as string[] });
      }
      results.sort((a, b) => score(a.lhr, 'performance') - score(b.lhr, 'performance'));
      const median = results[Math.floor(results.length / 2)]!;
      await writeFile(join(reportDir, `${name}.report.json`), median.report[0]!);
      await writeFile(join(reportDir, `${name}.report.html`), median.report[1]!);
      rows.push({ name, path, lhr: median.lhr });
    }
  } finally {
    await chrome.kill();
    server.child.kill();
    await project?.dispose();
  }

  const first = rows[0]!.lhr;
  const cell = (lhr: Result, category: Category) => {
    const value = score(lhr, category);
    const target = TARGETS[category];
    return target !== undefined && value < target ? `**${value}**` : String(value);
  };
  const metric = (lhr: Result, id: string) => lhr.audits[id]?.displayValue ?? '–';
  const missed = rows.flatMap(({ name, lhr }) =>
    CATEGORIES.flatMap((c) => losses(lhr, c).map((line) => `- ${name}, ${c}: ${line}`)),
  );
  const markdown = `# Lighthouse benchmark

Measured ${new Date().toISOString()} with \`npm run bench:lighthouse\`: Lighthouse ${first.lighthouseVersion}, ${first.environment.hostUserAgent.match(/(?:Headless)?Chrome\/[\d.]+/)?.[0] ?? 'Chromium'} (Debian's Chromium, headless), Node ${process.version}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, 1-minute load average ${load} at the start.
Mobile settings (Lighthouse's defaults: Moto G Power viewport, simulated slow 4G, 4× CPU slowdown); the site served by \`astro preview\` (gzip). ${runs > 1 ? `Each page ran ${runs} times; the run with the median performance score is kept.` : 'One run per page: scores on a shared machine vary by a few points.'}
Targets (issue 8): performance ≥ ${TARGETS.performance}, accessibility ${TARGETS.accessibility}, best practices ≥ ${TARGETS['best-practices']}; a missed target is in bold. Full reports: [lighthouse/](lighthouse/).

| Page | Path | Performance | Accessibility | Best practices | SEO | ${METRICS.map(([, label]) => label).join(' | ')} |
| --- | --- | --- | --- | --- | --- | ${METRICS.map(() => '---').join(' | ')} |
${rows
  .map(
    ({ name, path, lhr }) =>
      `| ${name} | \`${path}\` | ${CATEGORIES.map((c) => cell(lhr, c)).join(' | ')} | ${METRICS.map(([id]) => metric(lhr, id)).join(' | ')} |`,
  )
  .join('\n')}

${missed.length ? `## What cost points\n\n${missed.join('\n')}\n` : 'Every page meets every target.\n'}`;
  await writeFile(join(outDir, 'lighthouse.md'), markdown);
  process.stdout.write(markdown);
}

await main();
