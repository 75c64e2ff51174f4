/**
 * Search benchmark: builds the search files for the real site and for a generated corpus of
 * 1,000 content pages and 10,000 board items, and reports their sizes (index, chunks,
 * fragments, what a first search fetches), query latency p50/p95/max over a fixed mixed query
 * set, the JavaScript a content page loads before any search intent (from a real
 * `astro build` in a throw-away copy) and, in throttled Chromium, the time to the first result
 * next to Pagefind's on the same built pages (scripts/lib/search-browser-bench.ts). Results go
 * to test/bench-results/search.md and stdout.
 *
 *   npm run bench:search [-- --pages 1000 --items 10000 --dist path/to/dist --skip-browser]
 *
 * The generated corpus is made of real sentences, headings and taxonomy entries from the
 * bundled content, plus made-up identifiers so the vocabulary grows with the corpus as real
 * text does; a corpus of a few repeated words would make the index look far smaller than it is.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import taxonomy from '../src/data/taxonomy.json' with { type: 'json' };
import { boardDocument } from '../src/lib/search/board-documents.ts';
import { buildSearch, type BuiltSearch } from '../src/lib/search/build-index.ts';
import { documentsFromSources } from '../src/lib/search/content-sources.ts';
import { SearchIndex, type SearchOptions } from '../src/lib/search/search-index.ts';
import { tagIds, tagText } from '../src/lib/search/tag-text.ts';
import { type DocType, type SearchDocument } from '../src/lib/search/types.ts';
import { random } from './lib/corpus.ts';
import { browserBenchMarkdown, runBrowserBench } from './lib/search-browser-bench.ts';
import { makeTempProject, projectRoot, runAstro } from './lib/temp-project.ts';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '1000' },
    items: { type: 'string', default: '10000' },
    dist: { type: 'string' },
    'skip-browser': { type: 'boolean', default: false },
    out: { type: 'string', default: 'test/bench-results/search.md' },
  },
});
const PAGES = Number(values.pages);
const ITEMS = Number(values.items);
const TARGET = { indexGzip: 0.75 * 1024 * 1024, p95: 2, max: 15, pageJs: 15 * 1024 };

/** The fixed mixed query set: topics, common words, half-typed words, typos, phrases, IDs, lunr syntax, markup. */
const QUERIES = [
  'poisoning',
  'encrypt data at rest',
  'HIPAA',
  'membership inference',
  'drift',
  'who owns incident response',
  'bias checklist',
  'prompt injection',
  'model supply chain',
  'least privilege',
  'differential privacy',
  'red team',
  'data',
  'model',
  'training data',
  'security',
  'risk',
  'monitoring dashboards',
  'access control for the feature store',
  'd',
  'da',
  'mo',
  'pro',
  'inj',
  'poiso',
  'encryp',
  'posioning',
  'membrship inferense',
  'encrpyt',
  'monitering',
  '"prompt injection"',
  '"training data" leak',
  'AML.T0051',
  'LLM01:2026',
  'ML02:2023',
  '*:^~+-"',
  '<img src=x onerror=alert(1)>',
  '*poison',
  'title:poison^10 ~2 +data -model',
  'how do we rotate keys for the model registry and the vector store',
];

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const ms = (n: number) => `${n.toFixed(2)} ms`;
const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;
const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
const median = (list: number[]) =>
  percentile(
    [...list].sort((a, b) => a - b),
    50,
  );
const status = (ok: boolean) => (ok ? 'met' : '**not met**');

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

// ---------------------------------------------------------------------------------------------
// Corpora

function readContent(dir: string) {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(mdx|yaml|json)$/.test(f))
    .map((f) => ({ path: f.split('\\').join('/'), text: readFileSync(join(dir, f), 'utf8') }));
}

