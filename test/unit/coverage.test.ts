import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildCoverage, siteCoverage, type GuidanceRef } from '../../src/lib/board/coverage.ts';
import { entriesOf, resolveTag } from '../../src/lib/taxonomy.ts';
import { boardItemSchema, type BoardItem } from '../../src/schemas/board-item.ts';

let n = 0;
function risk(tags: string[]): BoardItem {
  n += 1;
  return boardItemSchema.parse({
    key: `acme/r#${n}`,
    repo: 'acme/r',
    number: n,
    title: `Risk ${n}`,
    url: `https://github.com/acme/r/issues/${n}`,
    createdAt: '2026-10-01T00:00:00Z',
    updatedAt: '2026-11-20T00:00:00Z',
    tags,
  });
}

const ref = (type: GuidanceRef['type'], title: string, tags: string[]): GuidanceRef => ({
  type,
  title,
  url: `/${type}/${title}/`,
  tags,
});
const row = (coverage: ReturnType<typeof siteCoverage>, tag: string) =>
  [...coverage.tactics.flatMap((t) => t.techniques), ...coverage.owasp].find((r) => r.tag === tag);

describe('coverage', () => {
  it('counts a technique as covered when a module, practice or checklist is tagged with it', () => {
    const coverage = siteCoverage(
      [
        risk(['atlas:AML.T0054']),
        risk(['atlas:AML.T0056']),
        risk(['owasp-llm:LLM06:2026']),
        risk(['atlas:AML.T0029']),
      ],
      [
        ref('module', 'Foundation models', ['atlas:AML.T0054']),
        ref('practice', 'Test robustness', ['atlas:AML.T0056']),
        ref('checklist', 'Pre-deployment review', ['owasp-llm:LLM06:2026']),
      ],
    );
    expect(row(coverage, 'atlas:AML.T0054')!.guidance.map((g) => g.type)).toEqual(['module']);
    expect(row(coverage, 'atlas:AML.T0056')!.guidance.map((g) => g.type)).toEqual(['practice']);
    expect(row(coverage, 'owasp-llm:LLM06:2026')!.guidance.map((g) => g.type)).toEqual(['checklist']);
    expect(coverage.untrained.map((r) => r.tag)).toEqual(['atlas:AML.T0029']);
  });

  it('counts a sub-technique tag for its parent, not a parent tag for its sub-techniques', () => {
    const coverage = buildCoverage({
      items: [risk(['atlas:AML.T0051']), risk(['atlas:AML.T0051.000'])],
      guidance: [ref('module', 'Indirect injection', ['atlas:AML.T0051.001'])],
      atlas: entriesOf('atlas'),
      owasp: [],
    });
    expect(coverage.untrained.map((r) => [r.tag, r.risks])).toEqual([['atlas:AML.T0051.000', 1]]);
  });

  it('shows only the current OWASP LLM list', () => {
    const coverage = siteCoverage([], []);
    expect(coverage.owasp.some((r) => r.tag === 'owasp-llm:LLM01:2026')).toBe(true);
    expect(coverage.owasp.some((r) => r.tag.endsWith(':2025'))).toBe(false);
  });
});

/**
 * The content side of coverage: a module or practice whose text cites an ATLAS or OWASP ID must
 * carry it as a tag, or the coverage page and related links say "nothing covers this" while the
 * page teaches it. IDs inside fenced code blocks are example labels (`--label atlas:AML.T0020`),
 * not citations.
 */
const CITED = [
  { scheme: 'atlas', pattern: /\bAML\.(?:T|M)\d{4}(?:\.\d{3})?\b/g },
  { scheme: 'owasp-llm', pattern: /\bLLM\d\d:\d{4}\b/g },
  { scheme: 'owasp-ml', pattern: /\bML\d\d:2023\b/g },
];

function pages(folder: string) {
  const root = join(import.meta.dirname, '../../content', folder);
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.mdx'))
    .map((f) => {
      const source = readFileSync(join(root, f), 'utf8');
      const [, frontMatter = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
      const tags = ((parse(frontMatter) as { tags?: string[] }).tags ?? []).map((t) => {
        const r = resolveTag(t);
        return r.ok ? r.value.tag : t;
      });
      return { file: relative(join(import.meta.dirname, '../..'), join(root, f)), tags, body };
    });
}

function citedTags(body: string): string[] {
  const prose = body.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '');
  return [
    ...new Set(
      CITED.flatMap(({ scheme, pattern }) => [...prose.matchAll(pattern)].map((m) => `${scheme}:${m[0]}`)),
    ),
  ];
}

describe('content tags agree with the IDs the text cites', () => {
  it('finds IDs in prose and tables but not in code blocks', () => {
    expect(
      citedTags(
        'Jailbreaks (AML.T0054, LLM01:2026) and ML05:2023.\n\n```bash\n--label atlas:AML.T0020\n```\n',
      ),
    ).toEqual(['atlas:AML.T0054', 'owasp-llm:LLM01:2026', 'owasp-ml:ML05:2023']);
  });

  it.each([...pages('modules'), ...pages('practices')].map((p) => [p.file, p] as const))(
    '%s carries a tag for every ATLAS and OWASP ID its text cites',
    (_file, page) => {
      const cited = citedTags(page.body);
      expect(
        cited.filter((t) => !resolveTag(t).ok),
        'cited IDs that are not in the taxonomy',
      ).toEqual([]);
      expect(
        cited.filter((t) => !page.tags.includes(t)),
        'cited but not tagged',
      ).toEqual([]);
    },
  );
});
