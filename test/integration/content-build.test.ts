import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseHtml } from 'node-html-parser';
import { makeTempProject, runAstro, type TempProject } from '../../scripts/lib/temp-project.ts';

const fixtures = new URL('../fixtures/content/', import.meta.url).pathname;
const MODULE = 'modules/basics/first-module.mdx';

/** Builds the fixture content after `mutate` has edited one copy of it. */
async function buildWith(mutate: (dir: string) => Promise<void>, env: Record<string, string> = {}) {
  const content = await mkdtemp(join(tmpdir(), 'tandem-content-'));
  await cp(fixtures, content, { recursive: true });
  await mutate(content);
  const project = await makeTempProject(content);
  await rm(content, { recursive: true, force: true });
  const result = await runAstro(project.root, ['build'], env);
  return { ...result, project };
}

async function edit(dir: string, file: string, from: string | RegExp, to: string) {
  const text = await readFile(join(dir, file), 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`fixture edit did not apply to ${file}`);
  await writeFile(join(dir, file), next);
}

async function editSnapshot(dir: string, change: (items: Array<Record<string, unknown>>) => void) {
  const file = join(dir, 'board', 'snapshot.json');
  const snapshot = JSON.parse(await readFile(file, 'utf8'));
  change(snapshot.items);
  await writeFile(file, JSON.stringify(snapshot));
}

describe('a build with bad content fails and names the file and the field', () => {
  const cases: Array<{ name: string; mutate: (dir: string) => Promise<void>; expected: RegExp[] }> = [
    {
      name: 'malformed front matter',
      mutate: (d) => edit(d, MODULE, 'owner: security', 'owner: [security'),
      expected: [/first-module\.mdx:\d+/],
    },
    {
      name: 'a missing required field',
      mutate: (d) => edit(d, MODULE, /^summary: .*\n/m, ''),
      expected: [/first-module\.mdx/, /summary/],
    },
    {
      name: 'a wrong enum value',
      mutate: (d) => edit(d, 'checklists/basic-review.yaml', 'owner: security', 'owner: infosec'),
      expected: [/basic-review/, /owner must be one of security, data-science, shared \(got "infosec"\)/],
    },
    {
      name: 'an unknown taxonomy ID',
      mutate: (d) => edit(d, MODULE, 'atlas:AML.T0020', 'atlas:AML.T0200'),
      expected: [/first-module\.mdx/, /tags/, /unknown MITRE ATLAS ID "AML\.T0200"/],
    },
    {
      name: 'a front-matter key no schema knows (a typo)',
      mutate: (d) => edit(d, MODULE, /^lastReviewed: (.*)$/m, 'lastReviwed: $1'),
      expected: [/first-module\.mdx/, /unknown key "lastReviwed" \(did you mean "lastReviewed"\?\)/],
    },
    {
      name: 'a checklist item with a taxonomy key where a tag belongs',
      mutate: (d) =>
        edit(
          d,
          'checklists/basic-review.yaml',
          /^(\s+)owner: security$/m,
          '$1owner: security\n$1atlas: [AML.T0020]',
        ),
      expected: [/basic-review/, /unknown key "atlas": taxonomy IDs go in tags, written as atlas:ID/],
    },
    {
      name: 'a responsibility row with two accountable parties',
      mutate: (d) =>
        edit(
          d,
          'practices/basic-practice.mdx',
          'security: R, dataScience: C, productOwner: A',
          'security: A, dataScience: C, productOwner: A',
        ),
      expected: [
        /basic-practice/,
        /"Run the review" makes Security and Product owner accountable: a RACI row has exactly one A/,
      ],
    },
    {
      name: 'a glossary cross-reference to a term that does not exist',
      mutate: (d) => edit(d, 'glossary/terms.yaml', 'related: [training-set]', 'related: [training-sets]'),
      expected: [/terms\.yaml/, /related/, /training-sets/],
    },
    {
      name: 'a hand-edited snapshot whose bodyHTML nests 8,000 elements deep',
      mutate: (d) =>
        editSnapshot(d, (items) => {
          items[0]!['bodyHTML'] = `${'<div>'.repeat(8000)}deep${'</div>'.repeat(8000)}`;
        }),
      expected: [/snapshot/, /items\.0\.bodyHTML/, /nested 8,000 levels deep, over the limit of 256/],
    },
    {
      name: 'a hand-edited snapshot whose item links to another host',
      mutate: (d) =>
        editSnapshot(d, (items) => {
          items[1]!['url'] = 'https://evil.example/acme/ml-platform/issues/15';
        }),
      expected: [/items\.1\.url/, /url must be on https:\/\/github\.com, got https:\/\/evil\.example/],
    },
    {
      name: 'an item whose page would be a lane page',
      mutate: (d) =>
        editSnapshot(d, (items) => {
          Object.assign(items[1]!, {
            key: 'lanes/security#1',
            repo: 'lanes/security',
            number: 1,
            url: 'https://github.com/lanes/security/issues/1',
          });
        }),
      expected: [
        /board item lanes\/security#1 would be built at \/board\/lanes\/security\/1\/, which is already the lane page/,
      ],
    },
  ];

  for (const c of cases) {
    it(`fails on ${c.name}`, async () => {
      const { code, output, project } = await buildWith(c.mutate);
      await project.dispose();
      expect(code).not.toBe(0);
      for (const pattern of c.expected) expect(output).toMatch(pattern);
    });
  }
});

describe('a build of the fixture content', () => {
  let project: TempProject;
  let code: number;
  let output: string;
  beforeAll(async () => {
    ({ project, code, output } = await buildWith(async () => {}, { TANDEM_NOW: '2026-11-25T12:00:00Z' }));
  });
  afterAll(() => project.dispose());

  const page = async (route: string) =>
    parseHtml(await readFile(join(project.root, 'dist', route, 'index.html'), 'utf8'));

  it('succeeds', () => {
    expect(output).not.toMatch(/\[ERROR\]/);
    expect(code).toBe(0);
  });

  it('flags a page last reviewed more than 180 days ago as overdue', async () => {
    const overdue = (await page('checklists/basic-review')).querySelector('[data-review-overdue]');
    expect(overdue?.text).toMatch(/Review overdue: last reviewed 679 days ago/);
  });

  it('does not flag a recently reviewed page', async () => {
    expect((await page('learn/basics/first-module')).querySelector('[data-review-overdue]')).toBeNull();
  });

  it('shows the sample-data banner and keeps hostile titles inert', async () => {
    const board = await page('board');
    expect(board.querySelector('[data-sample-banner]')).not.toBeNull();
    expect(board.querySelectorAll('img')).toHaveLength(0);
    expect(board.text).toContain('<img src=x onerror=alert(1)> No owner');
  });
});
