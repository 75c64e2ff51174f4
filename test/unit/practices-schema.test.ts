import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { practiceSchema } from '../../src/schemas/practice.ts';

const frontMatter = () =>
  parse(
    readFileSync(new URL('../fixtures/content/practices/basic-practice.mdx', import.meta.url), 'utf8').split(
      /^---$/m,
    )[1]!,
  );

function issues(raw: unknown) {
  return (practiceSchema.safeParse(raw).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('practice schema errors name the field and say what is wrong', () => {
  it('rejects an unknown owner, quoting the value', () => {
    expect(issues({ ...frontMatter(), owner: 'ml-platform' })).toEqual([
      'owner: owner must be one of security, data-science, shared (got "ml-platform")',
    ]);
  });

  it('rejects an unknown taxonomy ID, naming the taxonomy and the tag', () => {
    expect(issues({ ...frontMatter(), tags: ['nist:GOVERN', 'atlas:AML.T9999'] })).toEqual([
      'tags.1: unknown MITRE ATLAS ID "AML.T9999" in tag "atlas:AML.T9999"',
    ]);
  });

  it('rejects a tag without a scheme, showing how to write one', () => {
    expect(issues({ ...frontMatter(), tags: ['GDPR'] })).toEqual([
      'tags.0: "GDPR" is not a taxonomy tag; write it as scheme:ID, e.g. atlas:AML.T0020 (schemes: atlas, owasp-ml, owasp-llm, nist, reg)',
    ]);
  });

  it('rejects an unknown lifecycle phase, which the index groups by', () => {
    expect(issues({ ...frontMatter(), phases: ['data', 'launch'] })).toEqual([
      'phases.1: phase must be one of data, training, evaluation, deployment, monitoring, governance (got "launch")',
    ]);
  });

  it('rejects a practice with no phase, since it would appear under none', () => {
    expect(issues({ ...frontMatter(), phases: [] }).map((m) => m.split(':')[0])).toEqual(['phases']);
  });
});

describe('responsibility tables name exactly one accountable party per activity', () => {
  const row = (r: Record<string, string>) => ({
    ...frontMatter(),
    responsibilities: [{ activity: 'Approve launch', ...r }],
  });

  it('accepts one accountable team or role, with the optional roles defaulting to no role', () => {
    const parsed = practiceSchema.parse(
      row({ security: 'C', dataScience: 'R', productOwner: 'A', shared: 'I' }),
    );
    expect(parsed.responsibilities[0]).toMatchObject({ privacyLegal: '-', productOwner: 'A' });
  });

  it('rejects a row with two accountable parties, naming the activity and both', () => {
    expect(issues(row({ security: 'R/A', dataScience: 'A', shared: 'I' }))).toEqual([
      'responsibilities.0.activity: "Approve launch" makes Security and Data science accountable: a RACI row has exactly one A (or R/A)',
    ]);
  });

  it('rejects a row nobody is accountable for', () => {
    expect(issues(row({ security: 'R', dataScience: 'C', shared: 'I' }))).toEqual([
      'responsibilities.0.activity: "Approve launch" has no accountable party: mark exactly one of security, dataScience, privacyLegal or productOwner A (or R/A)',
    ]);
  });

  it('rejects the joint forum as the accountable party', () => {
    expect(issues(row({ security: 'R', dataScience: 'R', shared: 'A' }))[0]).toMatch(
      /^responsibilities\.0\.shared: the joint forum can be R, C, I or -, not accountable/,
    );
  });
});

describe('front matter with a key no schema knows fails, naming the key', () => {
  it('suggests the key a typo meant', () => {
    const { lastReviewed, ...rest } = frontMatter();
    expect(issues({ ...rest, lastReviwed: lastReviewed })).toEqual([
      'lastReviewed: lastReviewed must be a date written as YYYY-MM-DD',
      expect.stringMatching(
        /^: unknown key "lastReviwed" \(did you mean "lastReviewed"\?\); known keys: title, summary/,
      ),
    ]);
  });

  it('says where taxonomy IDs belong when they are written as their own key', () => {
    expect(issues({ ...frontMatter(), atlas: ['AML.T0020'] })).toEqual([
      expect.stringMatching(/^: unknown key "atlas": taxonomy IDs go in tags, written as atlas:ID/),
    ]);
  });

  it('rejects unknown keys inside a responsibility row', () => {
    const fm = frontMatter();
    fm.responsibilities[0].legal = 'C';
    expect(issues(fm)).toEqual([expect.stringMatching(/^responsibilities\.0: unknown key "legal"/)]);
  });
});
