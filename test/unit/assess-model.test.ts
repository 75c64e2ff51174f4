import { describe, expect, it } from 'vitest';
import {
  addCustomRisk,
  addThreat,
  agreeOnSuggestion,
  awaitingRating,
  defaultsFor,
  needsDiscussion,
  newAssessment,
  rate,
  register,
  removeRisk,
  rename,
  reviewThreats,
  setProfile,
  setStatus,
  setStep,
  suggestAgreed,
  updateRisk,
  type Assessment,
  type Rating,
  type Risk,
} from '../../src/lib/assess/assessment.ts';
import { BANDS, bandOf, scoreOf } from '../../src/lib/assess/severity.ts';
import { byId, profiled, T0, T1, T2, threats, worked } from './assess-fixture.ts';

const r = (likelihood: number | null, impact: number | null): Rating => ({ likelihood, impact });
const ids = (a: Assessment) => a.risks.map((x) => x.id);
const risk = (a: Assessment, id: string) => a.risks.find((x) => x.id === id)!;

function rated(a: Assessment, id: string, slot: 'security' | 'dataScience' | 'agreed', l: number, i: number) {
  return rate(rate(a, id, slot, 'likelihood', l, T1), id, slot, 'impact', i, T1);
}

function withTeams(s: Rating, d: Rating): Risk {
  const a = reviewThreats(profiled(), threats, T1);
  const base = risk(a, 'prompt-injection');
  return { ...base, ratings: { security: s, dataScience: d, agreed: r(null, null) } };
}

describe('severity', () => {
  it.each([
    [4, 1, 4, 'low'],
    [1, 5, 5, 'medium'],
    [3, 3, 9, 'medium'],
    [2, 5, 10, 'high'],
    [4, 4, 16, 'high'],
    [4, 5, 20, 'critical'],
    [5, 5, 25, 'critical'],
    [1, 1, 1, 'low'],
  ] as const)('rates %i × %i as %i, %s', (l, i, score, band) => {
    expect(scoreOf(r(l, i))).toBe(score);
    expect(bandOf(r(l, i))).toBe(band);
  });

  it('has no score or band until both dimensions are set', () => {
    expect(scoreOf(r(3, null))).toBeNull();
    expect(scoreOf(r(null, 3))).toBeNull();
    expect(bandOf(r(null, null))).toBeNull();
  });

  it('bands every product of two scores from 1 to 5, in the module’s order', () => {
    expect(BANDS.map((b) => [b.band, b.min, b.max])).toEqual([
      ['low', 1, 4],
      ['medium', 5, 9],
      ['high', 10, 16],
      ['critical', 20, 25],
    ]);
    for (let l = 1; l <= 5; l++) for (let i = 1; i <= 5; i++) expect(bandOf(r(l, i))).not.toBeNull();
  });
});

describe('needing discussion', () => {
  it('flags a likelihood 2 apart', () => {
    expect(needsDiscussion(withTeams(r(4, 3), r(2, 3)))).toBe(true);
  });

  it('flags an impact 2 apart even when likelihoods agree', () => {
    expect(needsDiscussion(withTeams(r(3, 5), r(3, 3)))).toBe(true);
  });

  it('does not flag teams 1 apart on each dimension', () => {
    expect(needsDiscussion(withTeams(r(4, 3), r(3, 4)))).toBe(false);
  });

  it('compares dimensions, not products (2×4 and 4×2 are 2 apart)', () => {
    expect(needsDiscussion(withTeams(r(2, 4), r(4, 2)))).toBe(true);
  });

  it('waits until both teams have rated both dimensions', () => {
    expect(needsDiscussion(withTeams(r(5, 5), r(null, null)))).toBe(false);
    expect(needsDiscussion(withTeams(r(5, 5), r(1, null)))).toBe(false);
  });
});

describe('suggesting the agreed rating', () => {
  it('takes the teams’ rating when they agree', () => {
    expect(suggestAgreed(withTeams(r(3, 4), r(3, 4)))).toEqual(r(3, 4));
  });

  it('takes the higher of each dimension when they differ', () => {
    expect(suggestAgreed(withTeams(r(2, 5), r(4, 1)))).toEqual(r(4, 5));
  });

  it('uses whichever team rated a dimension, and nulls where neither did', () => {
    expect(suggestAgreed(withTeams(r(2, null), r(null, null)))).toEqual(r(2, null));
    expect(suggestAgreed(withTeams(r(null, null), r(null, null)))).toEqual(r(null, null));
  });

  it('writes the suggestion into the agreed slot', () => {
    let a = reviewThreats(profiled(), threats, T1);
    a = rated(a, 'prompt-injection', 'security', 2, 5);
    a = rated(a, 'prompt-injection', 'dataScience', 4, 1);
    a = agreeOnSuggestion(a, 'prompt-injection', T2);
    expect(risk(a, 'prompt-injection').ratings.agreed).toEqual(r(4, 5));
    expect(a.updatedAt).toBe(T2);
  });
});

