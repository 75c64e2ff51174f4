import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { CLOSING, issueBody, issueTitle } from '../../src/lib/assess/issue-body.ts';
import { boardLabels, DEFAULT_PREFIXES, labelStyle } from '../../src/lib/assess/register-labels.ts';
import { registerJson } from '../../src/lib/assess/register-json.ts';
import { registerMarkdown } from '../../src/lib/assess/register-markdown.ts';
import { mapLabels } from '../../src/lib/sync/labels.ts';
import { PHASES } from '../../src/lib/vocabulary.ts';
import { sourcesConfigSchema } from '../../src/schemas/sources.ts';
import {
  feedbackPoisoning,
  hostile,
  injection,
  PWNED,
  realistic,
  specialCategory,
} from '../fixtures/assess/register-entries.ts';

const absolute = (path: string) => new URL(path, 'https://risks.tandem.test/').href;
const conventionsOf = (conventions?: unknown) =>
  sourcesConfigSchema.parse({ sources: [{ repo: 'tandem-test/risks' }], conventions }).conventions;
const heading = { system: injection.system, assessment: injection.assessment, absolute };

/** The little of mdast these tests read. */
interface Node {
  type: string;
  value?: string;
  url?: string;
  depth?: number;
  children?: Node[];
}
const parse = (markdown: string) => unified().use(remarkParse).use(remarkGfm).parse(markdown) as Node;
function all(tree: Node, type: string): Node[] {
  const found = tree.type === type ? [tree] : [];
  return [...found, ...(tree.children ?? []).flatMap((child) => all(child, type))];
}
const text = (node: Node): string =>
  node.type === 'text' || node.type === 'inlineCode' ? node.value! : (node.children ?? []).map(text).join('');

