import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapFields } from '../../src/lib/sync/form-precedence.ts';
import { formAnswers } from '../../src/lib/sync/issue-form.ts';
import { sourceFingerprint } from '../../src/lib/sync/plan.ts';
import { issueFormSchema } from '../../src/schemas/issue-form.ts';
import { sourcesConfigSchema, type RepoSource } from '../../src/schemas/sources.ts';
import { formBody, loadForm, optionsOf, withLabel } from '../fixtures/issue-form/form.ts';

const config = sourcesConfigSchema.parse({ sources: [{ repo: 'acme/x' }] });
const form = config.issueForm;
const answers = (body: string) => formAnswers(body, form);
const fields = (labels: string[], body: string, issueForm = form) =>
  mapFields(
    labels.map((name) => ({ name, color: 'aabbcc' })),
    body,
    config.conventions,
    issueForm,
  );

const FULL = {
  'Owner team': 'Security',
  Severity: 'High',
  'Lifecycle phase': ['Data', 'Training'],
  'Affected system': 'LLM application',
  'System name': 'support-copilot',
  'ATLAS technique ID(s)': 'AML.T0051, AML.T0020',
  Description: 'Retrieved wiki pages can carry instructions the model follows.',
};

/** Runs `fn` and returns how long it took, in milliseconds. */
function timed(fn: () => unknown): number {
  const started = performance.now();
  fn();
  return performance.now() - started;
}

describe('the shipped issue form', () => {
  const shipped = loadForm();
  const questions = shipped.body.filter((element) => element.type !== 'markdown');

  it('files an issue titled "[Risk]: " with the risk label, opening with an introduction', () => {
    expect(shipped).toMatchObject({ name: expect.any(String), description: expect.any(String) });
    expect(shipped.title).toBe('[Risk]: ');
    expect(shipped.labels).toEqual(['risk']);
    expect(shipped.body[0]?.type).toBe('markdown');
  });

  it('has an id on every question, the ids the sync and the docs name, and a required description', () => {
    expect(questions.map((q) => [q.type, q.id, q.attributes.label])).toEqual([
      ['dropdown', 'owner', 'Owner team'],
      ['dropdown', 'severity', 'Severity'],
      ['dropdown', 'phase', 'Lifecycle phase'],
      ['dropdown', 'system', 'Affected system'],
      ['input', 'system-name', 'System name'],
      ['input', 'atlas', 'ATLAS technique ID(s)'],
      ['textarea', 'description', 'Description'],
    ]);
    expect(questions.find((q) => q.id === 'description')?.validations?.required).toBe(true);
    expect(questions.find((q) => q.id === 'phase')?.attributes.multiple).toBe(true);
  });

  it('offers exactly the options the default config maps, so form and config cannot drift', () => {
    expect(optionsOf('Owner team')).toEqual(['Security', 'Data science', 'Shared']);
    expect(optionsOf('Severity')).toEqual(['Critical', 'High', 'Medium', 'Low']);
    expect(optionsOf('Lifecycle phase')).toEqual([
      'Data',
      'Training',
      'Evaluation',
      'Deployment',
      'Monitoring',
      'Governance',
    ]);
    expect(optionsOf('Owner team')).toEqual(Object.keys(form.owner.options));
    expect(optionsOf('Severity')).toEqual(Object.keys(form.severity.options));
    expect(optionsOf('Lifecycle phase')).toEqual(Object.keys(form.phase.options));
    expect([form.owner, form.severity, form.phase, form.atlas].map((q) => q.heading)).toEqual([
      'Owner team',
      'Severity',
      'Lifecycle phase',
      'ATLAS technique ID(s)',
    ]);
  });

  it('cannot be rendered with an option it does not offer', () => {
    expect(() => formBody({ 'Owner team': 'Legal' })).toThrow(/no option "Legal"/);
    expect(() => formBody({ Severity: ['High', 'Low'] })).toThrow(/takes one option/);
    expect(() => formBody({ Team: 'Security' })).toThrow(/no question labelled "Team"/);
  });
});

