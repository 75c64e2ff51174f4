import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { AREA_IDS } from '../../src/lib/assess/areas.ts';
import { controlTarget } from '../../src/lib/assess/controls.ts';
import { selectThreats } from '../../src/lib/assess/applies.ts';
import { threatSchema, type ThreatData } from '../../src/schemas/threat.ts';

const dir = new URL('../../content/threats/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
const threats = files.map((file) => {
  const result = threatSchema.safeParse(parse(readFileSync(new URL(file, dir), 'utf8')));
  if (!result.success)
    throw new Error(
      `${file}: ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  return { id: file.replace(/\.yaml$/, ''), ...result.data } as ThreatData & { id: string };
});

const guidanceFile = { practice: 'practices/%.mdx', checklist: 'checklists/%.yaml', module: 'modules/%.mdx' };

describe('the threat library', () => {
  it('has at least 40 threats, at least six in every area', () => {
    expect(threats.length).toBeGreaterThanOrEqual(40);
    for (const area of AREA_IDS)
      expect(threats.filter((t) => t.area === area).length, area).toBeGreaterThanOrEqual(6);
  });

  it('suggests only controls that exist', () => {
    for (const t of threats)
      for (const control of t.controls) {
        const { kind, id } = controlTarget(control);
        const path = new URL(`../../content/${guidanceFile[kind].replace('%', id)}`, import.meta.url);
        expect(existsSync(path), `${t.id}: ${kind} ${id}`).toBe(true);
      }
  });

  it('covers agentic systems and privacy-law triggers', () => {
    const tagged = (tag: string) => threats.filter((t) => t.tags.includes(tag));
    for (const tag of ['atlas:AML.T0053', 'atlas:AML.T0080', 'atlas:AML.T0110'])
      expect(tagged(tag).length, tag).toBeGreaterThan(0);
    const agentic = threats.filter((t) =>
      ['atlas:AML.T0053', 'atlas:AML.T0080', 'atlas:AML.T0110'].some((tag) => t.tags.includes(tag)),
    );
    const agent = selectThreats(threats, {
      data: ['user-generated'],
      model: ['agent-tools'],
      deployment: [],
    });
    const plain = selectThreats(threats, {
      data: ['user-generated'],
      model: ['classical-ml'],
      deployment: [],
    });
    expect(
      agentic.every((t) => agent.includes(t)),
      'an agent with user input meets every agentic threat',
    ).toBe(true);
    expect(
      agentic.filter((t) => plain.includes(t)),
      'a classical model meets none',
    ).toEqual([]);
    const health = selectThreats(threats, { data: ['health'], model: [], deployment: [] });
    const special = selectThreats(threats, { data: ['special-category'], model: [], deployment: [] });
    const none = selectThreats(threats, { data: [], model: [], deployment: [] });
    expect(health.some((t) => t.tags.includes('reg:HIPAA'))).toBe(true);
    expect(special.some((t) => t.tags.includes('reg:GDPR') && !none.includes(t))).toBe(true);
  });

  it('gives every threat a distinct title', () => {
    expect(new Set(threats.map((t) => t.title.toLowerCase())).size).toBe(threats.length);
  });
});
