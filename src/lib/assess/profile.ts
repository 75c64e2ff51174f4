/**
 * What a team says about its system in the workshop's first step. The threat library's
 * conditions read these facts (`data:personal`, `model:agent-tools`, `deployment:public`), so
 * the list of values here is the whole vocabulary a condition may use. Free of Zod: the
 * workshop's browser code imports it.
 */

export const PROFILE_FACTS = {
  data: {
    personal: 'Personal data (about identifiable people)',
    'special-category': 'Special-category data (GDPR Art. 9: health, biometrics, beliefs, …)',
    health: 'Health data (patient records, protected health information)',
    'third-party': 'Data licensed or bought from third parties',
    scraped: 'Data scraped or crawled from the web',
    'user-generated': 'User-generated input at run time (prompts, uploads, messages)',
  },
  model: {
    'classical-ml': 'Classical ML (trees, linear models, clustering)',
    'deep-learning': 'Deep learning trained in-house',
    'fine-tuned-foundation': 'Fine-tuned foundation model',
    'llm-rag': 'LLM application with retrieval (RAG)',
    'agent-tools': 'Agent that calls tools or takes actions',
  },
  deployment: {
    internal: 'Internal users only',
    public: 'Public or customer-facing',
    'automated-decisions': 'Makes or drives decisions about people',
    integrations: 'Integrates with other systems (APIs, plugins, webhooks)',
  },
} as const;

export type FactGroup = keyof typeof PROFILE_FACTS;
export type DataTrait = keyof (typeof PROFILE_FACTS)['data'];
export type ModelKind = keyof (typeof PROFILE_FACTS)['model'];
export type DeploymentTrait = keyof (typeof PROFILE_FACTS)['deployment'];

export interface SystemProfile {
  /** The system's name, as the register and the filed issues call it. */
  name: string;
  /** What it is for, in a sentence or two. */
  purpose: string;
  /** Where its data comes from, in the team's words. */
  sources: string;
  data: DataTrait[];
  model: ModelKind[];
  deployment: DeploymentTrait[];
}

export const FACT_GROUPS = Object.keys(PROFILE_FACTS) as FactGroup[];

/** Every fact a condition may name, as `group:value`. */
export const FACTS: readonly string[] = FACT_GROUPS.flatMap((group) =>
  Object.keys(PROFILE_FACTS[group]).map((value) => `${group}:${value}`),
);

/** The facts a profile states, as `group:value`. */
export function profileFacts(profile: Pick<SystemProfile, FactGroup>): Set<string> {
  return new Set(FACT_GROUPS.flatMap((group) => profile[group].map((value) => `${group}:${value}`)));
}

export function emptyProfile(): SystemProfile {
  return { name: '', purpose: '', sources: '', data: [], model: [], deployment: [] };
}
