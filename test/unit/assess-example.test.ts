import { describe, expect, it } from 'vitest';
import { needsDiscussion, register } from '../../src/lib/assess/assessment.ts';
import { EXAMPLE_THREAT_IDS, exampleAssessment } from '../../src/lib/assess/example.ts';
import { guidanceCatalogue, libraryThreats } from '../fixtures/assess/library.ts';

const threats = libraryThreats();
const example = exampleAssessment(threats, '2026-11-20T10:00:00.000Z');

describe('the worked example', () => {
  it('names only threats the library has', () => {
    const ids = new Set(threats.map((t) => t.id));
    expect(EXAMPLE_THREAT_IDS.filter((id) => !ids.has(id))).toEqual([]);
  });

  it('opens at its register with every included risk rated by both teams and agreed', () => {
    expect(example.step).toBe('register');
    const included = example.risks.filter((r) => r.status === 'included');
    expect(included.length).toBeGreaterThanOrEqual(20);
    for (const r of included)
      for (const slot of ['security', 'dataScience', 'agreed'] as const)
        expect(
          r.ratings[slot].likelihood !== null && r.ratings[slot].impact !== null,
          `${r.id} ${slot}`,
        ).toBe(true);
    expect(register(example)).toHaveLength(included.length);
  });

  it('shows the parts of a real workshop: dismissals with reasons, disagreements, an added and an own risk', () => {
    const dismissed = example.risks.filter((r) => r.status === 'dismissed');
    expect(dismissed.length).toBe(2);
    for (const r of dismissed) expect(r.dismissReason.length).toBeGreaterThan(40);
    expect(example.risks.filter(needsDiscussion).length).toBe(5);
    expect(example.risks.some((r) => r.id === 'coordinated-feedback-skews-retraining')).toBe(true);
    expect(example.risks.filter((r) => r.threatId === null)).toHaveLength(1);
    expect(example.risks.find((r) => r.id === 'agent-exfiltrates-data-through-tool-calls')?.owner).toBe(
      'security',
    );
  });

  it('uses only controls the site has', () => {
    const catalogue = guidanceCatalogue();
    for (const r of example.risks)
      for (const key of r.controls) expect(catalogue[key], `${r.id}: ${key}`).toBeDefined();
  });

  it('is the same every time it is built', () => {
    expect(exampleAssessment(threats, '2026-11-20T10:00:00.000Z')).toEqual(example);
  });
});
