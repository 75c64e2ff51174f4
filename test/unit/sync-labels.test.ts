import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapLabels, type RawLabel } from '../../src/lib/sync/labels.ts';
import { boardItemSchema } from '../../src/schemas/board-item.ts';
import { PHASES } from '../../src/schemas/phase.ts';
import { SEVERITIES } from '../../src/schemas/severity.ts';
import { sourcesConfigSchema } from '../../src/schemas/sources.ts';
import { resolveTag } from '../../src/lib/taxonomy.ts';

const conventions = sourcesConfigSchema.parse({ sources: [{ repo: 'a/b' }] }).conventions;
const map = (...names: string[]) =>
  mapLabels(
    names.map((name) => ({ name, color: 'aabbcc' })),
    conventions,
  );

const meaningful = [
  'owner:security',
  'owner:data-science',
  'owner:shared',
  'Owner:Security',
  'owner:legal',
  ...SEVERITIES.map((s) => `severity:${s}`),
  'SEVERITY:HIGH',
  'severity:urgent',
  ...PHASES.map((p) => `phase:${p}`),
  'phase:retirement',
  'atlas:AML.T0051',
  'atlas:aml.t0020',
  'atlas:AML.T9999',
  'owasp-ml:ML02:2023',
  'owasp-llm:LLM01:2026',
  'owasp-llm:LLM11:2026',
  'nist:MEASURE',
  'reg:gdpr',
  'reg:hipaa',
  'reg:ccpa',
  'atlas:',
  'risk',
  'threat',
  'bug',
  'good first issue',
];
const labelArb: fc.Arbitrary<RawLabel> = fc.record({
  name: fc.oneof(
    fc.constantFrom(...meaningful),
    fc.string(),
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary' }),
  ),
  color: fc.oneof(fc.constantFrom('ff0000', 'ABCDEF', 'red', '', '#00ff00', '"><script>'), fc.constant(null)),
});
const labelsArb = fc.array(labelArb, { maxLength: 12 });

describe('label mapping', () => {
  it('reads owner, severity, phases and taxonomy from the DESIGN.md conventions', () => {
    expect(
      map(
        'risk',
        'owner:security',
        'severity:high',
        'phase:training',
        'phase:data',
        'atlas:AML.T0051',
        'reg:gdpr',
      ),
    ).toEqual({
      owner: 'security',
      severity: 'high',
      phases: ['data', 'training'],
      tags: ['atlas:AML.T0051', 'reg:GDPR'],
      unknownTags: [],
      labels: [{ name: 'risk', color: 'aabbcc' }],
    });
  });

  it('gives "Needs an owner" (null) and unrated when there are no such labels', () => {
    expect(map('risk')).toMatchObject({ owner: null, severity: 'unrated' });
  });

  it('lets the highest of several severities win', () => {
    expect(map('severity:low', 'severity:critical', 'severity:medium').severity).toBe('critical');
  });

  it('makes an item owned by several teams shared', () => {
    expect(map('owner:security', 'owner:data-science').owner).toBe('shared');
  });

  it('flags an unknown taxonomy ID instead of dropping it, and keeps unknown values as plain labels', () => {
    const mapped = map('atlas:AML.T9999', 'owner:legal', 'severity:urgent', 'phase:retirement');
    expect(mapped.unknownTags).toEqual(['atlas:AML.T9999']);
    expect(mapped.labels.map((l) => l.name)).toEqual(['owner:legal', 'phase:retirement', 'severity:urgent']);
  });

  it('honours configured prefixes', () => {
    const custom = { ...conventions, owner: 'team/', severity: 'sev-' };
    expect(
      mapLabels([{ name: 'team/security' }, { name: 'sev-low' }, { name: 'owner:shared' }], custom),
    ).toMatchObject({
      owner: 'security',
      severity: 'low',
      labels: [{ name: 'owner:shared' }],
    });
  });

  it('keeps a colour only when it is six hex digits', () => {
    const labels = mapLabels(
      [
        { name: 'a', color: 'ABCDEF' },
        { name: 'b', color: '"><x' },
        { name: 'c', color: null },
      ],
      conventions,
    ).labels;
    expect(labels).toEqual([{ name: 'a', color: 'abcdef' }, { name: 'b' }, { name: 'c' }]);
  });

  it('maps every label set to exactly one owner and one severity, without throwing', () => {
    fc.assert(
      fc.property(labelsArb, (labels) => {
        const mapped = mapLabels(labels, conventions);
        expect([null, 'security', 'data-science', 'shared']).toContain(mapped.owner);
        expect(SEVERITIES).toContain(mapped.severity);
        expect(new Set(mapped.phases).size).toBe(mapped.phases.length);
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same result whatever the order of the labels', () => {
    fc.assert(
      fc.property(labelsArb, fc.func(fc.integer()), (labels, key) => {
        const shuffled = [...labels].sort((a, b) => key(a.name) - key(b.name));
        expect(mapLabels(shuffled, conventions)).toEqual(mapLabels(labels, conventions));
      }),
      { numRuns: 300 },
    );
  });

  it('only ever produces tags the taxonomy knows and fields the board item schema accepts', () => {
    fc.assert(
      fc.property(labelsArb, (labels) => {
        const mapped = mapLabels(labels, conventions);
        for (const tag of mapped.tags) expect(resolveTag(tag)).toMatchObject({ ok: true, value: { tag } });
        const item = {
          key: 'a/b#1',
          repo: 'a/b',
          number: 1,
          title: 't',
          url: 'https://github.com/a/b/issues/1',
          createdAt: '2026-01-01T00:00:00Z',
          updatedAt: '2026-01-01T00:00:00Z',
          ...mapped,
        };
        expect(boardItemSchema.safeParse(item).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('accounts for every non-empty label: each lands in exactly one field', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...meaningful), { maxLength: 10 }), (names) => {
        const mapped = map(...names);
        const owners = names.filter((n) => /^owner:(security|data-science|shared)$/i.test(n));
        const severities = names.filter((n) => /^severity:(critical|high|medium|low|unrated)$/i.test(n));
        const phases = names.filter((n) => new RegExp(`^phase:(${PHASES.join('|')})$`).test(n));
        const taxonomy = names.filter((n) => /^(atlas|owasp-ml|owasp-llm|nist|reg):/i.test(n));
        const plain = names.filter((n) => ![...owners, ...severities, ...phases, ...taxonomy].includes(n));
        expect(mapped.labels.map((l) => l.name).sort()).toEqual([...plain].sort());
        expect(mapped.tags.length + mapped.unknownTags.length).toBeLessThanOrEqual(taxonomy.length);
        expect(mapped.tags.length + mapped.unknownTags.length).toBeGreaterThanOrEqual(
          taxonomy.length > 0 ? 1 : 0,
        );
      }),
      { numRuns: 300 },
    );
  });
});
