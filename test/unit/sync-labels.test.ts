import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shownLabel } from '../../src/lib/sync/label-normalise.ts';
import { mapLabels, type RawLabel } from '../../src/lib/sync/labels.ts';
import { cleanText } from '../../src/lib/sync/plain-text.ts';
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

/** Latin letters and a Cyrillic or Greek letter that looks the same. */
const LOOK_ALIKES: Record<string, string> = {
  a: 'а',
  c: 'с',
  e: 'е',
  h: 'һ',
  i: 'і',
  o: 'ο',
  p: 'р',
  s: 'ѕ',
  x: 'х',
  y: 'у',
  k: 'κ',
  A: 'Α',
  C: 'С',
  E: 'Е',
  H: 'Η',
  L: 'Ӏ',
  M: 'М',
  O: 'О',
  T: 'Т',
};
/** Characters a reader does not see: zero-width, joiners, soft hyphen, BOM, bidi, controls, Hangul filler. */
const HIDDEN = [
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\u00ad',
  '\ufeff',
  '\u202e',
  '\u2066',
  '\u200e',
  '\u0007',
  '\u001b',
  '\u3164',
  '\u180e',
];
const fullwidth = (name: string) =>
  name.replace(/[!-~]/g, (c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0));

/** A label from `meaningful` and the same label disguised one way or another. */
const disguiseArb: fc.Arbitrary<[string, string]> = fc.constantFrom(...meaningful).chain((name) =>
  fc.tuple(
    fc.constant(name),
    fc.oneof(
      fc
        .tuple(fc.nat(name.length), fc.constantFrom(...HIDDEN))
        .map(([at, hidden]) => `${name.slice(0, at)}${hidden}${name.slice(at)}`),
      fc.nat().map((at) => {
        const spots = [...name].flatMap((c, i) => (LOOK_ALIKES[c] ? [i] : []));
        const i = spots[at % Math.max(spots.length, 1)];
        return i === undefined ? name : `${name.slice(0, i)}${LOOK_ALIKES[name[i]!]}${name.slice(i + 1)}`;
      }),
      fc.constantFrom(' :', ': ', ' : ', '\u00a0:', ':\u3000').map((colon) => name.replace(':', colon)),
      fc.constant(fullwidth(name)),
    ),
  ),
);
const disguisedArb = disguiseArb.map(([, disguised]) => disguised);