describe('reading form answers', () => {
  it('maps every option of every dropdown to a board value with the default config', () => {
    const owners = { Security: 'security', 'Data science': 'data-science', Shared: 'shared' };
    for (const option of optionsOf('Owner team')) {
      expect(answers(formBody({ 'Owner team': option })).owner).toBe(owners[option as keyof typeof owners]);
    }
    for (const option of optionsOf('Severity')) {
      expect(answers(formBody({ Severity: option })).severity).toBe(option.toLowerCase());
    }
    for (const option of optionsOf('Lifecycle phase')) {
      expect(answers(formBody({ 'Lifecycle phase': [option] })).phases).toEqual([option.toLowerCase()]);
    }
    const all = answers(formBody({ 'Lifecycle phase': optionsOf('Lifecycle phase') }));
    expect(all).toEqual({
      phases: ['data', 'training', 'evaluation', 'deployment', 'monitoring', 'governance'],
      flags: [],
    });
  });

  it('reads a whole filled-in form, with the ATLAS IDs as canonical tags', () => {
    expect(answers(formBody(FULL))).toEqual({
      owner: 'security',
      severity: 'high',
      phases: ['data', 'training'],
      tags: ['atlas:AML.T0020', 'atlas:AML.T0051'],
      flags: [],
    });
  });

  it('gives nothing for questions left empty (_No response_), missing or in a body that is not a form', () => {
    expect(answers(formBody({ Description: 'Only a description.' }))).toEqual({ flags: [] });
    expect(answers('')).toEqual({ flags: [] });
    expect(answers('Found while reviewing the churn model.\n\n## Severity\n\nHigh')).toEqual({ flags: [] });
  });

  it('reads CRLF and CR line endings, headings in any case with trailing spaces, answers in any case', () => {
    const body = formBody(FULL);
    expect(answers(body.replaceAll('\n', '\r\n'))).toEqual(answers(body));
    expect(answers(body.replaceAll('\n', '\r'))).toEqual(answers(body));
    const sloppy = '###   owner TEAM   \t\n\n  data SCIENCE  \n\n  ### severity\n\nCRITICAL';
    expect(answers(sloppy)).toEqual({ owner: 'data-science', severity: 'critical', flags: [] });
  });

  it('takes the first answer when a heading repeats, so a description quoting the form changes nothing', () => {
    const body = `${formBody({ ...FULL, Severity: 'Low' })}\n\n### Severity\n\nCritical\n\n### Owner team\n\nShared`;
    expect(answers(body)).toMatchObject({ owner: 'security', severity: 'low' });
  });

  it('flags an answer that is not one of the options and applies nothing for it', () => {
    const body = formBody(FULL)
      .replace('\n\nSecurity\n', '\n\nSecurity and legal\n')
      .replace('Training', 'Retirement');
    expect(answers(body)).toEqual({
      severity: 'high',
      phases: ['data'],
      tags: ['atlas:AML.T0020', 'atlas:AML.T0051'],
      flags: [
        `the form's owner team answer "Security and legal" is not one of its options (Security, Data science, Shared); not applied`,
        `the form's lifecycle phase answer "Retirement" is not one of its options (Data, Training, Evaluation, Deployment, Monitoring, Governance); not applied`,
      ],
    });
  });

  it('does not take a look-alike spelling of an option for the option', () => {
    // A Cyrillic "Ѕ", and a dotless "ı", which uppercases to a Latin "I".
    expect(answers('### Owner team\n\n\u0405ecurity').owner).toBeUndefined();
    expect(answers('### Severity\n\nH\u0131gh')).toMatchObject({
      flags: [expect.stringMatching(/not one of its options/)],
    });
    expect(answers('### Severity\n\nH\u0131gh').severity).toBeUndefined();
  });

  it('keeps known ATLAS IDs, sub-techniques included, and flags unknown ones and answers without any', () => {
    const atlas = (text: string) => answers(formBody({ 'ATLAS technique ID(s)': text }));
    expect(atlas('aml.t0051.000; see also AML.T0051.')).toEqual({
      tags: ['atlas:AML.T0051', 'atlas:AML.T0051.000'],
      flags: [],
    });
    expect(atlas('AML.T0051 AML.T9999')).toEqual({
      tags: ['atlas:AML.T0051'],
      flags: ['the form names ATLAS IDs that are not in the taxonomy: AML.T9999; not applied'],
    });
    expect(atlas('prompt injection')).toEqual({
      flags: [
        `the form's ATLAS answer "prompt injection" names no technique ID such as AML.T0051; not applied`,
      ],
    });
    expect(atlas('AML.T00510 xAML.T0051').tags).toBeUndefined();
  });
});

