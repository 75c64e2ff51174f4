import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { boardItemSchema } from '../../src/schemas/board-item.ts';
import { checklistSchema } from '../../src/schemas/checklist.ts';
import { glossaryTermSchema } from '../../src/schemas/glossary-term.ts';
import { moduleSchema } from '../../src/schemas/module.ts';
import { practiceSchema } from '../../src/schemas/practice.ts';
import { snapshotSchema } from '../../src/schemas/snapshot.ts';
import { trackSchema } from '../../src/schemas/track.ts';

const fixture = (path: string) =>
  readFileSync(new URL(`../fixtures/content/${path}`, import.meta.url), 'utf8');
const frontMatter = (path: string) => parse(fixture(path).split(/^---$/m)[1]!);

/** The message and path of every issue, as the build would print them. */
function issues(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  return (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('module schema', () => {
  const good = frontMatter('modules/basics/first-module.mdx');

  it('accepts the fixture and normalises its tags', () => {
    const data = moduleSchema.parse(good);
    expect(data.tags).toEqual(['atlas:AML.T0020', 'owasp-ml:ML02:2023', 'reg:GDPR']);
    expect(data.quiz.passThreshold).toBe(0.8);
    expect(data.quiz.questions[1]!.multiple).toBe(true);
    expect(data.quiz.questions[0]!.multiple).toBe(false);
  });

  it('rejects a module without a knowledge check', () => {
    const { quiz: _quiz, ...rest } = good;
    expect(issues(moduleSchema.safeParse(rest))).toEqual([expect.stringMatching(/^quiz: /)]);
  });

  it('rejects a knowledge check of fewer than five questions', () => {
    const result = moduleSchema.safeParse({ ...good, quiz: { questions: good.quiz.questions.slice(0, 4) } });
    expect(issues(result)).toEqual(['quiz.questions: a knowledge check needs at least 5 questions']);
  });

  it('rejects a question with no correct option', () => {
    const questions = structuredClone(good.quiz.questions);
    questions[2].options.forEach((o: { correct?: boolean }) => (o.correct = false));
    expect(issues(moduleSchema.safeParse({ ...good, quiz: { questions } }))).toEqual([
      'quiz.questions.2: a question needs at least one correct option',
    ]);
  });

  it('names an unknown taxonomy ID and where it is', () => {
    const result = moduleSchema.safeParse({ ...good, tags: ['atlas:AML.T0020', 'atlas:AML.T0999'] });
    expect(issues(result)).toEqual([expect.stringMatching(/^tags\.1: unknown MITRE ATLAS ID "AML\.T0999"/)]);
  });

  it('names a wrong owner value', () => {
    expect(issues(moduleSchema.safeParse({ ...good, owner: 'ml-team' }))).toEqual([
      'owner: owner must be one of security, data-science, shared (got "ml-team")',
    ]);
  });

  it('rejects a date that is not a date', () => {
    expect(issues(moduleSchema.safeParse({ ...good, lastReviewed: 'last week' }))).toEqual([
      'lastReviewed: lastReviewed must be a date written as YYYY-MM-DD',
    ]);
  });

  it('rejects references that are not https', () => {
    const result = moduleSchema.safeParse({
      ...good,
      references: [{ title: 'Bad link', url: 'javascript:alert(1)' }],
    });
    expect(issues(result)).toEqual(['references.0.url: reference url must be an https:// URL']);
  });
});

describe('track, checklist, practice and glossary schemas', () => {
  it('accept their fixtures', () => {
    expect(trackSchema.parse(parse(fixture('tracks/basics.yaml'))).outcomes).toHaveLength(1);
    expect(
      practiceSchema.parse(frontMatter('practices/basic-practice.mdx')).responsibilities[0]!.productOwner,
    ).toBe('A');
    const terms = parse(fixture('glossary/terms.yaml')).map((t: unknown) => glossaryTermSchema.parse(t));
    expect(terms.map((t: { id: string }) => t.id)).toEqual(['data-poisoning', 'training-set']);
  });

  it('give a checklist a version derived from its items', () => {
    const raw = parse(fixture('checklists/basic-review.yaml'));
    const v1 = checklistSchema.parse(raw).version;
    raw.sections[0].items[1].prompt = 'Is training data encrypted at rest with customer-managed keys?';
    expect(checklistSchema.parse(raw).version).not.toBe(v1);
  });

  it('reject duplicate checklist item ids, naming the id and its place', () => {
    const raw = parse(fixture('checklists/basic-review.yaml'));
    raw.sections[0].items[1].id = 'owner-named';
    expect(issues(checklistSchema.safeParse(raw))).toEqual([
      'sections.0.items.1.id: duplicate item id "owner-named"; item ids must be unique within a checklist',
    ]);
  });

  it('reject a RACI value outside R, A, C, I', () => {
    const raw = frontMatter('practices/basic-practice.mdx');
    raw.responsibilities[0].security = 'X';
    expect(issues(practiceSchema.safeParse(raw))).toEqual([
      'responsibilities.0.security: responsibility must be R, A, C, I, R/A or -',
    ]);
  });

  it('reject a glossary term with a bad id', () => {
    const [term] = parse(fixture('glossary/terms.yaml'));
    expect(issues(glossaryTermSchema.safeParse({ ...term, id: 'Data Poisoning' }))).toEqual([
      'id: id must be lower-case words joined by hyphens',
    ]);
  });
});

describe('snapshot schema', () => {
  const good = JSON.parse(fixture('board/snapshot.json'));

  it('accepts an empty snapshot with defaults', () => {
    const data = snapshotSchema.parse({ version: 1 });
    expect(data).toMatchObject({
      syncedAt: null,
      sample: false,
      items: [],
      settings: { staleAfterDays: 30, cadenceDays: 14 },
    });
  });

  it('accepts the fixture, keeping untrusted titles as text and unknown tags flagged', () => {
    const data = snapshotSchema.parse(good);
    expect(data.items[1]!.title).toContain('<img src=x onerror=alert(1)>');
    expect(data.items[1]!.owner).toBeNull();
    expect(data.items[1]!.unknownTags).toEqual(['atlas:AML.T9999']);
  });

  it('rejects duplicate item keys', () => {
    const items = [good.items[0], good.items[0]];
    expect(issues(snapshotSchema.safeParse({ ...good, items }))).toEqual([
      'items.1.key: duplicate item key "acme/ml-platform#12"',
    ]);
  });

  it('rejects a javascript: URL and a label colour that could carry markup', () => {
    const item = { ...good.items[0], url: 'javascript:alert(1)', labels: [{ name: 'x', color: '"><b>' }] };
    expect(issues(boardItemSchema.safeParse(item)).map((m) => m.split(':')[0])).toEqual([
      'url',
      'labels.0.color',
    ]);
  });

  it('rejects an unknown snapshot version', () => {
    expect(snapshotSchema.safeParse({ ...good, version: 2 }).success).toBe(false);
  });
});