describe('rating', () => {
  it('sets one dimension of one slot and leaves the rest', () => {
    const a = rate(
      reviewThreats(profiled(), threats, T1),
      'prompt-injection',
      'dataScience',
      'impact',
      3,
      T2,
    );
    expect(risk(a, 'prompt-injection').ratings).toEqual({
      security: r(null, null),
      dataScience: r(null, 3),
      agreed: r(null, null),
    });
    expect(a.updatedAt).toBe(T2);
  });

  it('clears a dimension with null', () => {
    let a = rated(reviewThreats(profiled(), threats, T1), 'prompt-injection', 'agreed', 3, 3);
    a = rate(a, 'prompt-injection', 'agreed', 'impact', null, T1);
    expect(risk(a, 'prompt-injection').ratings.agreed).toEqual(r(3, null));
  });

  it.each([0, 6, 2.5, Number.NaN])('refuses %s', (value) => {
    const a = reviewThreats(profiled(), threats, T1);
    expect(() => rate(a, 'prompt-injection', 'security', 'likelihood', value, T1)).toThrow(
      /whole number from 1 to 5/,
    );
  });

  it('names an unknown risk', () => {
    expect(() => rate(profiled(), 'nope', 'security', 'impact', 2, T1)).toThrow(
      'No risk nope in this assessment',
    );
    expect(() => updateRisk(profiled(), 'nope', { notes: 'x' }, T1)).toThrow(
      'No risk nope in this assessment',
    );
    expect(() => setStatus(profiled(), 'nope', 'included', '', T1)).toThrow(
      'No risk nope in this assessment',
    );
  });

  it('offers the threat’s defaults as a starting point', () => {
    expect(defaultsFor(byId('agent-tools-too-broad'))).toEqual(r(3, 5));
  });
});

describe('dismissing', () => {
  const a = reviewThreats(profiled(), threats, T1);

  it('needs a reason', () => {
    expect(() => setStatus(a, 'prompt-injection', 'dismissed', '   ', T1)).toThrow(
      'Say why the risk is dismissed',
    );
  });

  it('keeps the reason, trimmed, and clears it when the risk is included again', () => {
    const dismissed = setStatus(a, 'prompt-injection', 'dismissed', '  No retrieval  ', T2);
    expect(risk(dismissed, 'prompt-injection')).toMatchObject({
      status: 'dismissed',
      dismissReason: 'No retrieval',
    });
    const back = setStatus(dismissed, 'prompt-injection', 'included', 'ignored', T2);
    expect(risk(back, 'prompt-injection')).toMatchObject({ status: 'included', dismissReason: '' });
  });
});