describe('labels win over form answers', () => {
  const body = formBody(FULL);

  it('fills owner, severity, phases and ATLAS tags from the form when the issue has only its selecting label', () => {
    expect(fields(['risk', 'reg:gdpr'], body)).toMatchObject({
      owner: 'security',
      severity: 'high',
      phases: ['data', 'training'],
      tags: ['atlas:AML.T0020', 'atlas:AML.T0051', 'reg:GDPR'],
      flags: [],
    });
  });

  it('keeps the label and flags the form when they disagree, field by field', () => {
    const mapped = fields(
      ['risk', 'owner:data-science', 'severity:low', 'phase:deployment', 'atlas:AML.T0020'],
      body,
    );
    expect(mapped).toMatchObject({
      owner: 'data-science',
      severity: 'low',
      phases: ['deployment'],
      tags: ['atlas:AML.T0020'],
    });
    expect(mapped.flags).toEqual([
      'the form says ATLAS AML.T0020, AML.T0051 but the labels say AML.T0020; the labels win',
      'the form says owner Security but the label says data-science; the label wins',
      'the form says phase Data, Training but the labels say deployment; the labels win',
      'the form says severity High but the label says low; the label wins',
    ]);
  });

  it('says nothing when a label and the form agree, and fills only the fields without a label', () => {
    expect(fields(['risk', 'owner:security'], body)).toMatchObject({
      owner: 'security',
      severity: 'high',
      phases: ['data', 'training'],
      flags: [],
    });
  });

  it('lets a label that is not applied still block the form, saying how to use the answer', () => {
    const mapped = fields(['risk', 'severity:urgent'], formBody({ Severity: 'High' }));
    expect(mapped.severity).toBe('unrated');
    expect(mapped.flags).toEqual([
      '"severity:urgent" is not a known severity (critical, high, medium, low); not applied',
      'the form says severity High but the issue has a severity label that is not applied; fix or remove it to use the answer',
    ]);
    expect(fields(['risk', '\u03BFwner:shared'], formBody({ 'Owner team': 'Security' })).owner).toBeNull();
  });

  it('resolves several owner labels to shared, as without a form, and flags a different answer', () => {
    const mapped = fields(
      ['risk', 'owner:security', 'owner:data-science'],
      formBody({ 'Owner team': 'Security' }),
    );
    expect(mapped.owner).toBe('shared');
    expect(mapped.flags).toEqual(['the form says owner Security but the label says shared; the label wins']);
  });
});

describe('a remapped form in sources.yaml', () => {
  it('reads renamed headings and options, keeping the defaults of what it does not name', () => {
    const edited = withLabel('Owner team', 'Team', withLabel('Severity', 'Impact'));
    edited.body = edited.body.map((element) =>
      element.attributes.label === 'Team'
        ? { ...element, attributes: { ...element.attributes, options: ['AppSec', 'ML'] } }
        : element,
    );
    const remapped = issueFormSchema.parse({
      owner: { heading: 'Team', options: { AppSec: 'security', ML: 'data-science' } },
      severity: { heading: 'Impact' },
    });
    expect(remapped.phase).toEqual(form.phase);
    expect(remapped.severity.options).toEqual(form.severity.options);
    const body = formBody({ Team: 'ML', Impact: 'Medium', 'Lifecycle phase': ['Monitoring'] }, edited);
    expect(formAnswers(body, remapped)).toEqual({
      owner: 'data-science',
      severity: 'medium',
      phases: ['monitoring'],
      flags: [],
    });
    expect(formAnswers(body, form)).toEqual({ phases: ['monitoring'], flags: [] });
  });

  it('takes an option text with commas in a multi-select', () => {
    const remapped = issueFormSchema.parse({
      phase: { options: { 'Data, features': 'data', 'Training, tuning': 'training', Serving: 'deployment' } },
    });
    expect(
      formAnswers('### Lifecycle phase\n\nServing, data, features, Training, tuning', remapped).phases,
    ).toEqual(['data', 'training', 'deployment']);
  });

  it('rejects values that are not board values, repeated options or headings, and unknown keys', () => {
    const problems = (input: unknown) => {
      const result = sourcesConfigSchema.safeParse({ sources: [{ repo: 'acme/x' }], issueForm: input });
      return result.success
        ? []
        : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    };
    expect(problems({ owner: { options: { Ops: 'operations' } } }).join('\n')).toMatch(
      /issueForm\.owner\.options\.Ops: owner must be one of security, data-science, shared/,
    );
    expect(problems({ phase: { options: { Retirement: 'retirement' } } }).join('\n')).toMatch(
      /phase must be one of/,
    );
    expect(problems({ severity: { options: { High: 'high', ' high ': 'critical' } } }).join('\n')).toMatch(
      /the option "high" is listed twice/,
    );
    expect(problems({ severity: { heading: 'owner TEAM' } }).join('\n')).toMatch(
      /the heading "owner TEAM" is used twice/,
    );
    expect(problems({ owner: { heading: '  ' } }).join('\n')).toMatch(/a form heading cannot be empty/);
    expect(problems({ owner: { label: 'Team' } }).join('\n')).toMatch(/label/);
    expect(problems({ system: { heading: 'Affected system' } }).join('\n')).toMatch(/system/);
  });

  it('is part of the fingerprint, so changing it makes the next sync a full one', () => {
    const source = config.sources[0] as RepoSource;
    const remapped = sourcesConfigSchema.parse({
      sources: [{ repo: 'acme/x' }],
      issueForm: { severity: { heading: 'Impact' } },
    });
    expect(sourceFingerprint(source, remapped)).not.toBe(sourceFingerprint(source, config));
    const same = sourcesConfigSchema.parse({ sources: [{ repo: 'acme/x' }], issueForm: {} });
    expect(sourceFingerprint(source, same)).toBe(sourceFingerprint(source, config));
  });
});