/** What hostile text must never become in Markdown GitHub renders. */
function expectInert(markdown: string, siteLinks: number) {
  const tree = parse(markdown);
  // Only the controls' links to the site; no autolinked https:// or www., no [click](…).
  expect(all(tree, 'link').map((l) => new URL(l.url!).origin)).toEqual(
    Array(siteLinks).fill('https://risks.tandem.test'),
  );
  for (const type of ['image', 'html', 'code', 'blockquote', 'linkReference', 'imageReference', 'delete'])
    expect(all(tree, type), type).toEqual([]);
  // The hostile text is all there, as text.
  const shown = text(tree);
  for (const piece of [
    `$(touch ${PWNED})`,
    '<img src=x onerror=alert(1)>',
    '[click](https://evil.example)',
    '| table | cell |',
    '# Heading',
    '*bold*',
  ])
    expect(shown).toContain(piece);
  // GitHub links mentions and issue references in rendered text: a word joiner keeps them apart.
  expect(shown).not.toMatch(/@security-team|#1\b/);
  expect(shown).toContain('@\u2060security-team');
  // GitHub's maths: outside code, every dollar sign has an odd number of backslashes before it.
  expect(markdown.replace(/(?<!\\)`[^`\n]*`/g, '')).not.toMatch(/(?:^|[^\\])(?:\\\\)*\$/m);
  expect(markdown).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e\uffff]/);
}

describe('board labels', () => {
  it('are read back by the real sync as each entry’s owner, severity, phases and tags, nothing flagged', () => {
    for (const entry of realistic) {
      const mapped = mapLabels(
        boardLabels(entry).map((name) => ({ name })),
        conventionsOf(),
      );
      expect(mapped).toEqual({
        owner: entry.owner,
        severity: entry.band,
        phases: PHASES.filter((p) => entry.phases.includes(p)),
        tags: [...entry.tags].sort(),
        unknownTags: [],
        flags: [],
        // `risk` selects the issue; every other label was applied to a field.
        labels: [{ name: 'risk' }],
      });
    }
  });

  it('come in a stable order: risk, owner, severity, phases, then tags', () => {
    expect(boardLabels(injection)).toEqual([
      'risk',
      'owner:shared',
      'severity:high',
      'phase:evaluation',
      'phase:deployment',
      'atlas:AML.T0051.001',
      'atlas:AML.T0053',
      'owasp-llm:LLM01:2026',
      'owasp-llm:LLM03:2026',
      'nist:MANAGE',
    ]);
  });

  it('write regulations lower-case, as DESIGN.md does', () => {
    expect(boardLabels(specialCategory)).toContain('reg:gdpr');
    expect(boardLabels(feedbackPoisoning)).toContain('reg:eu-ai-act');
    expect(boardLabels(feedbackPoisoning)).toContain('owasp-ml:ML02:2023');
  });

  it('mirror the label prefixes sources.yaml has by default', () => {
    expect(DEFAULT_PREFIXES).toEqual(conventionsOf());
  });

  it('follow a site’s own prefixes, read back with the same conventions', () => {
    const conventions = conventionsOf({
      owner: 'team:',
      severity: 'sev:',
      phase: 'stage:',
      taxonomy: { atlas: 'mitre:' },
      regulation: 'law:',
    });
    const labels = boardLabels(specialCategory, conventions);
    expect(labels).toContain('team:data-science');
    expect(labels).toContain('law:gdpr');
    expect(
      mapLabels(
        labels.map((name) => ({ name })),
        conventions,
      ),
    ).toMatchObject({
      owner: 'data-science',
      severity: 'critical',
      tags: [...specialCategory.tags].sort(),
      flags: [],
      unknownTags: [],
    });
  });

  it('leave out tags that cannot be one label: commas, spaces, unknown schemes', () => {
    const labels = boardLabels(hostile);
    expect(labels).toEqual([
      'risk',
      'owner:shared',
      'severity:high',
      'phase:deployment',
      'atlas:AML.T0051.001',
      'reg:gdpr',
    ]);
  });

  it('each have a GitHub colour and a description of at most 100 characters', () => {
    const labels = [...new Set(realistic.flatMap((e) => boardLabels(e))), 'severity:low', 'plain'];
    for (const label of labels) {
      const style = labelStyle(label);
      expect(style.color, label).toMatch(/^[0-9a-f]{6}$/);
      expect(style.description.length, label).toBeGreaterThan(0);
      expect(style.description.length, label).toBeLessThanOrEqual(100);
    }
    const bands = ['critical', 'high', 'medium', 'low'].map((b) => labelStyle(`severity:${b}`));
    expect(new Set(bands.map((s) => s.color)).size).toBe(4);
    expect(bands[1]!.description).toBe('Severity high: likelihood × impact 10–16');
  });
});

describe('the issue body', () => {
  it('holds the system, the assessment, both teams’ ratings and views, the agreed band and absolute control links', () => {
    const body = issueBody(injection, absolute);
    for (const piece of [
      '- **System:** Relay support assistant — Answers customers from past tickets',
      '- **Assessment:** Relay launch review, 2026-11-20',
      'A ticket can carry instructions the assistant follows.\n\nWith the refund tool in reach',
      '| Security | 5 × 4 = 20 | |',
      '| Data science | 3 × 4 = 12 | |',
      '| **Agreed** | **4 × 4 = 16** | **high** |',
      'teams differed by 2 or more; discussed',
      '### Security’s view\n\nAny customer can write a ticket that later lands in another customer’s context.',
      '### Data science’s view\n\nOn our injection test set the assistant follows embedded instructions in 8 % of cases',
      '- **Owner team:** Shared',
      '- **Phases:** evaluation, deployment',
      '`atlas:AML.T0051.001`, `atlas:AML.T0053`, `owasp-llm:LLM01:2026`',
      '- [LLM application security](<https://risks.tandem.test/learn/security-for-data-scientists/llm-application-security/>) (module)',
      '### Notes\n\nThe refund tool checks order ownership outside the model.',
    ])
      expect(body).toContain(piece);
    expect(body.endsWith('Filed from Tandem’s joint risk assessment.')).toBe(true);
    expect(body.endsWith(CLOSING)).toBe(true);
  });

  it('says when a team did not rate or write, leaves out empty notes and the discussion mark', () => {
    const body = issueBody(specialCategory, absolute);
    expect(body).toContain('| Security | not rated | |');
    expect(body).toContain('### Security’s view\n\n_Not written._');
    expect(body).not.toContain('### Notes');
    expect(body).not.toContain('differed');
  });

  it('links controls under the site’s base path', () => {
    const body = issueBody(specialCategory, (path) => new URL(path, 'https://acme.github.io/').href);
    expect(body).toContain(
      '[Privacy compliance for training data](<https://acme.github.io/tandem/practices/privacy-compliance-for-training-data/>)',
    );
  });

  it('keeps hostile text inert: no links, images, HTML, headings, lists, table cells or mentions from it', () => {
    const body = issueBody(hostile, absolute);
    expectInert(body, 1);
    const tree = parse(body);
    // Only the body's own headings, lists and table.
    expect(all(tree, 'heading').map(text)).toEqual([
      'Rating',
      'Security’s view',
      'Data science’s view',
      'Controls',
      'Notes',
    ]);
    expect(all(tree, 'list').map((l) => l.children!.length)).toEqual([2, 3, 3]);
    expect(all(tree, 'table').map((t) => t.children!.map((row) => row.children!.length))).toEqual([
      [3, 3, 3, 3],
    ]);
    expect(all(tree, 'thematicBreak')).toHaveLength(1);
    // Controls that are not site paths stay text.
    expect(body).toContain('- Off-site (practice)\n- Protocol-relative (practice)');
  });

  it('gives a title of at most 256 characters on one line, with the words kept as typed', () => {
    const title = issueTitle({ ...hostile, title: `${'x'.repeat(300)}\nsecond line` });
    expect([...title]).toHaveLength(256);
    expect(title.endsWith('x…')).toBe(true);
    expect(issueTitle(hostile)).toMatch(/^'; rm -rf ~; echo '\$\(touch \/tmp\/tandem-pwned\) `touch/);
    expect(issueTitle(hostile)).not.toMatch(/[\n\r\u0000\u001b\uffff\u202e]/);
    expect(issueTitle({ ...injection, title: ' \n ' })).toBe('Untitled risk');
  });
});

