/**
 * The worked example behind `/assess/?example`: "Relay", a customer-support assistant that
 * answers from past tickets and the help centre and can propose refunds through a tool, assessed
 * by both teams. Built from the live threat library with the model's own functions, so it
 * always matches what a team would get: the profile selects the threats, then the teams'
 * decisions below (dismissals with reasons, one added threat, one risk of their own, both
 * teams' ratings, agreed ratings, owners and notes) are applied by threat id. A threat the
 * library adds later is rated at its defaults by both teams; test/unit/assess-example.test.ts
 * checks that every id named here still exists.
 */
import {
  addCustomRisk,
  addThreat,
  newAssessment,
  rate,
  reviewThreats,
  setProfile,
  setStatus,
  setStep,
  updateRisk,
  type Assessment,
  type LibraryThreat,
  type RatingSlot,
} from './assessment.ts';

export const EXAMPLE_ID = 'worked-example-relay';

const PROFILE = {
  name: 'Relay support assistant',
  purpose:
    'Answers customers on the website and in the app from past support tickets and the help centre, and proposes refunds of up to 150 EUR that a support agent approves with one click.',
  sources:
    'Three years of resolved support tickets (customer messages, agent replies, order numbers), help-centre articles, the order system through an API, and live chat messages from customers.',
  data: ['personal', 'special-category', 'user-generated'],
  model: ['llm-rag', 'agent-tools'],
  deployment: ['public', 'integrations'],
} as const;

/** Threats the teams dismissed, and why. */
const DISMISSED: Record<string, string> = {
  'assistant-quality-and-safety-uneven-across-languages':
    'Relay launches in English only; chats in any other language are handed to a human agent before the model sees them. Revisit before the German launch.',
  'hosted-model-provider-keeps-or-trains-on-prompts':
    'The model is used under the enterprise agreement legal reviewed in October: no training on our data and no retention beyond 30 days for abuse review. The DPA is on file.',
};

/** A library threat the profile did not select but the teams added. */
const ADDED = ['coordinated-feedback-skews-retraining'];

type Scores = [number, number, number, number, number, number];
/** Security L, I; data science L, I; agreed L, I. */
const RATINGS: Record<string, Scores> = {
  'indirect-prompt-injection-drives-tool-calls': [5, 4, 3, 4, 4, 4],
  'agent-tools-broader-than-the-task-needs': [4, 4, 4, 3, 4, 4],
  'agent-exfiltrates-data-through-tool-calls': [4, 5, 2, 4, 3, 5],
  'agent-memory-poisoned-across-sessions': [2, 3, 3, 3, 2, 3],
  'tool-descriptions-carry-hidden-instructions': [2, 4, 2, 3, 2, 4],
  'unvetted-mcp-server-holds-agent-credentials': [3, 5, 2, 4, 3, 5],
  'retrieval-ignores-the-askers-permissions': [4, 4, 4, 5, 4, 5],
  'public-llm-app-jailbroken-and-prompt-extracted': [5, 3, 5, 2, 5, 3],
  'llm-output-rendered-or-executed-unsanitised': [3, 4, 2, 3, 3, 4],
  'public-llm-app-runs-up-unbounded-cost': [4, 3, 3, 3, 4, 3],
  'public-assistant-presents-hallucinations-as-fact': [3, 3, 5, 4, 5, 4],
  'special-category-data-processed-without-article-9-condition': [2, 5, 4, 5, 3, 5],
  'erasure-request-cannot-reach-snapshots-and-trained-models': [3, 3, 4, 3, 4, 3],
  'model-data-leak-misses-breach-notification': [2, 5, 2, 5, 2, 5],
  'llm-turns-not-logged-for-reconstruction': [4, 3, 3, 3, 4, 3],
  'no-tested-kill-switch-or-rollback': [3, 4, 3, 4, 3, 4],
  'credentials-leak-through-notebooks-and-experiment-tracking': [4, 4, 2, 4, 3, 4],
  'model-exposed-externally-on-an-internal-threat-model': [4, 3, 3, 3, 4, 3],
  'ai-system-missing-from-inventory-with-no-accountable-owner': [2, 3, 2, 3, 2, 3],
  'accepted-ai-risk-has-no-owner-or-expiry': [3, 3, 3, 2, 3, 3],
  'unwritten-intended-use-lets-scope-creep-unassessed': [3, 3, 4, 3, 4, 3],
  'model-repurposed-to-monitor-employees-or-customers': [2, 4, 1, 4, 2, 4],
  'coordinated-feedback-skews-retraining': [2, 3, 3, 3, 3, 3],
};