function generateCorpus(real: SearchDocument[], pages: number, items: number, seed = 7) {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const some = <T>(list: readonly T[], n: number) => Array.from({ length: n }, () => pick(list));
  const sentences = real
    .flatMap((d) => (d.fields['body'] ?? '').split(/(?<=[.!?])\s+/))
    .filter((s) => s.length > 30);
  const headings = real.flatMap((d) => (d.fields['headings'] ?? '').split(' ; ')).filter(Boolean);
  const titleWords = real.flatMap((d) => d.title.split(/\s+/));
  const tags = Object.entries(taxonomy.schemes).flatMap(([scheme, s]) =>
    s.entries.map((e) => `${scheme}:${e.id}`),
  );
  // Made-up names (services, models, datasets, people): real text keeps adding words like these.
  const syllables = [
    'ka',
    'lo',
    'mi',
    'tran',
    'vex',
    'or',
    'zu',
    'pel',
    'dra',
    'ish',
    'qua',
    'nor',
    'sen',
    'tal',
    'bri',
    'cor',
  ];
  const names = Array.from(
    { length: 30_000 },
    (_, i) => `${some(syllables, 2 + (i % 3)).join('')}${i % 5 === 0 ? `-v${i % 40}` : ''}`,
  );
  const withNames = (text: string, n: number) => `${text} ${some(names, n).join(' ')}`;
  const LENGTH: Record<Exclude<DocType, 'board'>, [sentences: number, headings: number]> = {
    module: [90, 14],
    practice: [35, 6],
    checklist: [40, 12],
    term: [4, 0],
  };
  const types = [
    'module',
    'module',
    'module',
    'module',
    'practice',
    'practice',
    'practice',
    'checklist',
    'term',
    'term',
  ] as const;

  const content = Array.from({ length: pages }, (_, i): SearchDocument => {
    const type = types[i % types.length]!;
    const [n, h] = LENGTH[type];
    const title = `${some(titleWords, 3 + (i % 5)).join(' ')} ${pick(names)}`;
    const tagged = [...new Set(some(tags, 1 + (i % 8)))];
    const body = withNames(some(sentences, n).join(' '), Math.ceil(n / 6));
    return {
      type,
      title,
      url: `/generated/${type}/${i}/`,
      owner: pick(['security', 'data-science', 'shared'] as const),
      snippet: pick(sentences).slice(0, 220),
      fields: {
        title,
        headings: some(headings, h).join(' ; '),
        summary: some(sentences, 2).join(' '),
        tags: `${type} ; ${tagText(tagged)}`,
        body,
      },
      ids: tagIds(tagged),
      text: body,
    };
  });

  const labels = [
    'risk',
    'threat',
    'needs-triage',
    'llm',
    'privacy',
    'vendor',
    'blocked',
    'customer-facing',
    'pii',
    'tech-debt',
  ];
  const board = Array.from({ length: items }, (_, i) => {
    const words = some(
      [...titleWords, ...sentences.flatMap((s) => s.split(' ').slice(0, 3))],
      5 + (i % 6),
    ).join(' ');
    return boardDocument({
      key: `acme/${pick(['ml-platform', 'security-risks', 'data-lake', 'assistants'])}#${i + 1}`,
      title: rnd() < 0.4 ? `${words} in ${pick(names)}` : words,
      owner: pick(['security', 'data-science', 'shared', null] as const),
      severity: pick(['critical', 'high', 'medium', 'low', 'unrated'] as const),
      phases: [
        ...new Set(
          some(
            ['data', 'training', 'evaluation', 'deployment', 'monitoring', 'governance'] as const,
            1 + (i % 2),
          ),
        ),
      ],
      tags: [...new Set(some(tags, i % 4))],
      unknownTags: i % 97 === 0 ? ['atlas:AML.T9999'] : [],
      labels: some(labels, 1 + (i % 3)).map((name) => ({ name, color: 'cccccc' })),
      excerpt: withNames(some(sentences, 3).join(' '), 2).slice(0, 300),
    });
  });
  return { content, board };
}

// ---------------------------------------------------------------------------------------------
// Measurements

interface FileSizes {
  files: number;
  raw: number;
  gzip: number;
  largestGzip: number;
}

function fileSizes(values: readonly unknown[]): FileSizes {
  let raw = 0;
  let gzip = 0;
  let largestGzip = 0;
  for (const value of values) {
    const text = JSON.stringify(value);
    const g = gz(text);
    raw += Buffer.byteLength(text);
    gzip += g;
    largestGzip = Math.max(largestGzip, g);
  }
  return { files: values.length, raw, gzip, largestGzip };
}

function sizesOf(built: BuiltSearch) {
  const shards = (part: string) => built.shards.filter((s) => s.part === part).map((s) => s.shard);
  const content = fileSizes(shards('content'));
  const board = fileSizes(shards('board'));
  return {
    manifest: fileSizes([built.manifest]),
    content,
    board,
    index: content.gzip + board.gzip,
    chunks: fileSizes(built.chunks),
    fragments: fileSizes(built.fragments.map((f) => f.fragment)),
  };
}

