/**
 * Search benchmark (issue 7): builds the search indexes for the real site and for a generated
 * corpus of 1,000 content pages and 10,000 board items, and reports index bytes (raw and
 * gzip, per document type), load time (JSON.parse + loading the index), query latency p50/p95
 * over a fixed mixed query set, and the JavaScript a content page loads before any search
 * intent (from a real `astro build` in a throw-away copy). Results go to
 * test/bench-results/search.md and stdout.
 *
 *   npm run bench:search [-- --pages 1000 --items 10000 --dist path/to/dist]
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
import lunr from 'lunr';
import taxonomy from '../src/data/taxonomy.json' with { type: 'json' };
import { boardDocument } from '../src/lib/search/board-documents.ts';
import {
  BOARD_FIELDS,
  buildLunr,
  buildSearchIndex,
  CONTENT_FIELDS,
  type FieldBoosts,
} from '../src/lib/search/build-index.ts';
import { documentsFromSources } from '../src/lib/search/content-sources.ts';
import { loadSearchIndex, type LoadedIndex } from '../src/lib/search/load-index.ts';
import { search, type SearchOptions } from '../src/lib/search/search.ts';
import { tagText } from '../src/lib/search/tag-text.ts';
import { DOC_TYPES, type DocType, type SearchDocument } from '../src/lib/search/types.ts';
import { random } from './lib/corpus.ts';
import { makeTempProject, projectRoot, runAstro } from './lib/temp-project.ts';

const { values } = parseArgs({
  options: {
    pages: { type: 'string', default: '1000' },
    items: { type: 'string', default: '10000' },
    dist: { type: 'string' },
    out: { type: 'string', default: 'test/bench-results/search.md' },
  },
});
const PAGES = Number(values.pages);
const ITEMS = Number(values.items);
const TARGET = { boardGzipPer1000: 70 * 1024, p95: 2, max: 30, load10k: 150, pageJs: 15 * 1024 };

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
        tags: `${type} ; ${tagText([...new Set(some(tags, 1 + (i % 8)))])}`,
        body: withNames(some(sentences, n).join(' '), Math.ceil(n / 6)),
      },
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

interface Sizes {
  docs: number;
  indexRaw: number;
  indexGzip: number;
  storeRaw: number;
  storeGzip: number;
}

function sizes(
  docs: SearchDocument[],
  fields: FieldBoosts,
  suggest: string[] = [],
): { sizes: Sizes; json: string } {
  const file = buildSearchIndex(docs, fields, suggest);
  const index = JSON.stringify(file.index);
  const store = JSON.stringify({ docs: file.docs, suggestions: file.suggestions });
  return {
    sizes: {
      docs: docs.length,
      indexRaw: index.length,
      indexGzip: gz(index),
      storeRaw: store.length,
      storeGzip: gz(store),
    },
    json: JSON.stringify(file),
  };
}

function sizeRows(label: string, docs: SearchDocument[], fields: FieldBoosts) {
  const rows: string[] = [];
  for (const type of DOC_TYPES) {
    const subset = docs.filter((d) => d.type === type);
    if (!subset.length) continue;
    const s = sizes(subset, fields).sizes;
    rows.push(
      `| ${label} | ${type} | ${s.docs} | ${kib(s.indexRaw)} | ${kib(s.indexGzip)} | ${kib(s.storeRaw)} | ${kib(s.storeGzip)} |`,
    );
  }
  return rows;
}

/** lunr's own JSON, and with term positions, for comparison with what ships. */
function alternatives(docs: SearchDocument[], fields: FieldBoosts) {
  const plain = JSON.stringify(buildLunr(docs, fields).build().toJSON());
  const positions = JSON.stringify(buildLunr(docs, fields, ['position']).build().toJSON());
  return { plainGzip: gz(plain), positionsGzip: gz(positions), plain };
}

function loadTimes(json: string, runs = 7) {
  const times: number[] = [];
  let loaded!: LoadedIndex;
  for (let i = 0; i < runs; i++) [loaded, times[i]] = time(() => loadSearchIndex(JSON.parse(json)));
  return { first: times[0]!, median: median(times), loaded };
}

