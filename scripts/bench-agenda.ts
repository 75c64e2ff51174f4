/**
 * Agenda benchmark: the agenda's share of the build for a 10,000-item board (plus 1,000 closed
 * items and their recorded changes). Times everything the build does for /sync/, agenda.md and
 * agenda.json — the data, the agenda, its view, the Markdown and the JSON — and the browser's
 * recomputation for another date. Results go to test/bench-results/agenda.md.
 *
 *   npm run bench:agenda [-- --items 10000 --runs 15]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { agendaData, agendaFor } from '../src/lib/board/agenda-data.ts';
import { parseDay, type GuidancePage } from '../src/lib/board/agenda.ts';
import { agendaMarkdown } from '../src/lib/board/agenda-markdown.ts';
import { snapshotSchema } from '../src/schemas/snapshot.ts';
import { generateSnapshot } from './lib/corpus.ts';
import { projectRoot } from './lib/temp-project.ts';

const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '10000' },
    runs: { type: 'string', default: '15' },
    out: { type: 'string', default: 'test/bench-results/agenda.md' },
  },
});
const count = Number(values.items);
const runs = Number(values.runs);
const TARGET_MS = 1000;

// As the build reads it: the snapshot through its schema.
const snapshot = snapshotSchema.parse(generateSnapshot(count + Math.floor(count / 9)));
const guidance: GuidancePage[] = Array.from({ length: 60 }, (_, i) => ({
  type: (['module', 'practice', 'checklist'] as const)[i % 3]!,
  title: `Guidance page ${i + 1}`,
  url: `/practices/page-${i + 1}/`,
  owner: (['security', 'data-science', 'shared'] as const)[i % 3]!,
  lastReviewed: `2026-${String(1 + (i % 11)).padStart(2, '0')}-15`,
}));
const absolute = (href: string) => new URL(href, 'https://risks.tandem.test/').href;

/** What one build does: data once, the page's view, the Markdown file and the JSON file. */
function buildShare() {
  const data = agendaData(snapshot, guidance, new Date());
  const since = parseDay(data.defaultSince)!;
  const page = agendaFor(data, since).view;
  const markdown = agendaMarkdown(agendaFor(data, since).view, { sample: false, absolute });
  const json = JSON.stringify(data);
  return { page, markdown, json };
}

/** What the browser does when the reader picks another date (data already loaded). */
function recompute(json: string) {
  const data = JSON.parse(json) as ReturnType<typeof agendaData>;
  return agendaFor(data, parseDay('2026-10-01')!).view;
}

function median(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(fn: () => unknown): number[] {
  fn(); // warm-up
  return Array.from({ length: runs }, () => {
    const start = performance.now();
    fn();
    return performance.now() - start;
  });
}

const share = time(buildShare);
const { json, markdown, page } = buildShare();
const browser = time(() => recompute(json));
const listed = page.sections.reduce((n, s) => n + s.lines.length, 0);
const row = (label: string, samples: number[]) =>
  `| ${label} | ${median(samples).toFixed(1)} ms | ${Math.max(...samples).toFixed(1)} ms |`;
const kib = (text: string) => (Buffer.byteLength(text) / 1024).toFixed(0);
const report = `# Agenda benchmark

Measured ${new Date().toISOString()} on ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, with \`npm run bench:agenda\`.
Board: ${snapshot.items.length} open items, ${snapshot.closed.length} closed within the window, ${snapshot.items.filter((i) => i.changes.length).length} with recorded changes; ${guidance.length} guidance pages. ${runs} runs after a warm-up.
Target: the agenda's share of the build under ${TARGET_MS} ms for a 10,000-item board.

| Step | Median | Slowest |
| --- | --- | --- |
${row('Build share: data, page view, agenda.md and agenda.json', share)}
${row('Browser: recompute for another date from agenda.json', browser)}

Output: ${page.sections.length} sections, ${listed} lines on the page (cap 40 risks); agenda.md ${kib(markdown)} KiB; agenda.json ${kib(json)} KiB (${(gzipSync(json).length / 1024).toFixed(0)} KiB gzip), loaded only when the reader picks another date.

Within target: ${median(share) < TARGET_MS ? 'yes' : 'no'}.
`;
const out = join(projectRoot, values.out);
await mkdir(dirname(out), { recursive: true });
await writeFile(out, report);
process.stdout.write(report);
