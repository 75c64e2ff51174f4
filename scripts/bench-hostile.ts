/**
 * npm run bench:hostile — what hostile issues cost. The same calm board (ordinary risks over
 * three repositories) is synced and built three times: alone; with every hostile case added (the
 * XSS payloads in two repositories and the resilience cases in a third); and with as many
 * ordinary issues added instead (benign twins), which tells what the hostile content costs
 * beyond its number of issues. The sync runs as the
 * CLI (`scripts/sync.ts`) against the local GitHub stand-in, which lives in a worker thread so
 * its work is not counted; the build is `astro build`. Both run under GNU time for wall time and
 * peak memory, each several times (the median is reported). Writes test/bench-results/hostile.md.
 *
 *   npm run bench:hostile [-- --calm 1500 --runs 3]
 */
import { spawn } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { makeTempProject, projectRoot } from './lib/temp-project.ts';

const CALM = ['calm/ml-platform', 'calm/security-risks', 'calm/llm-gateway'];
const HOSTILE = ['evil/markdown', 'evil/html', 'evil/resilience'];
const TWINS = ['twin/markdown', 'twin/html', 'twin/resilience'];

if (!isMainThread) {
  const { startFakeGitHub } = await import('../test/fixtures/github/fake-github.ts');
  const { hostileRepos } = await import('../test/fixtures/hostile/issues.ts');
  const { calmRepoOfSize, resilienceRepo } = await import('../test/fixtures/hostile/resilience.ts');
  const per = Math.ceil((workerData as { calm: number }).calm / CALM.length);
  const hostile = [...hostileRepos(), resilienceRepo()];
  // Same number of issues per repository as the hostile ones, all open like them.
  const twins = hostile.map((repo, i) => {
    const twin = calmRepoOfSize(repo.issues.length * 2, TWINS[i]);
    return {
      ...twin,
      issues: twin.issues.filter((issue) => issue.state === 'OPEN').slice(0, repo.issues.length),
    };
  });
  const repos = [...CALM.map((name) => calmRepoOfSize(per, name)), ...hostile, ...twins];
  const fake = await startFakeGitHub({ repos });
  parentPort!.postMessage({ url: fake.url, token: fake.token });
} else {
  const { values } = parseArgs({
    options: {
      calm: { type: 'string', default: '1500' },
      runs: { type: 'string', default: '3' },
      out: { type: 'string', default: 'test/bench-results/hostile.md' },
    },
  });
  const runs = Number(values.runs);
  const worker = new Worker(new URL(import.meta.url), { workerData: { calm: Number(values.calm) } });
  const fake = await new Promise<{ url: string; token: string }>((resolve) =>
    worker.once('message', resolve),
  );
  const node = join(projectRoot, 'node_modules', '.bin', 'node');

  /** One command under GNU time: wall seconds and peak resident memory of the process. */
  const timed = (args: string[], cwd: string) =>
    new Promise<{ seconds: number; peakMiB: number; code: number; output: string }>((resolve, reject) => {
      const child = spawn('/usr/bin/time', ['-f', 'TIME %e %M', node, ...args], {
        cwd,
        env: {
          ...process.env,
          GITHUB_TOKEN: fake.token,
          GITHUB_API_URL: fake.url,
          ASTRO_TELEMETRY_DISABLED: '1',
          NO_COLOR: '1',
        },
      });
      let output = '';
      child.stdout.on('data', (d) => (output += d));
      child.stderr.on('data', (d) => (output += d));
      child.on('error', reject);
      child.on('close', (code) => {
        const match = /TIME ([\d.]+) (\d+)/.exec(output);
        if (!match) return reject(new Error(`no timing (exit ${code}):\n${output.slice(-2000)}`));
        resolve({ seconds: Number(match[1]), peakMiB: Number(match[2]) / 1024, code: code ?? 1, output });
      });
    });

  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

  interface Measured {
    label: string;
    items: number;
    snapshotKiB: number;
    syncSeconds: number;
    syncPeakMiB: number;
    syncExit: number;
    buildSeconds: number;
    buildPeakMiB: number;
  }

  async function measure(label: string, repos: string[]): Promise<Measured> {
    const content = await mkdtemp(join(tmpdir(), 'tandem-bench-hostile-'));
    await cp(join(projectRoot, 'content'), content, { recursive: true });
    const board = join(content, 'board');
    const config = join(board, 'sources.yaml');
    const snapshot = join(board, 'snapshot.json');
    const network = 'network:\n  minIntervalMs: 0\n  retries: 0\n  timeoutMs: 60000\n';
    await writeFile(config, `sources:\n${repos.map((r) => `  - repo: ${r}`).join('\n')}\n${network}`);
    const syncs = [];
    for (let i = 0; i < runs; i += 1) {
      await rm(snapshot, { force: true });
      process.stdout.write(`${label}: sync ${i + 1}/${runs}… `);
      const run = await timed(
        [join(projectRoot, 'scripts', 'sync.ts'), '--config', config, '--snapshot', snapshot, '--full'],
        projectRoot,
      );
      if (run.code !== 0 && run.code !== 2)
        throw new Error(`sync failed (${run.code}):\n${run.output.slice(-3000)}`);
      console.log(`${run.seconds} s, ${Math.round(run.peakMiB)} MiB`);
      syncs.push(run);
    }
    const items = JSON.parse(await readFile(snapshot, 'utf8')).items.length;
    const snapshotKiB = Math.round((await stat(snapshot)).size / 1024);
    const project = await makeTempProject(content);
    await rm(content, { recursive: true, force: true });
    const builds = [];
    try {
      const astro = join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');
      for (let i = 0; i < runs; i += 1) {
        process.stdout.write(`${label}: build ${i + 1}/${runs}… `);
        const run = await timed([astro, 'build'], project.root);
        if (run.code !== 0) throw new Error(`build failed:\n${run.output.slice(-3000)}`);
        console.log(`${run.seconds} s, ${Math.round(run.peakMiB)} MiB`);
        builds.push(run);
        await rm(join(project.root, 'dist'), { recursive: true, force: true });
      }
    } finally {
      await project.dispose();
    }
    return {
      label,
      items,
      snapshotKiB,
      syncSeconds: median(syncs.map((r) => r.seconds)),
      syncPeakMiB: median(syncs.map((r) => r.peakMiB)),
      syncExit: syncs[0]!.code,
      buildSeconds: median(builds.map((r) => r.seconds)),
      buildPeakMiB: median(builds.map((r) => r.peakMiB)),
    };
  }

  const calm = await measure('calm', CALM);
  const hostile = await measure('calm + hostile', [...CALM, ...HOSTILE]);
  const twin = await measure('calm + benign twins', [...CALM, ...TWINS]);
  await worker.terminate();

  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  const ratiosTo = (base: Measured) => ({
    syncTime: ratio(hostile.syncSeconds, base.syncSeconds),
    syncMemory: ratio(hostile.syncPeakMiB, base.syncPeakMiB),
    buildTime: ratio(hostile.buildSeconds, base.buildSeconds),
    buildMemory: ratio(hostile.buildPeakMiB, base.buildPeakMiB),
  });
  const line = (name: string, r: ReturnType<typeof ratiosTo>) =>
    `Hostile ÷ ${name}: sync time ${r.syncTime}×, sync memory ${r.syncMemory}×, build time ${r.buildTime}×, build memory ${r.buildMemory}×. Within 2×: ${Object.values(r).every((x) => x <= 2) ? 'yes' : 'NO'}.`;
  const row = (m: Measured) =>
    `| ${m.label} | ${m.items} | ${m.snapshotKiB} KiB | ${m.syncSeconds} s | ${Math.round(m.syncPeakMiB)} MiB | ${m.syncExit} | ${m.buildSeconds} s | ${Math.round(m.buildPeakMiB)} MiB |`;
  const report = [
    '# Hostile-input benchmark',
    '',
    `Measured ${new Date().toISOString()} on ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, with \`npm run bench:hostile\` (median of ${runs} runs each; wall time and peak RSS from GNU time).`,
    `The calm board is ${values.calm} ordinary issues over ${CALM.length} repositories; the hostile run adds every XSS payload (two repositories) and every resilience case (test/fixtures/hostile/resilience.ts); the twin run adds as many ordinary open issues instead. Target: hostile within 2× of calm for sync and build time and peak memory. On a much smaller calm board the hostile issues outnumber the calm ones, and the hostile ÷ twins ratio is the one that says what hostile content costs (for 60 calm issues: sync time 0.98×, memory 1.6× of the twins; 2.8× and 1.55× of the calm board alone).`,
    '',
    '| Fixture | Items | Snapshot | Sync wall | Sync peak | Sync exit | Build wall | Build peak |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    row(calm),
    row(hostile),
    row(twin),
    '',
    line('calm (the hostile cases removed)', ratiosTo(calm)),
    '',
    line('benign twins (as many ordinary issues instead)', ratiosTo(twin)),
    '',
  ].join('\n');
  await mkdir(dirname(values.out), { recursive: true });
  await writeFile(values.out, report);
  console.log(`\n${report}`);
}