describe('reviewing the threats the profile selects', () => {
  it('adds the selected threats in library order, included and unrated, with controls as keys', () => {
    const a = reviewThreats(profiled(), threats, T1);
    expect(ids(a)).toEqual(['secrets-in-notebooks', 'agent-tools-too-broad', 'prompt-injection']);
    expect(risk(a, 'secrets-in-notebooks')).toEqual({
      id: 'secrets-in-notebooks',
      threatId: 'secrets-in-notebooks',
      title: 'Credentials leak through notebooks',
      description: byId('secrets-in-notebooks').description,
      security: byId('secrets-in-notebooks').security,
      dataScience: byId('secrets-in-notebooks').dataScience,
      area: 'shared-tooling',
      phases: ['training', 'governance'],
      owner: 'shared',
      tags: ['atlas:AML.T0055'],
      controls: ['practice:share-tools-and-artifacts', 'checklist:secure-data-handling'],
      status: 'included',
      dismissReason: '',
      ratings: { security: r(null, null), dataScience: r(null, null), agreed: r(null, null) },
      notes: '',
    });
    expect(a.updatedAt).toBe(T1);
  });

  it('is idempotent and returns the same assessment when nothing changes', () => {
    const once = reviewThreats(worked(), threats, T1);
    const twice = reviewThreats(once, threats, T2);
    expect(twice).toBe(once);
    expect(twice.updatedAt).toBe(once.updatedAt);
  });

  it('drops untouched threats the profile no longer selects and adds newly selected ones', () => {
    const a = reviewThreats(profiled(), threats, T1);
    const changed = setProfile(a, { ...a.profile, model: ['llm-rag'], data: ['personal'] }, T2);
    expect(ids(reviewThreats(changed, threats, T2))).toEqual([
      'secrets-in-notebooks',
      'membership-inference',
      'prompt-injection',
    ]);
  });

  it.each([
    ['rated', (a: Assessment) => rate(a, 'agent-tools-too-broad', 'security', 'impact', 2, T1)],
    [
      'dismissed',
      (a: Assessment) => setStatus(a, 'agent-tools-too-broad', 'dismissed', 'Read-only tools', T1),
    ],
    ['given notes', (a: Assessment) => updateRisk(a, 'agent-tools-too-broad', { notes: 'Ask ops' }, T1)],
    ['retitled', (a: Assessment) => updateRisk(a, 'agent-tools-too-broad', { title: 'Broad tools' }, T1)],
    ['given other controls', (a: Assessment) => updateRisk(a, 'agent-tools-too-broad', { controls: [] }, T1)],
    [
      'given another owner',
      (a: Assessment) => updateRisk(a, 'agent-tools-too-broad', { owner: 'shared' }, T1),
    ],
  ])('keeps a deselected risk the team %s', (_how, touch) => {
    const a = touch(reviewThreats(profiled(), threats, T1));
    const deselected = setProfile(a, { ...a.profile, model: [] }, T2);
    expect(ids(reviewThreats(deselected, threats, T2))).toEqual([
      'secrets-in-notebooks',
      'agent-tools-too-broad',
    ]);
  });

  it('keeps a threat the team added by hand although the profile does not select it', () => {
    const a = addThreat(reviewThreats(profiled(), threats, T1), byId('decisions-without-appeal'), T1);
    expect(ids(reviewThreats(a, threats, T2))).toEqual([
      'secrets-in-notebooks',
      'agent-tools-too-broad',
      'prompt-injection',
      'decisions-without-appeal',
    ]);
  });

  it('puts library risks in library order and the team’s own last', () => {
    let a = addCustomRisk(profiled(), { title: 'Own', description: '', owner: 'shared', phases: [] }, T1);
    a = reviewThreats(addThreat(a, byId('membership-inference'), T1), threats, T1);
    expect(ids(a)).toEqual([
      'secrets-in-notebooks',
      'agent-tools-too-broad',
      'membership-inference',
      'prompt-injection',
      'custom-1',
    ]);
  });

  it('keeps a rated risk whose threat left the library, after the library’s risks', () => {
    const a = worked();
    const smaller = threats.filter((t) => t.id !== 'agent-tools-too-broad');
    const reviewed = reviewThreats(a, smaller, T2);
    expect(ids(reviewed)).toEqual([
      'secrets-in-notebooks',
      'membership-inference',
      'prompt-injection',
      'agent-tools-too-broad',
      'custom-1',
    ]);
  });

  it('does not change the assessment it was given', () => {
    const a = profiled();
    const copy = structuredClone(a);
    reviewThreats(a, threats, T1);
    expect(a).toEqual(copy);
  });
});

describe('adding and removing risks', () => {
  it('adds a library threat once, before the team’s own risks', () => {
    let a = addCustomRisk(
      reviewThreats(profiled(), threats, T1),
      { title: 'Own', description: '', owner: 'shared', phases: [] },
      T1,
    );
    a = addThreat(a, byId('membership-inference'), T2);
    expect(ids(a).slice(-2)).toEqual(['membership-inference', 'custom-1']);
    expect(risk(a, 'membership-inference').addedByHand).toBe(true);
    expect(addThreat(a, byId('membership-inference'), T2)).toBe(a);
    expect(addThreat(a, byId('prompt-injection'), T2)).toBe(a);
  });

  it('numbers custom risks one past the highest used, even after a removal', () => {
    const input = { title: ' Own risk ', description: 'd', owner: 'security', phases: ['data'] } as const;
    let a = addCustomRisk(addCustomRisk(profiled(), input, T1), input, T1);
    expect(ids(a)).toEqual(['custom-1', 'custom-2']);
    a = addCustomRisk(removeRisk(a, 'custom-1', T1), input, T1);
    expect(ids(a)).toEqual(['custom-2', 'custom-3']);
    expect(risk(a, 'custom-3')).toMatchObject({
      threatId: null,
      title: 'Own risk',
      area: null,
      owner: 'security',
      phases: ['data'],
      tags: [],
      controls: [],
      status: 'included',
    });
  });

  it('needs a title for a custom risk', () => {
    expect(() =>
      addCustomRisk(profiled(), { title: ' ', description: '', owner: 'shared', phases: [] }, T1),
    ).toThrow('Give the risk a title');
  });

  it('removes only the team’s own risks', () => {
    const a = reviewThreats(profiled(), threats, T1);
    expect(() => removeRisk(a, 'prompt-injection', T1)).toThrow(/dismiss it/);
    expect(() => removeRisk(a, 'custom-9', T1)).toThrow('No risk custom-9 in this assessment');
  });
});