/** Every shard through JSON and into one index, as Node tests load it; the browser loads only what a query needs. */
function loadAll(built: BuiltSearch): { index: SearchIndex; ms: number } {
  const files = built.shards.map((s) => ({ ...s, json: JSON.stringify(s.shard) }));
  const manifest = JSON.stringify(built.manifest);
  const [index, took] = time(() => {
    const index = new SearchIndex(JSON.parse(manifest));
    for (const f of files) index.add(f, JSON.parse(f.json));
    return index;
  });
  return { index, ms: took };
}

const postingCount = (built: BuiltSearch) =>
  built.shards.reduce((sum, s) => sum + s.shard.refs.reduce((n, r) => n + r.length, 0), 0);

/** What the header box fetches for its first query: manifest, the query's shards, the chunks of the results shown. */
function firstSearchBytes(built: BuiltSearch, index: SearchIndex, query: string, limit = 8) {
  const needed = index.needed(query);
  const shards = built.shards.filter((s) => needed.some((n) => n.part === s.part && n.key === s.key));
  const refs = index.search(query, { limit }).hits.map((h) => h.ref);
  const chunks = [...new Set(refs.map((r) => Math.floor(r / built.manifest.chunkSize)))];
  const bytes = fileSizes([
    built.manifest,
    ...shards.map((s) => s.shard),
    ...chunks.map((c) => built.chunks[c]),
  ]);
  return { files: bytes.files, gzip: bytes.gzip };
}

/** How the UI searches: the header box on every keystroke, the /search/ page per query. */
const MODES: Array<[label: string, options: SearchOptions]> = [
  ['header box (best 8)', { limit: 8 }],
  ['search page (best 20)', { limit: 20 }],
];

/** Every query once on a freshly loaded index (first runs), then five times more. */
function latencies(index: SearchIndex, options: SearchOptions) {
  // Start from a clean heap, so a collection of the benchmark's own garbage is not timed.
  (globalThis as { gc?: () => void }).gc?.();
  const run = (q: string) => time(() => index.search(q, options))[1];
  const cold = QUERIES.map((q) => ({ q, t: run(q) }));
  const warm: number[] = [];
  for (let r = 0; r < 5; r++) for (const q of QUERIES) warm.push(run(q));
  const all = [...cold.map((c) => c.t), ...warm].sort((a, b) => a - b);
  const coldSorted = cold.map((c) => c.t).sort((a, b) => a - b);
  return {
    p50: percentile(all, 50),
    p95: percentile(all, 95),
    max: all[all.length - 1]!,
    coldP95: percentile(coldSorted, 95),
    slowest: [...cold].sort((a, b) => b.t - a.t).slice(0, 3),
  };
}

// ---------------------------------------------------------------------------------------------
// JavaScript before intent

function jsBeforeIntent(dist: string, route: string) {
  const html = readFileSync(join(dist, route, 'index.html'), 'utf8');
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((m) => m[1]!)
    .join('\n');
  const seen = new Set<string>();
  const queue = [
    ...html.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1]!);
  let raw = Buffer.byteLength(inline);
  let gzipped = inline.trim() ? gz(inline) : 0;
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(join(dist, file));
    raw += text.length;
    gzipped += gz(text);
    // Static imports only (`import x from "./a.js"`, `import "./a.js"`); `import("./b.js")` waits for intent.
    for (const m of text
      .toString('utf8')
      .matchAll(/\bimport\s*(?:[\w$*{}\s,]+\s*from\s*)?["']([^"']+\.js)["']/g)) {
      queue.push(join(file, '..', m[1]!));
    }
  }
  return { raw, gzipped, files: [...seen] };
}

