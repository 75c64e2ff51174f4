import { describe, expect, it } from 'vitest';
import { readAssessment, readAssessmentReport } from '../../src/lib/assess/assessment-read.ts';
import {
  current,
  emptyStore,
  exportJson,
  importJson,
  parseStore,
  removeAssessment,
  serialiseStore,
  STORE_KEY,
  uniqueName,
  upsert,
  type AssessmentStore,
} from '../../src/lib/assess/assessment-store.ts';
import { newAssessment, rename } from '../../src/lib/assess/assessment.ts';
import { MAX_BYTES } from '../../src/lib/stored-state.ts';
import { T0, T2, worked } from './assess-fixture.ts';

const RESET = /^Your saved assessments could not be read and have been reset\./;
/** A JSON round trip, as storage and files see the assessment. */
const json = (v: unknown) => JSON.parse(JSON.stringify(v)) as Record<string, any>;

function withRisk(change: (risk: Record<string, any>) => void): unknown {
  const raw = json(worked());
  change(raw['risks'][2]);
  return raw;
}

describe('reading an assessment from untrusted JSON', () => {
  it('reads back everything the model writes', () => {
    const a = worked();
    expect(readAssessmentReport(json(a))).toEqual({ assessment: a, dropped: 0 });
  });

  it.each([
    ['null', null],
    ['an array', []],
    ['a string', 'assessment'],
    ['no id', { ...json(worked()), id: '' }],
    ['a bad date', { ...json(worked()), updatedAt: 'yesterday' }],
    ['an unknown step', { ...json(worked()), step: 'finish' }],
    ['a name over 200 characters', { ...json(worked()), name: 'n'.repeat(201) }],
    [
      'a profile name over 200 characters',
      { ...json(worked()), profile: { ...json(worked()).profile, name: 'n'.repeat(201) } },
    ],
    ['risks that are not a list', { ...json(worked()), risks: 'x' }],
    ['no profile', { ...json(worked()), profile: null }],
    [
      'a profile purpose that is not text',
      { ...json(worked()), profile: { ...json(worked()).profile, purpose: 3 } },
    ],
  ])('refuses %s', (_name, value) => {
    expect(readAssessment(value)).toBeNull();
  });

  it.each([
    ['a rating of 6', (r: any) => (r.ratings.security.impact = 6)],
    ['a rating of 2.5', (r: any) => (r.ratings.agreed.likelihood = 2.5)],
    ['a rating as text', (r: any) => (r.ratings.dataScience.likelihood = '3')],
    ['a missing rating slot', (r: any) => delete r.ratings.agreed],
    ['an unknown owner', (r: any) => (r.owner = 'legal')],
    ['an unknown phase', (r: any) => (r.phases = ['launch'])],
    ['an unknown area', (r: any) => (r.area = 'weather')],
    ['an unknown status', (r: any) => (r.status = 'maybe')],
    ['a dismissal without reason', (r: any) => ((r.status = 'dismissed'), (r.dismissReason = ' '))],
    ['a title over 300 characters', (r: any) => (r.title = 't'.repeat(301))],
    ['notes over 5,000 characters', (r: any) => (r.notes = 'n'.repeat(5001))],
    ['a reason over 1,000 characters', (r: any) => (r.dismissReason = 'r'.repeat(1001))],
    ['51 tags', (r: any) => (r.tags = Array.from({ length: 51 }, (_, i) => `t${i}`))],
    ['51 controls', (r: any) => (r.controls = Array.from({ length: 51 }, (_, i) => `practice:p${i}`))],
    ['a malformed control', (r: any) => (r.controls = ['practice:../x'])],
    ['an id that is not its threat', (r: any) => (r.id = 'other')],
    ['a custom id that is not custom-<n>', (r: any) => ((r.threatId = null), (r.id = 'mine'))],
  ])('drops just the risk with %s, and counts it', (_name, change) => {
    const report = readAssessmentReport(withRisk(change));
    expect(report?.dropped).toBe(1);
    expect(report?.assessment.risks.map((r) => r.id)).toEqual([
      'secrets-in-notebooks',
      'agent-tools-too-broad',
      'membership-inference',
      'custom-1',
    ]);
  });

  it('accepts the edges of each limit', () => {
    const raw = withRisk((r) => {
      r.title = 't'.repeat(300);
      r.notes = 'n'.repeat(5000);
      r.tags = Array.from({ length: 50 }, (_, i) => `t${i}`);
      r.ratings.security = { likelihood: 1, impact: 5 };
    });
    expect(readAssessmentReport(raw)?.dropped).toBe(0);
  });

  it('drops unknown keys and repeated risk ids, and keeps at most 500 risks', () => {
    const raw = json(worked());
    raw['extra'] = 1;
    raw['risks'][0].extra = 'x';
    raw['risks'][0].ratings.security.extra = 2;
    raw['risks'].push(raw['risks'][1]);
    const report = readAssessmentReport(raw)!;
    expect(report.dropped).toBe(1);
    expect(report.assessment).toEqual(worked());

    const many = {
      ...json(worked()),
      risks: Array.from({ length: 501 }, (_, i) => ({ ...json(worked()).risks[4], id: `custom-${i + 1}` })),
    };
    const big = readAssessmentReport(many)!;
    expect(big.assessment.risks).toHaveLength(500);
    expect(big.dropped).toBe(1);
  });

  it('leaves out profile facts it does not know and keeps the rest', () => {
    const raw = json(worked());
    raw['profile'].model = ['agent-tools', 'quantum', 'agent-tools'];
    expect(readAssessment(raw)?.profile.model).toEqual(['agent-tools']);
  });

  it('is not fooled by __proto__ keys', () => {
    const text = JSON.stringify(worked()).replace('{"id":"a1"', '{"__proto__":{"polluted":true},"id":"a1"');
    const raw = JSON.parse(text);
    const withProtoRatings = withRisk((r) => {
      r.ratings = JSON.parse('{"__proto__":{"security":{"likelihood":1,"impact":1}}}');
    });
    expect(readAssessment(raw)).toEqual(worked());
    expect(readAssessmentReport(withProtoRatings)?.dropped).toBe(1);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reads only own fields, not ones a __proto__ key smuggled into the prototype', () => {
    // Object.assign turns an own "__proto__" key into the copy's prototype.
    const smuggled = Object.assign({}, JSON.parse(`{"__proto__":${JSON.stringify(worked())}}`));
    expect(smuggled.id).toBe('a1');
    expect(readAssessment(smuggled)).toBeNull();
  });

  it('never throws, even on a value whose getter does', () => {
    const hostile = json(worked());
    Object.defineProperty(hostile, 'name', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    expect(readAssessment(hostile)).toBeNull();
  });
});

describe('the saved assessments', () => {
  const a = worked();
  const b = newAssessment('Fraud model', T0, 'b2');
  const store: AssessmentStore = { version: 2, currentId: 'a1', assessments: [a, b] };

  it('lives under one key', () => {
    expect(STORE_KEY).toBe('tandem:assessments');
  });

  it('starts empty without a notice', () => {
    expect(parseStore(null)).toEqual({ value: emptyStore() });
    expect(emptyStore()).toEqual({ version: 2, currentId: null, assessments: [] });
  });

  it('round-trips', () => {
    expect(parseStore(serialiseStore(store))).toEqual({ value: store });
  });

  it('reads a store larger than the shared 256 K cap rather than resetting it', () => {
    const long = { ...a, id: 'big', risks: a.risks.map((r) => ({ ...r, notes: 'n'.repeat(5000) })) };
    const many = Array.from({ length: 12 }, (_, i) => ({ ...long, id: `big-${i}` }));
    const raw = serialiseStore({ version: 2, currentId: 'big-3', assessments: many });
    expect(raw.length).toBeGreaterThan(MAX_BYTES);
    expect(parseStore(raw)).toEqual({ value: { version: 2, currentId: 'big-3', assessments: many } });
  });

  it('migrates version 1, one assessment, making it current', () => {
    const raw = JSON.stringify({ version: 1, assessment: a });
    expect(parseStore(raw)).toEqual({ value: { version: 2, currentId: 'a1', assessments: [a] } });
  });

  it.each([
    ['text that is not JSON', '{"version":2,"assessments":['],
    ['an array', '[1,2]'],
    ['another app’s string', '"dark"'],
    ['an unknown version', JSON.stringify({ version: 3, currentId: null, assessments: [] })],
    ['no version', JSON.stringify({ currentId: null, assessments: [] })],
    ['assessments that are not a list', '{"version":2,"assessments":"x"}'],
    ['an unreadable version 1 assessment', JSON.stringify({ version: 1, assessment: { id: 'x' } })],
    ['a value over what a browser stores', 'x'.repeat(5 * 1024 * 1024 + 1)],
  ])('resets %s to an empty store and says so', (_name, raw) => {
    const loaded = parseStore(raw);
    expect(loaded.value).toEqual(emptyStore());
    expect(loaded.notice).toMatch(RESET);
  });

  it('drops an unreadable assessment among good ones, and its risks one by one, with a notice', () => {
    const raw = json(store);
    raw['assessments'].splice(1, 0, { id: 'broken' }, json(a));
    raw['assessments'][2].id = 'a3';
    raw['assessments'][2].risks[0].owner = 'nobody';
    const loaded = parseStore(JSON.stringify(raw));
    expect(loaded.value.assessments.map((x) => x.id)).toEqual(['a1', 'a3', 'b2']);
    expect(loaded.notice).toBe(
      'Saved assessments: 1 unreadable assessment was removed and 1 unreadable risk was removed.',
    );
  });

  it('makes the first assessment current when the current one could not be read', () => {
    const raw = json(store);
    raw['assessments'][0].step = 'nowhere';
    const loaded = parseStore(JSON.stringify(raw));
    expect(loaded.value.currentId).toBe('b2');
    expect(current(loaded.value)?.name).toBe('Fraud model');
  });

  it('upserts by id, appending new ones, and makes the assessment current', () => {
    const renamed = rename(a, 'Renamed', T2);
    const replaced = upsert({ ...store, currentId: 'b2' }, renamed);
    expect(replaced.assessments.map((x) => x.name)).toEqual(['Renamed', 'Fraud model']);
    expect(replaced.currentId).toBe('a1');
    const added = upsert(store, newAssessment('New', T0, 'c3'));
    expect(added.assessments.map((x) => x.id)).toEqual(['a1', 'b2', 'c3']);
    expect(current(added)?.id).toBe('c3');
    expect(store.assessments).toHaveLength(2);
  });

  it('removes an assessment, moving current to the first one left', () => {
    expect(removeAssessment(store, 'a1')).toEqual({ version: 2, currentId: 'b2', assessments: [b] });
    expect(removeAssessment(store, 'b2').currentId).toBe('a1');
    expect(current(removeAssessment(removeAssessment(store, 'a1'), 'b2'))).toBeNull();
  });
});

describe('exporting and importing a file', () => {
  const a = worked();

  it('round-trips an export exactly', () => {
    const text = exportJson(a, T2);
    expect(JSON.parse(text)).toEqual({
      format: 'tandem-assessment',
      version: 2,
      exportedAt: T2,
      assessment: a,
    });
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "assessment": {');
    expect(importJson(text)).toEqual({ ok: true, assessment: a });
  });

  it('leaves out the export time when none is given', () => {
    expect(JSON.parse(exportJson(a))).not.toHaveProperty('exportedAt');
  });

  it.each([
    ['not JSON', 'assessment: yes', /not JSON/],
    ['another JSON file', '{"name":"package"}', /not a Tandem assessment/],
    ['a JSON array', '[]', /not a Tandem assessment/],
    [
      'a file without a version',
      JSON.stringify({ format: 'tandem-assessment', assessment: a }),
      /not a Tandem assessment/,
    ],
    [
      'a newer format',
      JSON.stringify({ format: 'tandem-assessment', version: 3, assessment: a }),
      /newer version of Tandem/,
    ],
    [
      'an unreadable assessment',
      JSON.stringify({ format: 'tandem-assessment', version: 2, assessment: { id: 1 } }),
      /could not be read/,
    ],
    ['a file over 1 MB', ' '.repeat(1024 * 1024 + 1), /larger than 1 MB/],
  ])('refuses %s with a clear error', (_name, text, error) => {
    const result = importJson(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });

  it('imports what it can read and says what it dropped', () => {
    const raw = json({ format: 'tandem-assessment', version: 2, assessment: a });
    raw['assessment'].risks[0].ratings = null;
    expect(importJson(JSON.stringify(raw))).toEqual({
      ok: true,
      assessment: { ...a, risks: a.risks.slice(1) },
      notice: 'Imported, but 1 unreadable risk was removed.',
    });
  });

  it('gives an imported assessment a name no saved one has', () => {
    const store: AssessmentStore = {
      version: 2,
      currentId: null,
      assessments: [
        newAssessment('Fraud model', T0, '1'),
        newAssessment('Fraud model (2)', T0, '2'),
        newAssessment('Support', T0, '3'),
      ],
    };
    expect(uniqueName(store, 'Chatbot')).toBe('Chatbot');
    expect(uniqueName(store, 'Fraud model')).toBe('Fraud model (3)');
    expect(uniqueName(store, 'Fraud model (2)')).toBe('Fraud model (3)');
    expect(uniqueName(store, 'Support')).toBe('Support (2)');
    const long = 'x'.repeat(200);
    const crowded = { ...store, assessments: [newAssessment(long, T0, '4')] };
    expect(uniqueName(crowded, long)).toHaveLength(200);
  });
});
