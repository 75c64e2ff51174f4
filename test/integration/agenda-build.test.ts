/**
 * From GitHub to the meeting: two real syncs against the local stand-in (issues closed, raised,
 * moved, reopened, relabelled and added in between), then a real build of the site from that
 * snapshot, and the agenda read back from dist/ as a reader would get it: the page, the
 * Markdown file and the print pack (the same page under print styles).
 */
import { cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseHtml, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempProject, projectRoot, runAstro, type TempProject } from '../../scripts/lib/temp-project.ts';
import { ML, SEC, twoSyncScenario } from '../fixtures/github/scenario.ts';

let project: TempProject;
let dist: string;
let page: HTMLElement;
let markdown: string;

beforeAll(async () => {
  const scenario = await twoSyncScenario();
  const content = await mkdtemp(join(tmpdir(), 'tandem-agenda-content-'));
  try {
    await cp(join(projectRoot, 'content'), content, { recursive: true });
    await cp(scenario.ws.snapshotPath, join(content, 'board', 'snapshot.json'));
    project = await makeTempProject(content);
  } finally {
    await scenario.dispose();
    await rm(content, { recursive: true, force: true });
  }
  // No site URL and no repository: the fallbacks a fresh clone builds with.
  const result = await runAstro(project.root, ['build'], {
    TANDEM_NOW: '2026-11-25T12:00:00Z',
    TANDEM_SITE_URL: '',
    TANDEM_REPOSITORY: '',
    GITHUB_REPOSITORY: '',
    GITHUB_ACTIONS: '',
  });
  if (result.code !== 0) throw new Error(`build failed:\n${result.output.slice(-4000)}`);
  dist = join(project.root, 'dist');
  page = parseHtml(await readFile(join(dist, 'sync', 'index.html'), 'utf8'));
  markdown = await readFile(join(dist, 'sync', 'agenda.md'), 'utf8');
}, 240_000);

afterAll(async () => {
  await project?.dispose();
});

/** Keys and reasons per section of the page. */
function pageSections() {
  return page.querySelectorAll('[data-agenda] [data-section]').map((section) => ({
    id: section.getAttribute('data-section')!,
    lines: section.querySelectorAll('.agenda-lines > li[data-key]:not([data-key=""])').map((li) => ({
      key: li.getAttribute('data-key')!,
      reasons: li.querySelectorAll('.agenda-reasons li').map((r) => r.text),
    })),
    actions: section.querySelectorAll('tr[data-key]').map((tr) => tr.getAttribute('data-key')!),
  }));
}

const section = (id: string) => pageSections().find((s) => s.id === id)!;
const reasonsOf = (key: string) =>
  pageSections()
    .flatMap((s) => s.lines)
    .find((l) => l.key === key)?.reasons;

