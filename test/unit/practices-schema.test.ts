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