/** Where the teams changed the suggested owner or wrote down what they agreed. */
const DECISIONS: Record<string, { owner?: 'security' | 'data-science' | 'shared'; notes: string }> = {
  'indirect-prompt-injection-drives-tool-calls': {
    notes:
      'Security rated 5 because any customer can write a ticket that later lands in another customer’s retrieval context. Agreed: the refund tool checks the order belongs to the signed-in customer and the amount against policy outside the model.',
  },
  'agent-exfiltrates-data-through-tool-calls': {
    owner: 'security',
    notes:
      'Data science assumed the tools return only the caller’s own orders; security showed get_order accepts any order number. Fix the tool, then re-rate.',
  },
  'public-assistant-presents-hallucinations-as-fact': {
    owner: 'data-science',
    notes:
      'Data science measured 6 % unsupported refund-policy answers on the evaluation set; answers about policy must cite the help-centre article or hand over.',
  },
  'special-category-data-processed-without-article-9-condition': {
    notes:
      'Customers mention health conditions when asking for delivery exceptions. Redact before indexing; the privacy lead confirms whether any Article 9 condition applies to what remains.',
  },
  'retrieval-ignores-the-askers-permissions': {
    notes:
      'Tickets are indexed per customer account; the retriever must filter on the account before ranking.',
  },
};

/** Security L, I; data science L, I; agreed L, I for the teams' own risk. */
const OWN_RISK = {
  title: 'Support agents approve refund proposals without checking them',
  description:
    'Agents approve most refund proposals with one click during busy hours. If the model or an injected ticket proposes a wrong refund, the human check that the design relies on does not happen.',
  owner: 'shared' as const,
  phases: ['deployment' as const, 'monitoring' as const],
  tags: ['atlas:AML.T0048.003', 'owasp-llm:LLM03:2026', 'nist:MANAGE'],
  scores: [3, 3, 4, 3, 4, 3] as Scores,
  notes: 'Sample 5 % of approved refunds weekly and show agents why a refund was proposed.',
};

const SLOTS: Array<[RatingSlot, number]> = [
  ['security', 0],
  ['dataScience', 2],
  ['agreed', 4],
];

function rateAll(a: Assessment, id: string, scores: Scores, now: string): Assessment {
  for (const [slot, at] of SLOTS) {
    a = rate(a, id, slot, 'likelihood', scores[at]!, now);
    a = rate(a, id, slot, 'impact', scores[at + 1]!, now);
  }
  return a;
}

/** The example as the teams left it, at its register. */
export function exampleAssessment(threats: readonly LibraryThreat[], now: string): Assessment {
  let a = newAssessment('Worked example: Relay support assistant', now, EXAMPLE_ID);
  a = setProfile(
    a,
    { ...PROFILE, data: [...PROFILE.data], model: [...PROFILE.model], deployment: [...PROFILE.deployment] },
    now,
  );
  a = reviewThreats(a, threats, now);
  for (const id of ADDED) {
    const threat = threats.find((t) => t.id === id);
    if (threat) a = addThreat(a, threat, now);
  }
  for (const risk of a.risks) {
    const reason = DISMISSED[risk.id];
    if (reason) {
      a = setStatus(a, risk.id, 'dismissed', reason, now);
      continue;
    }
    const threat = threats.find((t) => t.id === risk.threatId);
    const d = threat ? [threat.likelihood, threat.impact] : [3, 3];
    a = rateAll(a, risk.id, RATINGS[risk.id] ?? ([...d, ...d, ...d] as Scores), now);
    const decision = DECISIONS[risk.id];
    if (decision)
      a = updateRisk(
        a,
        risk.id,
        { notes: decision.notes, ...(decision.owner ? { owner: decision.owner } : {}) },
        now,
      );
  }
  a = addCustomRisk(a, OWN_RISK, now);
  const own = a.risks[a.risks.length - 1]!;
  a = rateAll(a, own.id, OWN_RISK.scores, now);
  a = updateRisk(
    a,
    own.id,
    {
      notes: OWN_RISK.notes,
      security:
        'Whether approvals are logged with who approved and how long they looked, and whether refunds above a threshold need a second approver.',
      dataScience:
        'How often proposals are wrong on replayed tickets, and whether the proposal shows the policy rule and ticket text it relied on.',
      controls: ['practice:transparency-and-human-oversight', 'practice:monitor-models-in-production'],
    },
    now,
  );
  return setStep(a, 'register', now);
}

/** Ids the example names, for its test. */
export const EXAMPLE_THREAT_IDS = [...Object.keys(DISMISSED), ...ADDED, ...Object.keys(RATINGS)];