describe('the register as Markdown', () => {
  it('has a heading, the system, a summary row per risk and a section per risk', () => {
    const md = registerMarkdown(realistic, heading);
    expect(md).toMatch(/^# Risk register: Relay support assistant\n\nAnswers customers/);
    expect(md).toContain('- **Assessment:** Relay launch review, 2026-11-20');
    expect(md).toContain('3 accepted risks');
    expect(md).toContain(
      '| 2 | Special-category data in tickets is indexed for retrieval without an Article 9 condition | Data science | 4 × 5 = 20 | critical | data, governance |',
    );
    const tree = parse(md);
    expect(
      all(tree, 'heading')
        .filter((h) => h.depth === 2)
        .map(text),
    ).toEqual(realistic.map((e, i) => `${i + 1}. ${e.title}`));
    expect(md).toContain('### Security’s view\n\nRate limits stop one account, not a ring of fifty.');
    expect(md.endsWith('\n')).toBe(true);
  });

  it('keeps the summary table whole and the text inert whatever a title holds', () => {
    const md = registerMarkdown([injection, hostile], { ...heading, system: hostile.system });
    expectInert(md, 3);
    const [summary] = all(parse(md), 'table');
    expect(summary!.children!.map((row) => row.children!.length)).toEqual([6, 6, 6]);
    expect(text(summary!.children![2]!.children![1]!)).toContain(`'; rm -rf ~; echo '$(touch ${PWNED})`);
    expect(all(parse(md), 'heading').filter((h) => (h.depth ?? 9) <= 2)).toHaveLength(3);
  });

  it('says so when no risk is in the register', () => {
    expect(registerMarkdown([], heading)).toContain('_No risk has an agreed rating yet._');
  });
});

describe('the register as JSON', () => {
  it('has the format, the system, the assessment and each risk with its labels, score and absolute URLs', () => {
    const json = JSON.parse(registerJson(realistic, absolute));
    expect(json).toMatchObject({
      format: 'tandem-risk-register',
      version: 1,
      system: injection.system,
      assessment: injection.assessment,
    });
    expect(json.risks).toHaveLength(3);
    expect(json.risks[0]).toEqual({
      ...injection,
      score: 16,
      labels: boardLabels(injection),
      controls: injection.controls.map((c) => ({ ...c, url: absolute(c.path) })),
    });
    expect(json.risks[1].ratings.security).toBeNull();
  });

  it('is pretty, newline-terminated and the same bytes for the same register', () => {
    const json = registerJson(realistic, heading);
    expect(json).toBe(`${JSON.stringify(JSON.parse(json), null, 2)}\n`);
    // Built with its keys in another order, an entry still exports the same bytes.
    const shuffled = realistic.map((e) => Object.fromEntries(Object.entries(e).reverse()) as typeof e);
    expect(registerJson(shuffled, heading)).toBe(json);
    expect(registerJson(realistic, absolute)).toBe(json);
    expect(Object.keys(JSON.parse(json).risks[0])).toEqual([
      'system',
      'assessment',
      'id',
      'title',
      'description',
      'owner',
      'phases',
      'tags',
      'band',
      'score',
      'ratings',
      'discuss',
      'views',
      'controls',
      'notes',
      'labels',
    ]);
  });

  it('names the system of an empty register when told it', () => {
    expect(JSON.parse(registerJson([], heading))).toMatchObject({ system: injection.system, risks: [] });
  });
});