function eagerLoadTimes(lunrJson: string, runs = 3) {
  const times = Array.from({ length: runs }, () => time(() => lunr.Index.load(JSON.parse(lunrJson)))[1]);
  return { first: times[0]!, median: median(times) };
}

/** How the UI searches: the header box on every keystroke, the /search/ page per query. */
const MODES: Array<[label: string, options: SearchOptions]> = [
  ['header box (best 8)', { limit: 8 }],
  ['search page (best 10 per type)', { perType: 10 }],
];

/** Every query once on freshly loaded indexes (cold: lunr's posting objects are made on first use), then five times warm. */
function latencies(load: () => LoadedIndex[], options: SearchOptions) {
  const indexes = load();
  // Start from a clean heap, so a collection of the benchmark's own garbage is not timed.
  (globalThis as { gc?: () => void }).gc?.();
  const run = (q: string) => time(() => search(indexes, q, options))[1];
  const cold = QUERIES.map((q) => ({ q, t: run(q) }));
  const warm: number[] = [];
  for (let r = 0; r < 5; r++) for (const q of QUERIES) warm.push(run(q));
  const all = [...cold.map((c) => c.t), ...warm].sort((a, b) => a - b);
  const coldSorted = cold.map((c) => c.t).sort((a, b) => a - b);
  const slowest = [...cold].sort((a, b) => b.t - a.t).slice(0, 3);
  return {
    p50: percentile(all, 50),
    p95: percentile(all, 95),
    max: all[all.length - 1]!,
    coldP50: percentile(coldSorted, 50),
    coldP95: percentile(coldSorted, 95),
    warmP95: percentile(
      [...warm].sort((a, b) => a - b),
      95,
    ),
    slowest,
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

/** Sizes of the generated corpus; only the serialised files outlive it, so the latency runs see a small heap. */
function measureGenerated(real: SearchDocument[]) {
  process.stdout.write(`Generating ${PAGES} pages and ${ITEMS} board items… `);
  const gen = generateCorpus(real, PAGES, ITEMS);
  console.log('done');
  const [genContent, contentBuild] = time(() => sizes(gen.content, CONTENT_FIELDS));
  const [genBoard, boardBuild] = time(() => sizes(gen.board, BOARD_FIELDS));
  const alt = alternatives(gen.board, BOARD_FIELDS);
  return {
    genContent,
    genBoard,
    board1k: sizes(gen.board.slice(0, 1000), BOARD_FIELDS).sizes,
    boardAlt: { plainGzip: alt.plainGzip, positionsGzip: alt.positionsGzip },
    boardLunrJson: alt.plain,
    contentBuild,
    boardBuild,
    typeRows: [
      ...sizeRows('generated', gen.content, CONTENT_FIELDS),
      ...sizeRows('generated', gen.board, BOARD_FIELDS),
    ],
  };
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const load = loadavg()[0]!.toFixed(2);
  const site = documentsFromSources(readContent(join(projectRoot, 'content')));
  const realContent = sizes(site.content, CONTENT_FIELDS, site.suggest);
  const realBoard = sizes(site.board, BOARD_FIELDS);
  const realLatency = MODES.map(([, o]) =>
    latencies(
      () => [loadSearchIndex(JSON.parse(realContent.json)), loadSearchIndex(JSON.parse(realBoard.json))],
      o,
    ),
  );

  const generated = measureGenerated(site.content);
  const { genContent, genBoard, board1k, boardAlt, contentBuild, boardBuild, typeRows } = generated;
  const contentLoad = loadTimes(genContent.json);
  const boardLoad = loadTimes(genBoard.json);
  const boardEager = eagerLoadTimes(generated.boardLunrJson);
  generated.boardLunrJson = '';
  const genLatency = MODES.map(([, o]) =>
    latencies(
      () => [loadSearchIndex(JSON.parse(genContent.json)), loadSearchIndex(JSON.parse(genBoard.json))],
      o,
    ),
  );
  const boardOnly = MODES.map(([, o]) => latencies(() => [loadSearchIndex(JSON.parse(genBoard.json))], o));
  const worst = { max: Math.max(...genLatency.map((l) => l.max), ...boardOnly.map((l) => l.max)) };

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
  const shipped = ['content.json', 'board.json'].map((f) => {
    const bytes = readFileSync(join(dist, 'search', f));
    return `| /search/${f} | ${kib(bytes.length)} | ${kib(gz(bytes))} |`;
  });
  await dispose();

  const boardPer1000 = (genBoard.sizes.indexGzip / ITEMS) * 1000;
  const boardStorePer1000 = (genBoard.sizes.storeGzip / ITEMS) * 1000;
  const worstJs = Math.max(...js.map((j) => j.gzipped));
  const sizeHeader = [
    '| Corpus | Type | Documents | Index raw | Index gzip | Store raw | Store gzip |',
    '| --- | --- | --- | --- | --- | --- | --- |',
  ];
  const report = [
    '# Search benchmark',
    '',
    `Measured ${new Date().toISOString()} on ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, 1-minute load average ${load} at the start, with \`npm run bench:search\`.`,
    'Timings on a shared machine vary from run to run; the figures are single runs, load times the median of seven.',
    '',
    '## Budgets',
    '',
    '| Budget | Target | Measured | |',
    '| --- | --- | --- | --- |',
    `| Board index per 1,000 items (gzip) | ≤ ${kib(TARGET.boardGzipPer1000)} | ${kib(boardPer1000)} at ${ITEMS} items, ${kib(board1k.indexGzip)} at 1,000 (document store: ${kib(boardStorePer1000)} more) | ${status(boardPer1000 <= TARGET.boardGzipPer1000 && board1k.indexGzip <= TARGET.boardGzipPer1000)} |`,
    ...(
      [
        [`${ITEMS} board items (board index alone)`, boardOnly],
        [`${ITEMS} board items + ${PAGES} pages (both indexes, as the site searches)`, genLatency],
      ] as const
    ).flatMap(([corpus, modes]) =>
      MODES.map(
        ([label], i) =>
          `| Query latency p95, ${corpus}, ${label} | ≤ ${ms(TARGET.p95)} | ${ms(modes[i]!.p95)} (first runs ${ms(modes[i]!.coldP95)}, repeats ${ms(modes[i]!.warmP95)}) | ${status(modes[i]!.p95 <= TARGET.p95)} |`,
      ),
    ),
    `| Slowest query, either corpus | ≤ ${ms(TARGET.max)} | ${ms(worst.max)} | ${status(worst.max <= TARGET.max)} |`,
    `| Index load, ${ITEMS} board items (parse + load, median) | ≤ ${ms(TARGET.load10k)} | ${ms(boardLoad.median)} (first run ${ms(boardLoad.first)}) | ${status(boardLoad.median <= TARGET.load10k)} |`,
    `| JavaScript before search intent, worst content page (gzip) | ≤ ${kib(TARGET.pageJs)} | ${kib(worstJs)} | ${status(worstJs <= TARGET.pageJs)} |`,
    '',
    '## Index size',
    '',
    'What ships: one file for content pages, one for the board; each holds the index (a compact, lossless encoding of `lunr.Index.toJSON()`) and the document store (type, title, URL, owner, snippet).',
    '',
    '| Corpus | File | Documents | Index raw | Index gzip | Store raw | Store gzip |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...(
      [
        ['real site', 'content', realContent.sizes],
        ['real site', 'board', realBoard.sizes],
        ['generated', 'content', genContent.sizes],
        ['generated', 'board', genBoard.sizes],
        ['generated', 'board, first 1,000 items', board1k],
      ] as const
    ).map(
      ([corpus, file, s]) =>
        `| ${corpus} | ${file} | ${s.docs} | ${kib(s.indexRaw)} | ${kib(s.indexGzip)} | ${kib(s.storeRaw)} | ${kib(s.storeGzip)} |`,
    ),
    '',
    'Per document type (each type indexed on its own, so the rows show what each type costs):',
    '',
    ...sizeHeader,
    ...sizeRows('real site', site.content, CONTENT_FIELDS),
    ...sizeRows('real site', site.board, BOARD_FIELDS),
    ...typeRows,
    '',
    `For comparison, the ${ITEMS}-item board as lunr's own JSON: ${kib(boardAlt.plainGzip)} gzip (shipped encoding: ${kib(genBoard.sizes.indexGzip)}); with term positions (\`metadataWhitelist: ['position']\`, needed for exact phrase matching and highlighting from the index): ${kib(boardAlt.positionsGzip)} gzip. Positions are left out: the highlighter re-finds words in the short snippets instead, and phrases require all their words.`,
    '',
    'Files of the built real site:',
    '',
    '| File | Raw | Gzip |',
    '| --- | --- | --- |',
    ...shipped,
    '',
    '## Load time',
    '',
    '| Index | Documents | First run | Median of 7 |',
    '| --- | --- | --- | --- |',
    `| generated content | ${PAGES} | ${ms(contentLoad.first)} | ${ms(contentLoad.median)} |`,
    `| generated board | ${ITEMS} | ${ms(boardLoad.first)} | ${ms(boardLoad.median)} |`,
    `| generated board, lunr JSON + \`lunr.Index.load\` (not shipped) | ${ITEMS} | ${ms(boardEager.first)} | ${ms(boardEager.median)} |`,
    '',
    `Building the generated indexes took ${(contentBuild / 1000).toFixed(1)} s (content) and ${(boardBuild / 1000).toFixed(1)} s (board).`,
    '',
    '## Query latency',
    '',
    `${QUERIES.length} queries (\`QUERIES\` in scripts/bench-search.ts: topics, common words, one- to five-letter prefixes, typos, phrases, taxonomy IDs, lunr syntax, markup, a long question), each run once on freshly loaded indexes (first run) and then five more times. Times are for the whole \`search()\` as the UI calls it: parse, plan, pick candidates from the typed-array postings, lunr query over the candidates, merge. The real site is measured first, so its first query also pays for compiling the search code. Times are wall-clock, so on a busy machine they include waiting for the CPU; the load average above says how busy it was.`,
    '',
    '| Indexes | Search | p50 | p95 | Max | First-run p50 | First-run p95 | Slowest first runs |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...(
      [
        ['real site (content + board)', realLatency],
        [`generated content (${PAGES}) + board (${ITEMS})`, genLatency],
        [`generated board only (${ITEMS})`, boardOnly],
      ] as const
    ).flatMap(([label, modes]) =>
      modes.map(
        (l, i) =>
          `| ${label} | ${MODES[i]![0]} | ${ms(l.p50)} | ${ms(l.p95)} | ${ms(l.max)} | ${ms(l.coldP50)} | ${ms(l.coldP95)} | ${l.slowest.map((s) => `\`${s.q}\` ${ms(s.t)}`).join(', ')} |`,
      ),
    ),
    '',
    '## JavaScript before search intent',
    '',
    'Everything a page loads before the reader focuses the search box, presses "/" or opens /search/: inline scripts plus module scripts and their static imports (gzip, level 9). The search code itself is a separate chunk fetched on intent.',
    '',
    '| Page | Raw | Gzip | Files |',
    '| --- | --- | --- | --- |',
    ...js.map(
      (j) =>
        `| ${j.label} (/${j.route}) | ${kib(j.raw)} | ${kib(j.gzipped)} | ${j.files.map((f) => f.replace(/^\/_astro\//, '')).join(', ')} |`,
    ),
    `| search chunk, on intent (${searchChunk}) | ${kib(chunkBytes.length)} | ${kib(gz(chunkBytes))} | |`,
    '',
  ].join('\n');
  writeFileSync(join(projectRoot, values.out), report);
  console.log(`\n${report}\nWritten to ${values.out}`);
}

await main();
