/**
 * npm run bench:sync — measures the board sync against a local GitHub stand-in (in a worker
 * thread, so its work is not counted as the sync's) holding 10,000 open risk issues over three
 * repositories: a full sync, then an incremental sync with nothing changed. Writes
 * test/bench-results/sync.md and prints it.
 */
import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMainThread, parentPort, Worker } from 'node:worker_threads';
import { resolveApiUrl } from '../src/lib/sync/api-url.ts';
import { createGraphqlClient } from '../src/lib/sync/client.ts';
import { parseConfig } from '../src/lib/sync/config.ts';
import { readSnapshot, writeSnapshot } from '../src/lib/sync/snapshot-file.ts';
import { syncBoard } from '../src/lib/sync/sync-board.ts';

const REPOS: Record<string, number> = {
  'acme/ml-platform': 5000,
  'acme/security-risks': 3000,
  'acme/llm-gateway': 2000,
};

if (!isMainThread) {
  const { startFakeGitHub } = await import('../test/fixtures/github/fake-github.ts');
  const { makeIssues, makeRepo } = await import('../test/fixtures/github/issues.ts');
  const repos = Object.entries(REPOS).map(([name, count]) =>
    makeRepo(name, makeIssues(count, { bodyBytes: 400 })),
  );
  const fake = await startFakeGitHub({ repos });
  parentPort!.postMessage({ url: fake.url, token: fake.token });
} else {
  const worker = new Worker(new URL(import.meta.url));
  const { url, token } = await new Promise<{ url: string; token: string }>((resolve) =>
    worker.once('message', resolve),
  );
  const dir = await mkdtemp(join(tmpdir(), 'tandem-bench-'));
  const snapshotPath = join(dir, 'snapshot.json');
  const config = parseConfig(
    `sources:\n${Object.keys(REPOS)
      .map((r) => `  - repo: ${r}`)
      .join('\n')}\n`,
    'bench sources.yaml',
  );
  const endpoint = resolveApiUrl(url);

  async function run(full: boolean) {
    const client = createGraphqlClient({
      token,
      endpoint,
      network: config.network,
      log: (m) => console.error(m),
    });
    const started = performance.now();
    const current = await readSnapshot(snapshotPath);
    const { snapshot, reports } = await syncBoard({
      client,
      config,
      previous: current.snapshot,
      apiUrl: endpoint.graphqlUrl,
      now: () => new Date(),
      full,
    });
    const file = await writeSnapshot(snapshotPath, snapshot, current);
    const ms = performance.now() - started;
    return {
      ms,
      file,
      items: snapshot.items.length,
      reports,
      ...client.stats,
      bytes: (await stat(snapshotPath)).size,
    };
  }

  const full = await run(true);
  const incremental = await run(false);
  await worker.terminate();
  await rm(dir, { recursive: true, force: true });

  const perSource = Object.entries(REPOS).map(([repo, n]) => {
    const requests = (r: typeof full) => r.reports.find((x) => x.repo === repo)!.pages;
    return `| ${repo} | ${n} | ${requests(full)} | ${Math.ceil(n / 100) + 1} | ${requests(incremental)} | 1 |`;
  });
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const report = [
    '# Board sync benchmark',
    '',
    `Local GitHub stand-in (GraphQL executed against GitHub's published schema, in a worker thread) with ${Object.values(REPOS).reduce((a, b) => a + b)} open risk issues over ${Object.keys(REPOS).length} repositories, default network settings (minIntervalMs ${config.network.minIntervalMs}). Node ${process.version}, ${new Date().toISOString().slice(0, 10)}.`,
    '',
    '| run | requests | rate-limit points | wall time | items | snapshot |',
    '| --- | ---: | ---: | ---: | ---: | --- |',
    `| full sync | ${full.requests} | ${full.points} | ${seconds(full.ms)} | ${full.items} | ${(full.bytes / 1_048_576).toFixed(2)} MiB, ${full.file} |`,
    `| incremental, nothing changed | ${incremental.requests} | ${incremental.points} | ${seconds(incremental.ms)} | ${incremental.items} | ${incremental.file} |`,
    '',
    '| source | issues | full requests | bound ceil(N/100)+1 | incremental requests | bound |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...perSource,
    '',
    `Targets: full ≤ ceil(N/100)+1 requests per source (${full.reports.every((r) => r.pages <= Math.ceil(REPOS[r.repo]! / 100) + 1) ? 'met' : 'MISSED'}); no-change incremental 1 request per source (${incremental.reports.every((r) => r.pages === 1) ? 'met' : 'MISSED'}) and under 3 s (${incremental.ms < 3000 ? 'met' : 'MISSED'}).`,
    '',
  ].join('\n');
  await mkdir('test/bench-results', { recursive: true });
  await writeFile('test/bench-results/sync.md', report);
  process.stdout.write(report);
}
