import { describe, expect, it } from 'vitest';
import { buildTaxonomy } from '../../src/lib/taxonomy-build.ts';
import { describeTag, entriesOf, resolveTag } from '../../src/lib/taxonomy.ts';

describe('resolveTag', () => {
  it('resolves an ATLAS technique to its name and public page', () => {
    const result = resolveTag('atlas:AML.T0020');
    expect(result).toMatchObject({
      ok: true,
      value: { tag: 'atlas:AML.T0020', name: 'Poison Training Data' },
    });
    expect(result.ok && result.value.url).toBe('https://atlas.mitre.org/techniques/AML.T0020');
  });

  it('normalises the spelling of scheme and ID', () => {
    expect(describeTag('REG:gdpr').tag).toBe('reg:GDPR');
    expect(describeTag('owasp-llm:llm01:2026').name).toBe('Prompt Injection');
  });

  it('rejects an unknown ATLAS ID and names it', () => {
    const result = resolveTag('atlas:AML.T9999');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain('"AML.T9999"');
  });

  it('rejects an unknown scheme and lists the known ones', () => {
    const result = resolveTag('cve:CVE-2024-1234');
    expect(!result.ok && result.error).toMatch(/unknown taxonomy scheme "cve".*atlas, owasp-ml/);
  });

  it('rejects a tag without a scheme', () => {
    expect(resolveTag('AML.T0020').ok).toBe(false);
  });

  it('keeps 2023 OWASP ML IDs distinct from a misspelt year', () => {
    expect(resolveTag('owasp-ml:ML02:2023').ok).toBe(true);
    expect(resolveTag('owasp-ml:ML02:2024').ok).toBe(false);
  });

  it('covers every scheme the design names', () => {
    expect(entriesOf('atlas').some((e) => e.kind === 'tactic')).toBe(true);
    expect(entriesOf('owasp-ml')).toHaveLength(10);
    expect(entriesOf('nist').map((e) => e.id)).toEqual(['GOVERN', 'MANAGE', 'MAP', 'MEASURE']);
    expect(entriesOf('reg').map((e) => e.id)).toContain('HIPAA');
  });
});

describe('buildTaxonomy', () => {
  const atlas = {
    version: '9.9.9',
    matrices: [
      {
        tactics: [{ id: 'AML.TA0001', name: 'Tactic', description: 'long MITRE text' }],
        techniques: [
          { id: 'AML.T0002', name: 'Technique', tactics: ['AML.TA0001'], description: 'long MITRE text' },
          {
            id: 'AML.T0002.000',
            name: 'Sub',
            'subtechnique-of': 'AML.T0002',
            description: 'long MITRE text',
          },
        ],
        mitigations: [{ id: 'AML.M0001', name: 'Mitigation', description: 'long MITRE text' }],
      },
    ],
  };
  const reference = {
    owasp_ml_top10_2023: { entries: { 'ML01:2023': 'Input Manipulation Attack' } },
    owasp_llm_top10_2026: { entries: { 'LLM01:2026': 'Prompt Injection' } },
    nist_ai_rmf_1_0: { entries: { MAP: 'Context is recognized' } },
    regulations: { GDPR: 'EU General Data Protection Regulation' },
  };

  it('stores IDs, names and structure but never descriptions', () => {
    const file = buildTaxonomy(atlas, reference);
    expect(file.atlasVersion).toBe('9.9.9');
    expect(file.schemes.atlas.entries).toEqual([
      { id: 'AML.M0001', name: 'Mitigation', kind: 'mitigation' },
      { id: 'AML.T0002', name: 'Technique', kind: 'technique', tactics: ['AML.TA0001'] },
      { id: 'AML.T0002.000', name: 'Sub', kind: 'sub-technique', parent: 'AML.T0002' },
      { id: 'AML.TA0001', name: 'Tactic', kind: 'tactic' },
    ]);
    expect(JSON.stringify(file)).not.toContain('long MITRE text');
  });

  it('is deterministic, so a re-run leaves the file byte-identical', () => {
    expect(JSON.stringify(buildTaxonomy(atlas, reference))).toBe(
      JSON.stringify(buildTaxonomy(atlas, reference)),
    );
  });
});
