/**
 * Scale benchmark: builds the plain sample site and a large site (the bundled content plus
 * 1,000 generated MDX modules and a 10,000-item board) in throw-away copies of the project,
 * and reports wall time, peak memory and output sizes. Results go to test/bench-results/build.md.
 *
 *   npm run bench:build [-- --modules 1000 --items 10000]
 */
import { spawn } from 'node:child_process';
import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { largeContent } from './lib/large-content.ts';
import { makeTempProject, projectRoot } from './lib/temp-project.ts';

const { values } = parseArgs({
  options: {
    modules: { type: 'string', default: '1000' },
    items: { type: 'string', default: '10000' },
    out: { type: 'string', default: 'test/bench-results/build.md' },
  },
});

interface BuildRun {
  label: string;
  seconds: number;
  peakMiB: number;
  pages: number;
  distMiB: number;
  boardHtmlKiB: number;
  boardHtmlGzipKiB: number;
}

async function du(dir: string): Promise<{ bytes: number; pages: number }> {
  let bytes = 0;
  let pages = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
    if (entry.name.endsWith('.html')) pages += 1;
  }
  return { bytes, pages };
}

/** Runs `astro build` under GNU time to read the peak resident memory of the build process. */
function timedBuild(root: string): Promise<{ seconds: number; peakKiB: number }> {
  return new Promise((resolve, reject) => {
    const node = join(projectRoot, 'node_modules', '.bin', 'node');
    const astro = join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
    const child = spawn('/usr/bin/time', ['-f', 'TIME %e %M', node, astro, 'build'], {
      cwd: root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
    });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.stdout.resume();
    child.on('error', reject);
    child.on('close', (code) => {
      const match = /TIME ([\d.]+) (\d+)/.exec(err);
      if (code !== 0 || !match) return reject(new Error(`build failed (exit ${code}):\n${err.slice(-3000)}`));
      resolve({ seconds: Number(match[1]), peakKiB: Number(match[2]) });
    });
  });
}

async function measure(label: string, contentDir?: string): Promise<BuildRun> {
  const project = await makeTempProject(contentDir);
  try {
    process.stdout.write(`Building ${label}… `);
    const { seconds, peakKiB } = await timedBuild(project.root);
    const dist = join(project.root, 'dist');
    const { bytes, pages } = await du(dist);
    const board = readFileSync(join(dist, 'board', 'index.html'));
    const run = {
      label,
      seconds,
      peakMiB: Math.round(peakKiB / 1024),
      pages,
      distMiB: Math.round((bytes / 1048576) * 10) / 10,
      boardHtmlKiB: Math.round(board.length / 1024),
      boardHtmlGzipKiB: Math.round(gzipSync(board).length / 1024),
    };
    console.log(`${seconds} s, ${run.peakMiB} MiB peak, ${pages} pages`);
    return run;
  } finally {
    await project.dispose();
  }
}

const modules = Number(values.modules);
const items = Number(values.items);
const sample = await measure('sample site (bundled content and sample board)');
const content = await largeContent(modules, items);
const large = await measure(`large site (+${modules} modules, ${items} board items)`, content);
await rm(content, { recursive: true, force: true });

const rows = [sample, large].map(
  (r) =>
    `| ${r.label} | ${r.seconds} s | ${r.peakMiB} MiB | ${r.pages} | ${r.distMiB} MiB | ${r.boardHtmlKiB} KiB (${r.boardHtmlGzipKiB} KiB gzip) |`,
);
const report = [
  '# Build benchmark',
  '',
  `Measured ${new Date().toISOString()} on ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, with \`npm run bench:build\`.`,
  'Targets for the large build: at most 90 s and 2.5 GB peak memory; /board/ HTML under 1 MB.',
  '',
  '| Build | Wall time | Peak memory (RSS) | HTML pages | dist/ | /board/ HTML |',
  '| --- | --- | --- | --- | --- | --- |',
  ...rows,
  '',
  `Large build within targets: ${large.seconds <= 90 && large.peakMiB <= 2560 && large.boardHtmlKiB < 1024 ? 'yes' : 'NO'}.`,
  '',
].join('\n');
await mkdir(dirname(values.out), { recursive: true });
await writeFile(values.out, report);
console.log(`\n${report}`);