describe('the agenda built from two syncs', () => {
  it('lists what was resolved, with the date and who closed it when GitHub knows', () => {
    expect(section('resolved').lines).toEqual([
      { key: `${SEC}#1`, reasons: ['Closed 2026-11-13'] },
      { key: `${ML}#1`, reasons: ['Closed 2026-11-12 by priya-sec'] },
    ]);
  });

  it('says for every change what it went from and to, once', () => {
    expect(reasonsOf(`${ML}#2`)).toEqual(['Severity raised: medium → high on 2026-11-14']);
    expect(reasonsOf(`${ML}#3`)).toEqual(['Owner changed: Data science → Shared on 2026-11-15']);
    // Reopened, and critical with nobody assigned: the more pressing section takes it, with both reasons.
    expect(reasonsOf(`${ML}#4`)).toEqual(['Critical with nobody assigned', 'Reopened 2026-11-17']);
    expect(section('decisions').lines.map((l) => l.key)).toContain(`${ML}#4`);
    expect(reasonsOf(`${ML}#6`)).toEqual(['Phase changed: training → training, deployment on 2026-11-18']);
    expect(
      section('changed')
        .lines.map((l) => l.key)
        .sort(),
    ).toEqual([`${ML}#2`, `${ML}#3`, `${ML}#6`].sort());
    for (const line of [
      'Severity raised: medium → high on 2026-11-14',
      'Owner changed: Data science → Shared on 2026-11-15',
      'Reopened 2026-11-17',
      'Phase changed: training → training, deployment on 2026-11-18',
    ]) {
      expect(page.querySelector('[data-agenda]')!.text.split(line).length - 1, line).toBe(1);
      expect(markdown.split(line).length - 1, line).toBe(1);
    }
  });

  it('lists what is new, including an old issue labelled as a risk since', () => {
    const fresh = section('new').lines;
    expect(fresh.map((l) => l.key)).toEqual(expect.arrayContaining([`${ML}#9`, `${ML}#8`]));
    expect(reasonsOf(`${ML}#9`)).toEqual(['New: opened 2026-11-18']);
    expect(reasonsOf(`${ML}#8`)![0]).toMatch(
      /^New on the board: added 2026-11-23, opened \d{4}-\d{2}-\d{2}$/,
    );
  });

  it('lists each risk at most once, never more than the cap, and the relabelled one not at all', () => {
    const keys = pageSections()
      .filter((s) => s.id !== 'actions')
      .flatMap((s) => s.lines.map((l) => l.key));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeLessThanOrEqual(40);
    expect(keys).not.toContain(`${ML}#5`);
    expect(section('actions').actions).toEqual(
      keys.filter((k) => !section('resolved').lines.some((l) => l.key === k)),
    );
  });

  it('writes the same agenda to agenda.md as the page shows', () => {
    const sections = markdown.split(/^## /m).slice(1);
    const keysIn = (part: string) =>
      [...part.matchAll(/ · ([^ ()]+\\#\d+)\)| ^\| \[([^ ]+\\#\d+) /gm)].map((m) =>
        (m[1] ?? m[2])!.replace('\\#', '#'),
      );
    const fromPage = pageSections().map((s) => (s.id === 'actions' ? s.actions : s.lines.map((l) => l.key)));
    const fromMarkdown = sections.map((part) =>
      part.startsWith('Decisions and actions')
        ? [...part.matchAll(/^\| \[([^ ]+\\#\d+) /gm)].map((m) => m[1]!.replace('\\#', '#'))
        : keysIn(part),
    );
    expect(fromMarkdown).toEqual(fromPage);
  });

  it('prints the whole agenda: the print styles hide navigation and notices, not sections', async () => {
    const css = (
      await Promise.all(
        page
          .querySelectorAll('link[rel="stylesheet"]')
          .map((l) => readFile(join(dist, l.getAttribute('href')!), 'utf8')),
      )
    ).join('\n');
    const print = [...css.matchAll(/@media print\{([^@]*(?:\{[^}]*\}[^@]*)*)\}/g)]
      .map((m) => m[1])
      .join('\n');
    expect(print).toMatch(/\.breadcrumbs/);
    expect(print).not.toMatch(/\.agenda-section\{display:none|\.agenda-actions\{display:none/);
    expect(page.querySelector('#actions')).not.toBeNull();
  });

  it('leaves no placeholder host or repository anywhere in dist/, and no link to an example host', async () => {
    const files = (await readdir(dist, { recursive: true })).filter((f) =>
      /\.(html|xml|md|json|txt|js|css|webmanifest)$/.test(f),
    );
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const text = await readFile(join(dist, file), 'utf8');
      for (const placeholder of ['tandem.example.org', 'acme/tandem'])
        expect(text.includes(placeholder), `${file} contains ${placeholder}`).toBe(false);
      // Teaching examples may name example.com in code; no link may point there.
      expect(text, file).not.toMatch(/href="https?:\/\/[^"]*example\.(org|com)/);
    }
  });
});