describe('editing', () => {
  it('updates only the patched fields and the time', () => {
    const a = reviewThreats(profiled(), threats, T1);
    const b = updateRisk(a, 'prompt-injection', { security: 'Mine', phases: ['data'], tags: ['x', 'x'] }, T2);
    expect(risk(b, 'prompt-injection')).toEqual({
      ...risk(a, 'prompt-injection'),
      security: 'Mine',
      phases: ['data'],
      tags: ['x'],
    });
    expect(b.updatedAt).toBe(T2);
    expect(risk(a, 'prompt-injection').security).not.toBe('Mine');
  });

  it('refuses what would not read back', () => {
    const a = reviewThreats(profiled(), threats, T1);
    expect(() => updateRisk(a, 'prompt-injection', { controls: ['practice:Bad Id'] }, T1)).toThrow(
      /control key/,
    );
    expect(() => updateRisk(a, 'prompt-injection', { phases: ['launch' as never] }, T1)).toThrow(
      /No phase launch/,
    );
    expect(() => updateRisk(a, 'prompt-injection', { owner: 'legal' as never }, T1)).toThrow(/Owner must be/);
    expect(
      risk(updateRisk(a, 'prompt-injection', { notes: 'n'.repeat(6000) }, T1), 'prompt-injection').notes,
    ).toHaveLength(5000);
  });

  it('starts, renames and moves between steps', () => {
    const a = newAssessment('  Fraud model  ', T0, 'x1');
    expect(a).toMatchObject({
      id: 'x1',
      name: 'Fraud model',
      createdAt: T0,
      updatedAt: T0,
      step: 'describe',
      risks: [],
    });
    expect(rename(a, 'Fraud v2', T1)).toMatchObject({ name: 'Fraud v2', updatedAt: T1, createdAt: T0 });
    expect(setStep(a, 'rate', T1)).toMatchObject({ step: 'rate', updatedAt: T1 });
    expect(() => setStep(a, 'later' as never, T1)).toThrow(/No step/);
    expect(newAssessment('a', T0).id).not.toBe(newAssessment('a', T0).id);
  });
});

describe('the register', () => {
  it('lists included risks with a complete agreed rating, highest score first, then by title', () => {
    let a = worked();
    a = rated(a, 'membership-inference', 'agreed', 4, 4);
    a = rated(a, 'custom-1', 'agreed', 2, 2);
    const list = register(a);
    // prompt injection 16 and membership inference 16 tie: by title ("Prompt…" < "Training…").
    expect(list.map((x) => [x.id, x.score, x.band])).toEqual([
      ['prompt-injection', 16, 'high'],
      ['membership-inference', 16, 'high'],
      ['agent-tools-too-broad', 15, 'high'],
      ['custom-1', 4, 'low'],
    ]);
    expect(list[0]).toMatchObject({
      discuss: true,
      notes: '',
      title: 'Prompt injection through retrieved content',
    });
    expect(list[1]!.discuss).toBe(false);
  });

  it('leaves out dismissed risks and those not yet agreed, which wait for a rating', () => {
    let a = worked();
    a = rated(a, 'secrets-in-notebooks', 'agreed', 5, 5);
    a = rate(a, 'membership-inference', 'agreed', 'likelihood', 3, T1);
    expect(register(a).map((x) => x.id)).toEqual(['prompt-injection', 'agent-tools-too-broad']);
    expect(awaitingRating(a).map((x) => x.id)).toEqual(['membership-inference', 'custom-1']);
  });
});
