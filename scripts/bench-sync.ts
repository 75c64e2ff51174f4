/**
 * npm run bench:sync — measures the board sync against local GitHub stand-ins (in a worker
 * thread, so their work is not counted as the sync's):
 * - three repository sources holding 10,000 open risk issues: a full sync, then an incremental
 *   sync with nothing changed;
 * - one organisation source of 2,000 repositories and 100,000 issues: a full sync, a re-sync with
 *   nothing changed and one after changes in five repositories, each against the request budget.
 * Writes test/bench-results/sync.md and prints it.
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

/** The organisation: 2,000 repositories, 100,000 issues, unevenly spread as in real ones. */
const ORG = 'bigorg';
const ORG_REPOS = 2000;
/** Issues per repository by rank: a few registers, many small repositories, many with none. */
const orgIssues = (i: number) => (i < 20 ? 1500 : i < 220 ? 250 : i < 1220 ? 20 : 0);
/** Every 10th repository is private and every 33rd archived: not read, as by default. */
const orgVisibility = (i: number) => (i % 10 === 3 ? 'PRIVATE' : 'PUBLIC');
const orgArchived = (i: number) => i % 33 === 5;
const orgRepoName = (i: number) =>
  `${ORG}/${i % 4 === 0 ? 'ml' : i % 4 === 1 ? 'fraud' : i % 4 === 2 ? 'data' : 'svc'}-${String(i).padStart(4, '0')}`;