describe('hostile bodies', () => {
  const HOSTILE: Record<string, string> = {
    'nested quotes and lists': `${'> - '.repeat(3000)}### Severity\n\nHigh`,
    'unclosed brackets and emphasis': `### Owner team\n\n${'[*_'.repeat(4000)}`,
    'heading markers without end': '###'.repeat(20_000),
    'a heading per line': '### Severity\n'.repeat(10_000),
    'noncharacters and lone surrogates': `### Owner team\n\n${'\uFFFF\uD800Security\uFFFE'.repeat(1000)}`,
    'ATLAS ID fragments': `### ATLAS technique ID(s)\n\n${'AML.T0'.repeat(5000)}${'AML.T0051.'.repeat(500)}`,
    'commas for the multi-select': `### Lifecycle phase\n\n${', ,Data'.repeat(20_000)}`,
    'carriage returns only': '\r'.repeat(100_000),
  };

  it.each(Object.entries(HOSTILE))('reads %s quickly, without throwing', (_, body) => {
    expect(body.length).toBeGreaterThan(5_000);
    let result: unknown;
    expect(timed(() => (result = fields(['risk'], body)))).toBeLessThan(250);
    expect(result).toMatchObject({ flags: expect.any(Array) });
  });

  it('reads only the first 64 KB of a 1 MB body, quickly', () => {
    const late = `${'x'.repeat(70_000)}\n\n### Severity\n\nCritical\n`;
    expect(answers(`${late}${'y'.repeat(1_000_000)}`)).toEqual({ flags: [] });
    const huge = `### Owner team\n\nShared\n\n### Description\n\n${'Details of the finding. '.repeat(45_000)}`;
    expect(huge.length).toBeGreaterThan(1_000_000);
    let result: unknown;
    expect(timed(() => (result = answers(huge)))).toBeLessThan(250);
    expect(result).toEqual({ owner: 'shared', flags: [] });
  });

  it('applies no answer wrapped in noncharacters or lone surrogates, and flags it without them', () => {
    const mapped = fields(['risk'], '### Owner team\n\n\uFFFFSecurity\uD800\n\n### Severity  \n\n\uFFFF');
    expect(mapped.owner).toBeNull();
    expect(mapped.severity).toBe('unrated');
    expect(mapped.flags).toHaveLength(2);
    expect(mapped.flags.join('')).not.toMatch(/[\uFFFF\uD800-\uDFFF]/);
  });

  it('keeps flags short and safe when an answer is long or full of hidden characters', () => {
    const { flags } = answers(`### Severity\n\n${'\u200Bhigh\u202E'.repeat(500)}`);
    expect(flags).toHaveLength(1);
    expect(
      fields(['risk'], `### Severity\n\n${'\u200Bhigh\u202E'.repeat(500)}`).flags[0]!.length,
    ).toBeLessThanOrEqual(200);
    expect(flags[0]).toContain('[U+200B]');
  });

  it('never throws and yields only board values on any text around the form', () => {
    const piece = fc.oneof(
      fc.constantFrom(
        '### Owner team',
        '### Severity',
        '### Lifecycle phase',
        '### ATLAS technique ID(s)',
        '\n',
        '\r\n',
      ),
      fc.constantFrom('Security', 'High', 'Data, Training', 'AML.T0051', '_No response_', ', ', '\uFFFF'),
      fc.string({ unit: 'binary', maxLength: 20 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const result = fields(['risk'], pieces.join(''));
        expect([null, 'security', 'data-science', 'shared']).toContain(result.owner);
        expect(['critical', 'high', 'medium', 'low', 'unrated']).toContain(result.severity);
        for (const flag of result.flags) expect(flag.length).toBeLessThanOrEqual(200);
      }),
    );
  });
});
