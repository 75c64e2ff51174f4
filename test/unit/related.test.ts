import { describe, expect, it } from 'vitest';
import { relatedGuidance, relatedRisks, relation, tagLabel, WEIGHTS } from '../../src/lib/board/related.ts';
import { boardItemSchema, type BoardItem } from '../../src/schemas/board-item.ts';

let n = 0;
function risk(over: Record<string, unknown> = {}): BoardItem {
  n += 1;
  return boardItemSchema.parse({
    title: `Risk ${n}`,
    createdAt: '2026-10-01T00:00:00Z',
    updatedAt: '2026-11-20T00:00:00Z',
    ...over,
    key: `acme/r#${n}`,
    repo: 'acme/r',
    number: n,
    url: `https://github.com/acme/r/issues/${n}`,
  });
}

const page = (title: string, tags: string[], phases: string[] = []) => ({ title, tags, phases });

const modelTheft = {
  tags: ['atlas:AML.T0024.002', 'owasp-ml:ML05:2023', 'nist:MANAGE'],
  phases: ['deployment'],
};
const ethics = page(
  'Ethics and bias review',
  ['nist:GOVERN', 'nist:MAP', 'nist:MEASURE', 'nist:MANAGE', 'reg:GDPR', 'reg:EU-AI-Act'],
  ['data', 'training', 'evaluation', 'deployment', 'monitoring', 'governance'],
);

describe('relatedGuidance', () => {
  it('says why a page is related, naming the shared entries and phases', () => {
    const [match] = relatedGuidance({ tags: ['atlas:AML.T0020', 'nist:MAP'], phases: ['data'] }, [
      page('Poisoning', ['atlas:AML.T0020', 'owasp-ml:ML02:2023', 'nist:MAP'], ['data', 'training']),
    ]);
    expect(match!.reasons).toEqual([
      'shares ATLAS AML.T0020 Poison Training Data',
      'phase: data',
      'also NIST AI RMF MAP',
    ]);
    expect(match!.score).toBe(WEIGHTS.same + 2 * WEIGHTS.context);
  });

  it('leaves out an ethics checklist that shares only broad tags and a phase with a model-theft issue', () => {
    const privacy = page('Privacy attacks', ['atlas:AML.T0024.002', 'reg:GDPR'], ['deployment']);
    expect(relatedGuidance(modelTheft, [ethics, privacy]).map((r) => r.page.title)).toEqual([
      'Privacy attacks',
    ]);
  });

  it('never pads the list with pages related only by phase, NIST function, regulation or ATLAS tactic', () => {
    const loose = [
      page('Same phase', [], ['deployment']),
      page('Same NIST function', ['nist:MANAGE']),
      page('Same tactic', ['atlas:AML.TA0010']),
      page('Sibling sub-technique', ['atlas:AML.T0024.000']),
    ];
    expect(relatedGuidance({ ...modelTheft, tags: [...modelTheft.tags, 'atlas:AML.TA0010'] }, loose)).toEqual(
      [],
    );
  });

  it('ranks an exact technique above a parent technique, and broad context never lifts one above the other', () => {
    const exact = page('Exact', ['atlas:AML.T0024.002']);
    const parentWithContext = page(
      'Parent with every phase',
      ['atlas:AML.T0024', 'nist:MANAGE', 'nist:MAP', 'reg:GDPR'],
      ['deployment', 'data'],
    );
    const broadTheft = { tags: [...modelTheft.tags, 'nist:MAP', 'reg:GDPR'], phases: ['deployment', 'data'] };
    const ranked = relatedGuidance(broadTheft, [parentWithContext, exact]);
    expect(ranked.map((r) => r.page.title)).toEqual(['Exact', 'Parent with every phase']);
    expect(ranked[1]!.reasons[0]).toBe(
      'ATLAS AML.T0024 Exfiltration via AI Inference API, the parent technique of AML.T0024.002',
    );
    expect(ranked[1]!.score).toBe(WEIGHTS.family + WEIGHTS.maxContext);
    expect(ranked[1]!.score).toBeLessThan(WEIGHTS.same);
  });

  it('names a sub-technique with its parent and counts one parent match once', () => {
    const r = relation(
      { tags: ['atlas:AML.T0010'], phases: [] },
      { tags: ['atlas:AML.T0010.002', 'atlas:AML.T0010.003'], phases: [] },
    );
    expect(r).toEqual({
      score: WEIGHTS.family,
      reasons: ['ATLAS AML.T0010.002 AI Supply Chain Compromise: Data, a sub-technique of AML.T0010'],
    });
  });

  it('treats ATLAS mitigations and OWASP entries as real matches', () => {
    const ranked = relatedGuidance({ tags: ['atlas:AML.M0029', 'owasp-llm:LLM03:2026'], phases: [] }, [
      page('Mitigation only', ['atlas:AML.M0029']),
      page('Both', ['atlas:AML.M0029', 'owasp-llm:LLM03:2026']),
    ]);
    expect(ranked.map((r) => [r.page.title, r.score])).toEqual([
      ['Both', 2 * WEIGHTS.same],
      ['Mitigation only', WEIGHTS.same],
    ]);
    expect(ranked[0]!.reasons).toEqual([
      'shares ATLAS AML.M0029 Human In-the-Loop for AI Agent Actions, OWASP LLM03:2026 Excessive Agency',
    ]);
  });

  it('returns at most five, strongest first, then by title', () => {
    const pages = ['F', 'E', 'D', 'C', 'B', 'A'].map((t) => page(t, ['atlas:AML.T0020']));
    pages.push(page('Z strongest', ['atlas:AML.T0020', 'owasp-ml:ML02:2023']));
    expect(
      relatedGuidance({ tags: ['atlas:AML.T0020', 'owasp-ml:ML02:2023'], phases: [] }, pages).map(
        (r) => r.page.title,
      ),
    ).toEqual(['Z strongest', 'A', 'B', 'C', 'D']);
  });
});

describe('relatedRisks', () => {
  it('uses the same ranking for the risks on a guidance page, ties by severity, with reasons naming the risk', () => {
    const low = risk({ tags: ['atlas:AML.T0051.001'], severity: 'low' });
    const critical = risk({ tags: ['atlas:AML.T0051.001'], severity: 'critical' });
    const parentOnly = risk({ tags: ['atlas:AML.T0051'], severity: 'critical' });
    const phaseOnly = risk({ phases: ['deployment'], severity: 'critical' });
    const ranked = relatedRisks(
      { tags: ['atlas:AML.T0051.001', 'owasp-llm:LLM01:2026'], phases: ['deployment'] },
      [phaseOnly, parentOnly, low, critical],
    );
    expect(ranked.map((r) => r.item)).toEqual([critical, low, parentOnly]);
    expect(ranked[0]!.reasons).toEqual(['shares ATLAS AML.T0051.001 LLM Prompt Injection: Indirect']);
  });
});

describe('tagLabel', () => {
  it('names ATLAS and OWASP entries, and NIST functions and regulations by their ID', () => {
    expect(['atlas:AML.T0054', 'owasp-ml:ML05:2023', 'nist:MAP', 'reg:GDPR'].map(tagLabel)).toEqual([
      'ATLAS AML.T0054 LLM Jailbreak',
      'OWASP ML05:2023 Model Theft',
      'NIST AI RMF MAP',
      'GDPR',
    ]);
  });
});
