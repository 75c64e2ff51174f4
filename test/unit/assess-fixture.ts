/** A small threat library and a worked assessment for the workshop's model, store and share tests. */
import {
  addCustomRisk,
  addThreat,
  newAssessment,
  rate,
  reviewThreats,
  setProfile,
  setStatus,
  updateRisk,
  type Assessment,
  type LibraryThreat,
} from '../../src/lib/assess/assessment.ts';
import { emptyProfile } from '../../src/lib/assess/profile.ts';

export const T0 = '2026-11-20T10:00:00.000Z';
export const T1 = '2026-11-20T11:00:00.000Z';
export const T2 = '2026-11-20T12:00:00.000Z';

const base = {
  security: 'Security looks for who can reach the inputs and what an attacker gains from them.',
  dataScience: 'Data science looks at how the model behaves on these inputs and what it was trained on.',
  rationale: 'Defaults reflect how exposed a typical system of this kind is today.',
};

/** In library order: always, agent tools, personal data, any-of, public deployment. */
export const threats: LibraryThreat[] = [
  {
    ...base,
    id: 'secrets-in-notebooks',
    title: 'Credentials leak through notebooks',
    area: 'shared-tooling',
    description: 'Keys pasted into notebooks end up in version control and experiment trackers.',
    appliesWhen: 'always',
    phases: ['training', 'governance'],
    owner: 'shared',
    tags: ['atlas:AML.T0055'],
    controls: [{ practice: 'share-tools-and-artifacts' }, { checklist: 'secure-data-handling' }],
    likelihood: 4,
    impact: 3,
  },
  {
    ...base,
    id: 'agent-tools-too-broad',
    title: 'Agent tools broader than the task needs',
    area: 'model-design',
    description: 'An agent with write access to everything does whatever an injected prompt asks.',
    appliesWhen: 'model:agent-tools',
    phases: ['deployment'],
    owner: 'security',
    tags: ['atlas:AML.T0053', 'owasp-llm:LLM06'],
    controls: [{ practice: 'least-privilege-access-for-data-and-models' }],
    likelihood: 3,
    impact: 5,
  },
  {
    ...base,
    id: 'membership-inference',
    title: 'Training records inferred from outputs',
    area: 'data-handling-and-governance',
    description: 'Queries reveal whether a person was in the training data, a privacy breach in itself.',
    appliesWhen: 'data:personal',
    phases: ['training', 'evaluation'],
    owner: 'data-science',
    tags: ['atlas:AML.T0024'],
    controls: [{ module: 'security-for-data-scientists/privacy-attacks' }],
    likelihood: 2,
    impact: 4,
  },
  {
    ...base,
    id: 'prompt-injection',
    title: 'Prompt injection through retrieved content',
    area: 'model-design',
    description: 'Instructions hidden in retrieved documents or tool output steer the model.',
    appliesWhen: { any: ['model:llm-rag', 'model:agent-tools'] },
    phases: ['deployment', 'monitoring'],
    owner: 'shared',
    tags: ['atlas:AML.T0051', 'owasp-llm:LLM01'],
    controls: [{ module: 'security-for-data-scientists/llm-application-security' }],
    likelihood: 4,
    impact: 4,
  },
  {
    ...base,
    id: 'decisions-without-appeal',
    title: 'Automated decisions without explanation or appeal',
    area: 'ethics',
    description: 'People affected by a decision cannot learn why or contest it.',
    appliesWhen: { all: ['deployment:public', 'deployment:automated-decisions'] },
    phases: ['deployment', 'governance'],
    owner: 'shared',
    tags: ['atlas:AML.T0048'],
    controls: [{ practice: 'transparency-and-human-oversight' }],
    likelihood: 3,
    impact: 4,
  },
];

export const byId = (id: string) => threats.find((t) => t.id === id)!;

/** An assessment with a profile that selects three threats and nothing done yet. */
export function profiled(): Assessment {
  const a = newAssessment('Support assistant', T0, 'a1');
  return setProfile(
    a,
    { ...emptyProfile(), name: 'Support bot', purpose: 'Answers customers', model: ['agent-tools'] },
    T0,
  );
}

/**
 * A worked assessment touching every field: rated, agreed, dismissed, hand-added, custom,
 * edited, with notes and unicode. Library risks: secrets, agent tools, prompt injection (+ the
 * hand-added membership inference); one custom risk.
 */
export function worked(): Assessment {
  let a = reviewThreats(profiled(), threats, T1);
  a = addThreat(a, byId('membership-inference'), T1);
  a = addCustomRisk(
    a,
    {
      title: 'Support macros leak 🔑 tokens',
      description: 'Shared macros hold API tokens.',
      owner: 'security',
      phases: ['deployment'],
      tags: ['internal'],
    },
    T1,
  );
  for (const [slot, l, i] of [
    ['security', 4, 4],
    ['dataScience', 2, 3],
    ['agreed', 4, 4],
  ] as const) {
    a = rate(a, 'prompt-injection', slot, 'likelihood', l, T1);
    a = rate(a, 'prompt-injection', slot, 'impact', i, T1);
  }
  a = rate(a, 'agent-tools-too-broad', 'agreed', 'likelihood', 3, T1);
  a = rate(a, 'agent-tools-too-broad', 'agreed', 'impact', 5, T1);
  a = setStatus(
    a,
    'secrets-in-notebooks',
    'dismissed',
    'No notebooks: the bot is configured, not trained',
    T1,
  );
  a = updateRisk(
    a,
    'custom-1',
    { notes: 'Rotate weekly — «ask» ops', controls: ['practice:share-tools-and-artifacts'] },
    T2,
  );
  return a;
}