const labelArb: fc.Arbitrary<RawLabel> = fc.record({
  name: fc.oneof(
    fc.constantFrom(...meaningful),
    disguisedArb,
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
      flags: [],
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

/** Whether a label is written exactly as a DESIGN.md convention (case-insensitive, outer whitespace aside). */
function writtenAsConvention(name: string): { field: string; value: string } | null {
  const label = name.replace(/^\p{White_Space}+|\p{White_Space}+$/gu, '');
  if (!/^[\x20-\x7e]*$/.test(label)) return null;
  const [, prefix = '', value = ''] = /^([a-z-]+):(.*)$/i.exec(label) ?? [];
  const lower = value.toLowerCase();
  const field = prefix.toLowerCase();
  if (field === 'owner' && ['security', 'data-science', 'shared'].includes(lower))
    return { field, value: lower };
  if (field === 'severity' && (SEVERITIES as readonly string[]).includes(lower))
    return { field, value: lower };
  if (field === 'phase' && (PHASES as readonly string[]).includes(lower)) return { field, value: lower };
  if (['atlas', 'owasp-ml', 'owasp-llm', 'nist', 'reg'].includes(field) && value === value.trim()) {
    const tag = resolveTag(`${field}:${value}`);
    if (tag.ok) return { field: 'tag', value: tag.value.tag };
  }
  return null;
}

const UNSAFE = /[\p{Cc}\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u;

describe('look-alike labels', () => {
  it.each([
    [
      'a Cyrillic letter in the value',
      'owner:ѕecurity',
      '"owner:ѕecurity" looks like "owner:security" but uses look-alike letters (Cyrillic "ѕ"); not applied',
    ],
    [
      'a zero-width joiner after the colon',
      'owner:\u200Dsecurity',
      '"owner:[U+200D]security" looks like an owner label but is not written as one; not applied',
    ],
    [
      'a zero-width space inside the prefix',
      'ow\u200Bner:security',
      '"ow[U+200B]ner:security" looks like an owner label but is not written as one; not applied',
    ],
    [
      'a zero-width space after the value',
      'owner:security\u200B',
      '"owner:security[U+200B]" looks like an owner label but is not written as one; not applied',
    ],
    [
      'a space before the colon',
      'owner :security',
      '"owner :security" looks like an owner label but is not written as one; not applied',
    ],
    [
      'a space after the colon',
      'owner: security',
      '"owner: security" looks like an owner label but is not written as one; not applied',
    ],
    [
      'fullwidth letters',
      'ｏｗｎｅｒ:security',
      '"ｏｗｎｅｒ:security" looks like an owner label but is not written as one; not applied',
    ],
    [
      'a right-to-left override',
      'owner:\u202Esecurity',
      '"owner:[U+202E]security" looks like an owner label but is not written as one; not applied',
    ],
    [
      'a Cyrillic letter in the prefix',
      'оwner:security',
      '"оwner:security" looks like "owner:security" but uses look-alike letters (Cyrillic "о"); not applied',
    ],
  ])('does not apply an owner label with %s, flags it and keeps it as a plain label', (_, name, flag) => {
    const mapped = map(name);
    expect(mapped.owner).toBeNull();
    expect(mapped.flags).toEqual([flag]);
    expect(mapped.labels).toEqual([{ name: shownLabel(name), color: 'aabbcc' }]);
  });

  it('does not let a zero-width space turn severity:critical into a second severity label', () => {
    const mapped = map('severity:critical\u200B', 'severity:low');
    expect(mapped.severity).toBe('low');
    expect(mapped.flags).toEqual([
      '"severity:critical[U+200B]" looks like a severity label but is not written as one; not applied',
    ]);
    expect(mapped.labels.map((l) => l.name)).toEqual(['severity:critical[U+200B]']);
  });

  it('resolves conflicting severities to the highest and says so', () => {
    expect(map('severity:low', 'severity:high')).toMatchObject({
      severity: 'high',
      flags: ['two severity labels: high and low; the board uses high'],
    });
    expect(map('severity:medium', 'severity:critical', 'severity:low').flags).toEqual([
      'three severity labels: critical, medium and low; the board uses critical',
    ]);
  });

  it('makes several owner teams shared without a flag, as DESIGN.md documents', () => {
    expect(map('owner:security', 'owner:data-science')).toMatchObject({ owner: 'shared', flags: [] });
  });

  it('names Greek and Cyrillic look-alike letters in severity, phase and taxonomy values', () => {
    expect(map('severity:hιgh').flags).toEqual([
      '"severity:hιgh" looks like "severity:high" but uses look-alike letters (Greek "ι"); not applied',
    ]);
    expect(map('phase:trаining').flags).toEqual([
      '"phase:trаining" looks like "phase:training" but uses look-alike letters (Cyrillic "а"); not applied',
    ]);
    expect(map('SEVERITY:ΗIGH').severity).toBe('unrated');
    const tag = map('atlas:АML.T0051');
    expect(tag).toMatchObject({ tags: [], unknownTags: ['atlas:АML.T0051'], labels: [] });
    expect(tag.flags).toEqual([
      '"atlas:АML.T0051" looks like "atlas:AML.T0051" but uses look-alike letters (Cyrillic "А"); not applied',
    ]);
  });

  it('does not apply a taxonomy label that only resolves through case mapping or spacing', () => {
    expect(map('reg:hıpaa', 'atlas: AML.T0051')).toMatchObject({
      tags: [],
      labels: [{ name: 'atlas: AML.T0051' }, { name: 'reg:hıpaa' }],
      flags: [
        '"atlas: AML.T0051" looks like a taxonomy label but is not written as one; not applied',
        '"reg:hıpaa" looks like "reg:HIPAA" but uses look-alike letters ("ı"); not applied',
      ],
    });
  });

  it('still applies labels that differ only in letter case or surrounding whitespace', () => {
    expect(map('Owner:Security', 'SEVERITY:CRITICAL', 'Phase:Data', 'ATLAS:aml.t0051', ' reg:gdpr ')).toEqual(
      {
        owner: 'security',
        severity: 'critical',
        phases: ['data'],
        tags: ['atlas:AML.T0051', 'reg:GDPR'],
        unknownTags: [],
        labels: [],
        flags: [],
      },
    );
  });

  it('flags a convention prefix with an unknown value and keeps the label', () => {
    const mapped = map('owner:legal', 'severity:urgent', 'phase:launch', 'owner:ѕecret');
    expect(mapped).toMatchObject({ owner: null, severity: 'unrated', phases: [] });
    expect(mapped.labels.map((l) => l.name)).toEqual([
      'owner:legal',
      'owner:ѕecret',
      'phase:launch',
      'severity:urgent',
    ]);
    expect(mapped.flags).toEqual([
      '"owner:legal" is not a known owner team (security, data-science, shared); not applied',
      '"owner:ѕecret" is not a known owner team (security, data-science, shared) and uses look-alike letters (Cyrillic "ѕ"); not applied',
      '"phase:launch" is not a known phase (data, training, evaluation, deployment, monitoring, governance); not applied',
      '"severity:urgent" is not a known severity (critical, high, medium, low); not applied',
    ]);
  });

  it('keeps unknown taxonomy IDs in unknownTags without a second flag', () => {
    expect(map('atlas:AML.T9999', 'reg:ccpa')).toMatchObject({
      unknownTags: ['atlas:AML.T9999', 'reg:ccpa'],
      labels: [],
      flags: [],
    });
  });

  it('accounts for every label: applied, flagged and kept, or kept as plain, never silently dropped', () => {
    fc.assert(
      fc.property(labelsArb, (labels) => {
        const mapped = mapLabels(labels, conventions);
        const plain = new Set(mapped.labels.map((l) => l.name.toLowerCase()));
        for (const { name } of labels) {
          if (!cleanText(name, 100)) continue;
          const applied = writtenAsConvention(name);
          if (applied?.field === 'owner') expect(mapped.owner).not.toBeNull();
          else if (applied?.field === 'severity') {
            expect(SEVERITIES.indexOf(mapped.severity)).toBeLessThanOrEqual(
              SEVERITIES.indexOf(applied.value as never),
            );
          } else if (applied?.field === 'phase') expect(mapped.phases).toContain(applied.value);
          else if (applied?.field === 'tag') expect(mapped.tags).toContain(applied.value);
          else {
            const kept =
              plain.has(cleanText(name, 100).toLowerCase()) ||
              plain.has(shownLabel(name).toLowerCase()) ||
              mapped.unknownTags.includes(shownLabel(name));
            expect(kept, JSON.stringify(name)).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never applies a disguised convention label, and always flags it', () => {
    fc.assert(
      fc.property(disguiseArb, ([original, name]) => {
        fc.pre(writtenAsConvention(name) === null);
        const mapped = map(name);
        expect(mapped).toMatchObject({ owner: null, severity: 'unrated', phases: [], tags: [] });
        if (writtenAsConvention(original)) {
          expect(mapped.flags.some((flag) => flag.startsWith(`"${shownLabel(name, 60)}"`))).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('writes flags as clean, sorted, distinct sentences without control or bidi characters', () => {
    fc.assert(
      fc.property(labelsArb, (labels) => {
        const { flags } = mapLabels(labels, conventions);
        expect([...new Set(flags)].sort()).toEqual(flags);
        for (const flag of flags) {
          expect(flag).not.toMatch(UNSAFE);
          expect(cleanText(flag, 200)).toBe(flag);
        }
      }),
      { numRuns: 500 },
    );
  });
});