if (!isMainThread) {
  const { startFakeGitHub } = await import('../test/fixtures/github/fake-github.ts');
  const { label, makeIssues, makeRepo } = await import('../test/fixtures/github/issues.ts');
  const repos = Object.entries(REPOS).map(([name, count]) =>
    makeRepo(name, makeIssues(count, { bodyBytes: 400 })),
  );
  const fake = await startFakeGitHub({ repos });
  const orgRepos = Array.from({ length: ORG_REPOS }, (_, i) => {
    const repo = makeRepo(
      orgRepoName(i),
      makeIssues(orgIssues(i), { unlabelledEvery: 10 }),
      orgVisibility(i),
    );
    repo.isArchived = orgArchived(i);
    return repo;
  });
  const org = await startFakeGitHub({ repos: orgRepos, token: fake.token });
  // An App installation's hourly budget on GitHub Enterprise Cloud; a personal token has 5,000.
  org.rateLimit.remaining = 15_000;
  parentPort!.on('message', (message: string) => {
    if (message !== 'change') return;
    // Five repositories change: a new risk, a closed one, a relabelled one in each.
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    for (const i of [0, 25, 230, 500, 1000]) {
      const repo = org.repos.get(orgRepoName(i).toLowerCase())!;
      const [first, second] = repo.issues;
      Object.assign(first!, { state: 'CLOSED', closedAt: now, closedBy: 'lead', updatedAt: now });
      second!.labels = [
        ...second!.labels.filter((l) => !l.name.startsWith('severity:')),
        label('severity:critical'),
      ];
      second!.updatedAt = now;
      repo.issues.push({
        ...first!,
        number: 90_000,
        state: 'OPEN',
        closedAt: null,
        createdAt: now,
        updatedAt: now,
      });
    }
    parentPort!.postMessage('changed');
  });
  parentPort!.postMessage({ url: fake.url, orgUrl: org.url, token: fake.token });
} else {
  const worker = new Worker(new URL(import.meta.url));
  const { url, orgUrl, token } = await new Promise<{ url: string; orgUrl: string; token: string }>(
    (resolve) => worker.once('message', resolve),
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

  async function run(full: boolean, setup = { config, endpoint, snapshotPath }) {
    const client = createGraphqlClient({
      credentials: { kind: 'token', token },
      owners: [],
      endpoint: setup.endpoint,
      network: setup.config.network,
      log: (m) => console.error(m),
    });
    const started = performance.now();
    const current = await readSnapshot(setup.snapshotPath);
    const { snapshot, reports } = await syncBoard({
      client,
      config: setup.config,
      previous: current.snapshot,
      apiUrl: setup.endpoint.graphqlUrl,
      now: () => new Date(),
      full,
    });
    const file = await writeSnapshot(setup.snapshotPath, snapshot, current);
    const ms = performance.now() - started;
    return {
      ms,
      file,
      items: snapshot.items.length,
      reports,
      ...client.stats,
      bytes: (await stat(setup.snapshotPath)).size,
    };
  }

  const full = await run(true);
  const incremental = await run(false);

  const orgSetup = {
    config: parseConfig(`sources:\n  - org: ${ORG}\n`, 'bench sources.yaml'),
    endpoint: resolveApiUrl(orgUrl),
    snapshotPath: join(dir, 'org-snapshot.json'),
  };
  console.error(`organisation: full sync of ${ORG_REPOS} repositories…`);
  const orgFull = await run(false, orgSetup);
  console.error('organisation: re-sync, nothing changed…');
  const orgSame = await run(false, orgSetup);
  worker.postMessage('change');
  await new Promise((resolve) => worker.once('message', resolve));
  console.error('organisation: re-sync after changes in five repositories…');
  const orgChanged = await run(false, orgSetup);
  await worker.terminate();
  await rm(dir, { recursive: true, force: true });

  const orgIssueTotal = Array.from({ length: ORG_REPOS }, (_, i) => orgIssues(i)).reduce(
    (a: number, b) => a + b,
    0,
  );
  const orgBudget = Math.ceil(ORG_REPOS / 100) + Math.ceil(orgFull.items / 100) + 10;
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  const orgRow = (name: string, r: typeof orgFull, bound: string) =>
    `| ${name} | ${r.requests} | ${bound} | ${r.points} | ${seconds(r.ms)} | ${r.items} | ${(r.bytes / 1_048_576).toFixed(1)} MiB, ${r.file} |`;

  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const perSource = Object.entries(REPOS).map(([repo, n]) => {
    const requests = (r: typeof full) => r.reports.find((x) => x.repo === repo)!.pages;
    return `| ${repo} | ${n} | ${requests(full)} | ${Math.ceil(n / 100) + 1} | ${requests(incremental)} | 1 |`;
  });
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
    '## An organisation source',
    '',
    `\`- org: ${ORG}\` with ${ORG_REPOS} repositories (${Array.from({ length: ORG_REPOS }, (_, i) => i).filter((i) => orgVisibility(i) !== 'PUBLIC').length} private, ${Array.from({ length: ORG_REPOS }, (_, i) => i).filter(orgArchived).length} archived, both skipped by default) and ${orgIssueTotal.toLocaleString('en')} issues: 20 repositories with 1,500 each (more than one search can list, so they are split by creation time), 200 with 250, 1,000 with 20, the rest none; one issue in ten has no selecting label. ${orgSetup.config.network.searchesPerRequest} searches a request, minIntervalMs ${orgSetup.config.network.minIntervalMs} (the throttling plugin's pacing is in the wall time). Requests are GraphQL requests; points are GitHub's rate-limit cost as the stand-in computes it from GitHub's documented formula.`,
    '',
    '| run | requests | budget | rate-limit points | wall time | items | snapshot |',
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |',
    orgRow('full sync', orgFull, `≤ ${orgBudget}`),
    orgRow('re-sync, nothing changed', orgSame, '≤ 3'),
    orgRow('re-sync, five repositories changed', orgChanged, '≤ 5'),
    '',
    `Budgets: full ≤ ceil(repositories/100) + ceil(items/100) + 10 = ${orgBudget} (${verdict(orgFull.requests <= orgBudget)}); no change ≤ 3 (${verdict(orgSame.requests <= 3)}); a handful changed ≤ 5 (${verdict(orgChanged.requests <= 5)}).`,
    '',
  ].join('\n');
  await mkdir('test/bench-results', { recursive: true });
  await writeFile('test/bench-results/sync.md', report);
  process.stdout.write(report);
}