async function builtSite(): Promise<{ dist: string; dispose: () => Promise<void> }> {
  if (values.dist) return { dist: values.dist, dispose: async () => {} };
  process.stdout.write('Building the real site in a temporary copy… ');
  const project = await makeTempProject();
  const result = await runAstro(project.root, ['build']);
  if (result.code !== 0) throw new Error(`astro build failed:\n${result.output.slice(-3000)}`);
  console.log('done');
  return { dist: join(project.root, 'dist'), dispose: project.dispose };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const load = loadavg()[0]!.toFixed(2);
  const site = documentsFromSources(readContent(join(projectRoot, 'content')));
  const real = buildSearch(site);
  const realSizes = sizesOf(real);
  const realIndex = loadAll(real).index;
  const realLatency = MODES.map(([, o]) => latencies(realIndex, o));

  process.stdout.write(`Generating ${PAGES} pages and ${ITEMS} board items… `);
  const gen = generateCorpus(site.content, PAGES, ITEMS);
  const [generated, buildMs] = time(() => buildSearch({ ...gen, suggest: [] }));
  console.log('done');
  const genSizes = sizesOf(generated);
  const loads = Array.from({ length: 3 }, () => loadAll(generated));
  const genIndex = loads[0]!.index;
  const genLatency = MODES.map(([, o]) => latencies(genIndex, o));
  const first = ['poison', 'data', 'membership inference'].map((q) => ({
    q,
    real: firstSearchBytes(real, realIndex, q),
    generated: firstSearchBytes(generated, genIndex, q),
  }));
  const worst = Math.max(...genLatency.map((l) => l.max), ...realLatency.map((l) => l.max));
  const worstP95 = Math.max(...genLatency.map((l) => l.p95));

  const { dist, dispose } = await builtSite();
  const pages = [
    [
      'module page',
      readdirSync(join(dist, 'learn'), { recursive: true, encoding: 'utf8' })
        .filter((f) => /^[^/]+\/[^/]+\/index\.html$/.test(f))
        .map((f) => `learn/${f.replace(/index\.html$/, '')}`)[0]!,
    ],
    [
      'practice page',
      `practices/${readdirSync(join(dist, 'practices')).find((f) => !f.includes('.') && f !== 'area' && f !== 'phase' && f !== 'owner') ?? ''}/`,
    ],
    [
      'checklist page',
      `checklists/${readdirSync(join(dist, 'checklists')).find((f) => !f.includes('.')) ?? ''}/`,
    ],
    ['home page', ''],
  ] as const;
  const js = pages.map(([label, route]) => ({ label, route, ...jsBeforeIntent(dist, route) }));
  const searchChunk = readdirSync(join(dist, '_astro')).find((f) => f.startsWith('search-ui.'));
  const chunkBytes = searchChunk ? readFileSync(join(dist, '_astro', searchChunk)) : Buffer.alloc(0);
  await dispose();
  const worstJs = Math.max(...js.map((j) => j.gzipped));

  let browser = '## First result in throttled Chromium (Tandem vs Pagefind)\n\nSkipped (`--skip-browser`).';
  if (!values['skip-browser']) browser = browserBenchMarkdown(await runBrowserBench());

  const sizeRow = (label: string, s: ReturnType<typeof sizesOf>) =>
    (
      [
        ['manifest', s.manifest],
        ['content shards', s.content],
        ['board shards', s.board],
        ['document chunks', s.chunks],
        ['text fragments', s.fragments],
      ] as const
    ).map(
      ([what, f]) =>
        `| ${label} | ${what} | ${f.files} | ${kib(f.raw)} | ${kib(f.gzip)} | ${kib(f.largestGzip)} |`,
    );
  const report = [
    '# Search benchmark',
    '',
    `Measured ${new Date().toISOString()} on ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, 1-minute load average ${load} at the start, with \`npm run bench:search\`.`,
    'Timings on a shared machine vary from run to run; the figures are single runs unless a median is named.',
    '',
    '## Budgets in Node',
    '',
    `Generated corpus: ${PAGES} pages and ${ITEMS} board items (${PAGES + ITEMS} documents) of real sentences, headings and taxonomy tags from the bundled content plus made-up names, so the vocabulary grows as real text does.`,
    '',
    '| Budget | Target | Measured | |',
    '| --- | --- | --- | --- |',
    `| Index, ${PAGES + ITEMS} documents (every shard of both parts, gzip) | ≤ ${kib(TARGET.indexGzip)} | ${kib(genSizes.index)} | ${status(genSizes.index <= TARGET.indexGzip)} |`,
    ...MODES.map(
      ([label], i) =>
        `| Query latency p95, ${PAGES + ITEMS} documents, ${label} | ≤ ${ms(TARGET.p95)} | ${ms(genLatency[i]!.p95)} (first runs ${ms(genLatency[i]!.coldP95)}) | ${status(genLatency[i]!.p95 <= TARGET.p95)} |`,
    ),
    `| Slowest query, either corpus | ≤ ${ms(TARGET.max)} | ${ms(worst)} | ${status(worst <= TARGET.max)} |`,
    `| JavaScript before search intent, worst content page (gzip) | ≤ ${kib(TARGET.pageJs)} | ${kib(worstJs)} | ${status(worstJs <= TARGET.pageJs)} |`,
    '',
    `All budgets in Node met: ${worstP95 <= TARGET.p95 && worst <= TARGET.max && genSizes.index <= TARGET.indexGzip && worstJs <= TARGET.pageJs ? 'yes' : '**no**'}.`,
    '',
    `Where the index bytes go: ${postingCount(generated).toLocaleString('en')} postings (a term in a document) cost ${((genSizes.index * 8) / postingCount(generated)).toFixed(1)} bits each in gzip'd JSON, vocabulary included. Each posting stores its ref gap and its precomputed weight as decimal JSON numbers; a binary encoding (Rice-coded gaps, whose floor is about 4.5 bits here) with per-document length norms instead of per-posting weights is what would bring it under the target. The browser never fetches the whole index: a query fetches the shards of its words (see the first-search bytes below).`,
    '',
    browser,
    '',
    '## Files',
    '',
    'What ships under /search/: a manifest; term shards per part (every word starting with the same two letters, with its postings and precomputed weights); document chunks (title, URL, owner, summary of 20 documents); one text fragment per content page (for snippets around the match). A query fetches the manifest, the shards of its words and the chunks of the results it shows.',
    '',
    '| Corpus | Files | Count | Raw | Gzip | Largest file, gzip |',
    '| --- | --- | --- | --- | --- | --- |',
    ...sizeRow('real site', realSizes),
    ...sizeRow('generated', genSizes),
    '',
    `Search code loaded on intent (${searchChunk ?? 'not found'}): ${kib(chunkBytes.length)} raw, ${kib(gz(chunkBytes))} gzip.`,
    '',
    'Bytes of a first search from the header box (manifest, shards, chunks of the 8 results shown; gzip, as computed here, without HTTP overhead):',
    '',
    '| Query | Real site | Generated |',
    '| --- | --- | --- |',
    ...first.map(
      (f) =>
        `| \`${f.q}\` | ${kib(f.real.gzip)} in ${f.real.files} files | ${kib(f.generated.gzip)} in ${f.generated.files} files |`,
    ),
    '',
    `Building the generated index took ${(buildMs / 1000).toFixed(1)} s; loading every shard of it (JSON.parse and decoding into typed arrays) ${ms(median(loads.map((l) => l.ms)))} (median of 3). The browser never loads all of them.`,
    '',
    '## Query latency',
    '',
    `${QUERIES.length} queries (\`QUERIES\` in scripts/bench-search.ts: topics, common words, one- to five-letter prefixes, typos, phrases, taxonomy IDs, lunr syntax, markup, a long question), each run once on a freshly loaded index (first runs) and then five more times. Times are for the whole \`SearchIndex#search\` as the UI calls it: parse, expand words (completions, typos), score postings, pick the best. Wall-clock, so on a busy machine they include waiting for the CPU.`,
    '',
    '| Index | Search | p50 | p95 | Max | First-run p95 | Slowest first runs |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...(
      [
        ['real site', realLatency],
        [`generated (${PAGES + ITEMS})`, genLatency],
      ] as const
    ).flatMap(([label, modes]) =>
      MODES.map(
        ([mode], i) =>
          `| ${label} | ${mode} | ${ms(modes[i]!.p50)} | ${ms(modes[i]!.p95)} | ${ms(modes[i]!.max)} | ${ms(modes[i]!.coldP95)} | ${modes[i]!.slowest.map((s) => `\`${s.q}\` ${ms(s.t)}`).join(', ')} |`,
      ),
    ),
    '',
    '## JavaScript before search intent',
    '',
    'Everything a page loads before the reader focuses the search box, points at it, presses "/" or opens /search/: inline scripts plus module scripts and their static imports (gzip, level 9).',
    '',
    '| Page | Raw | Gzip | Files |',
    '| --- | --- | --- | --- |',
    ...js.map(
      (j) =>
        `| ${j.label} (/${j.route}) | ${kib(j.raw)} | ${kib(j.gzipped)} | ${j.files.map((f) => f.split('/').pop()).join(', ')} |`,
    ),
    '',
  ].join('\n');
  writeFileSync(values.out, report);
  console.log(report);
}

await main();
