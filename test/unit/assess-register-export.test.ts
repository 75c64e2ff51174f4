import { describe, expect, it } from 'vitest';
import { issueBody, issueTitle } from '../../src/lib/assess/issue-body.ts';
import { boardLabels, labelStyle } from '../../src/lib/assess/register-labels.ts';
import { registerJson } from '../../src/lib/assess/register-json.ts';
import { registerMarkdown } from '../../src/lib/assess/register-markdown.ts';
import { mapLabels } from '../../src/lib/sync/labels.ts';
import { sourcesConfigSchema } from '../../src/schemas/sources.ts';
import { hostile, injection, specialCategory } from '../fixtures/assess/register-entries.ts';

const absolute = (path: string) => new URL(path, 'https://risks.tandem.test/').href;
const conventions = sourcesConfigSchema.parse({ sources: [{ repo: 'tandem-test/risks' }] }).conventions;

describe('board labels', () => {
  it('are read back by the sync as the entry’s owner, severity, phases and tags, with nothing flagged', () => {
    for (const entry of [injection, specialCategory]) {
      const labels = boardLabels(entry);
      expect(labels[0]).toBe('risk');
      const mapped = mapLabels(
        labels.map((name) => ({ name })),
        conventions,
      );
      expect(mapped).toMatchObject({
        owner: entry.owner,
        severity: entry.band,
        phases: entry.phases,
        flags: [],
        unknownTags: [],
      });
      expect(mapped.tags).toEqual([...entry.tags].sort());
    }
  });

  it('writes regulations lower-case, as DESIGN.md does', () => {
    expect(boardLabels(specialCategory)).toContain('reg:gdpr');
  });

  it('have a GitHub colour and a short description each', () => {
    for (const label of boardLabels(injection)) {
      const style = labelStyle(label);
      expect(style.color).toMatch(/^[0-9a-f]{6}$/);
      expect(style.description.length).toBeLessThanOrEqual(100);
    }
  });
});

describe('the issue body', () => {
  it('holds the system, both teams’ ratings and views, the agreed rating and absolute control links', () => {
    const body = issueBody(injection, absolute);
    expect(body).toContain('Relay support assistant');
    expect(body).toContain('| Security | 5 × 4 = 20 |');
    expect(body).toContain('| Data science | 3 × 4 = 12 |');
    expect(body).toContain('**4 × 4 = 16** | **high**');
    expect(body).toContain('differed by 2 or more');
    expect(body).toContain('### Security’s view');
    expect(body).toContain('### Data science’s view');
    expect(body).toContain('8 % of cases');
    expect(body).toContain(
      '(<https://risks.tandem.test/learn/security-for-data-scientists/llm-application-security/>)',
    );
  });

  it('keeps hostile text inert: no links, images, HTML, headings, table cells or mentions from it', () => {
    const body = issueBody(hostile, absolute);
    expect(body).not.toMatch(/(?<!\\)<img/);
    expect(body).not.toMatch(/(?<!\\)\[click\]\(/);
    expect(body).not.toMatch(/@security-team/);
    expect(body).not.toMatch(/^# Heading/m);
    expect(body).not.toMatch(/^- list/m);
    expect(body).not.toContain('\uFFFF');
    // The only headings are the body's own.
    expect(body.match(/^#+ .*/gm)).toEqual([
      '### Rating',
      '### Security’s view',
      '### Data science’s view',
      '### Controls',
      '### Notes',
    ]);
  });

  it('gives a title of at most 256 characters with no line breaks', () => {
    const title = issueTitle({ ...hostile, title: `${'x'.repeat(300)}\nsecond line` });
    expect([...title].length).toBeLessThanOrEqual(256);
    expect(title).not.toMatch(/\n/);
  });
});

describe('the register exports', () => {
  const heading = { system: injection.system, assessment: injection.assessment, absolute };

  it('Markdown: a summary row and a section per risk', () => {
    const md = registerMarkdown([specialCategory, injection], heading);
    expect(md).toMatch(/^# Risk register: Relay support assistant/);
    expect(md).toContain(
      '| 1 | Special\\-category data processed without an Article 9 condition |'.replace('\\-', '-'),
    );
    expect(md).toContain('## 2. Injected instructions in retrieved content make the agent call its tools');
    expect(md.match(/^## /gm)).toHaveLength(2);
  });

  it('Markdown: a hostile title cannot break the summary table', () => {
    const md = registerMarkdown([hostile], heading);
    const row = md.split('\n').find((l) => l.startsWith('| 1 |'))!;
    expect(row.split(/(?<!\\)\|/).length).toBe(8);
  });

  it('JSON: each risk with its labels, score and absolute control URLs', () => {
    const json = JSON.parse(registerJson([injection], heading));
    expect(json).toMatchObject({ format: 'tandem-risk-register', version: 1, system: injection.system });
    expect(json.risks[0]).toMatchObject({
      id: injection.id,
      score: 16,
      band: 'high',
      labels: boardLabels(injection),
    });
    expect(json.risks[0].controls[0].url).toBe(absolute(injection.controls[0]!.path));
  });
});
