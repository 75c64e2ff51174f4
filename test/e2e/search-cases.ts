/**
 * The relevance suite: realistic queries with the page(s) a reader should see among the first
 * three results. The same cases run over the index in Node (test/unit/search-relevance.test.ts,
 * fast, prints the top five on a miss) and on /search/ in Chromium
 * (test/e2e/search-relevance.test.ts, what the reader sees). Board items are matched by title,
 * since the sample snapshot's numbers are not meaningful.
 */
const m = (id: string) => `/learn/${id}/`;
const sec = (id: string) => m(`security-for-data-scientists/${id}`);
const mlsec = (id: string) => m(`ml-for-security-professionals/${id}`);
const term = (id: string) => `/glossary/#${id}`;

export type Expected = string | RegExp | { anyOf: Array<string | RegExp> };

export interface RelevanceCase {
  query: string;
  kind: 'topic' | 'title' | 'words' | 'id' | 'typo' | 'prefix' | 'phrase' | 'board' | 'question';
  /** Each must be among the first three results. */
  expect: Expected[];
  /** Words (lower case) the first expected result's snippet must mark. */
  snippet?: string[];
}

const c = (
  kind: RelevanceCase['kind'],
  query: string,
  expect: Expected[],
  snippet?: string[],
): RelevanceCase => ({ kind, query, expect, ...(snippet ? { snippet } : {}) });

export const CASES: RelevanceCase[] = [
  // Topics, as people name them
  c('topic', 'poisoning', [sec('data-poisoning-and-pipeline-integrity')]),
  c('topic', 'data poisoning', [sec('data-poisoning-and-pipeline-integrity'), term('data-poisoning')]),
  c('topic', 'encrypt data at rest', ['/practices/encrypt-data-and-model-artifacts/']),
  c('topic', 'HIPAA', [sec('privacy-law-essentials')], ['hipaa']),
  c('topic', 'membership inference', [term('membership-inference'), sec('privacy-attacks')]),
  c('topic', 'drift', [mlsec('drift-and-model-monitoring')], ['drift']),
  c('topic', 'bias checklist', ['/checklists/ethics-and-bias-review/']),
  c('topic', 'prompt injection', [term('prompt-injection')]),
  c('topic', 'threat modelling', [sec('threat-modeling-ml-systems')]),
  c('topic', 'threat modeling', [sec('threat-modeling-ml-systems')]),
  c('topic', 'model supply chain', [sec('model-supply-chain')]),
  c('topic', 'pickle', [sec('model-supply-chain')], ['pickle']),
  c('topic', 'differential privacy', [term('differential-privacy')], ['differential', 'privacy']),
  c('topic', 'adversarial examples', [sec('adversarial-examples-and-robustness')]),
  c('topic', 'fairness metrics', [mlsec('fairness-and-bias-basics')]),
  c('topic', 'precision and recall', [mlsec('evaluating-models')]),
  c('topic', 'risk register', ['/practices/keep-a-shared-risk-register/']),
  c('topic', 'sync agenda', [
    { anyOf: [m('shared/running-the-sync'), '/practices/hold-a-regular-joint-sync/'] },
  ]),
  c('topic', 'joint risk assessment', [m('shared/joint-risk-assessment')]),
  c('topic', 'human oversight', ['/practices/transparency-and-human-oversight/']),
  c('topic', 'monitor models in production', ['/practices/monitor-models-in-production/']),
  c('topic', 'PII', [term('personal-data')]),
  c(
    'topic',
    'key rotation',
    [{ anyOf: [sec('secure-data-handling'), term('key-management')] }],
    ['rotation'],
  ),
  c('topic', 'model theft', [{ anyOf: [term('model-extraction'), sec('privacy-attacks')] }]),
  c('topic', 'kill switch', [term('kill-switch')]),
  // The modules, checklist and practices added for agents, ethics, the AI Act, detection and red-teaming
  c('topic', 'securing agentic AI', [sec('securing-agentic-ai')]),
  c('topic', 'MCP tool poisoning', [sec('securing-agentic-ai')], ['poisoning']),
  c('topic', 'agent tool confirmation', [
    { anyOf: [sec('securing-agentic-ai'), '/checklists/agentic-ai-review/'] },
  ]),
  c('title', 'agentic AI review', ['/checklists/agentic-ai-review/']),
  c('topic', 'employee monitoring', [sec('ethics-in-security-work')]),
  c('topic', 'UEBA ethics', [sec('ethics-in-security-work')]),
  c('topic', 'EU AI Act', [m('shared/eu-ai-act-for-both-teams')]),
  c('words', 'provider or deployer', [m('shared/eu-ai-act-for-both-teams')]),
  c('words', 'fundamental rights impact assessment', [m('shared/eu-ai-act-for-both-teams')]),
  c('topic', 'detection engineering', [mlsec('detection-engineering-for-ml-platforms')]),
  c('words', 'exposed MLflow Ray Jupyter', [
    {
      anyOf: [
        mlsec('detection-engineering-for-ml-platforms'),
        '/practices/detect-and-respond-on-ml-platforms/',
      ],
    },
  ]),
  c('title', 'detect and respond on ML platforms', ['/practices/detect-and-respond-on-ml-platforms/']),
  c('topic', 'red teaming an LLM', [m('shared/red-teaming-an-llm-application')]),
  c('topic', 'garak', [m('shared/red-teaming-an-llm-application')], ['garak']),
  c('title', 'red-team before launch', ['/practices/red-team-before-launch/']),
  c('question', 'who decides go or no-go after a red-team exercise', [
    { anyOf: ['/practices/red-team-before-launch/', m('shared/red-teaming-an-llm-application')] },
  ]),
  // Exact titles and terms come first
  c('title', 'data drift', [term('data-drift')]),
  c('title', 'concept drift', [term('concept-drift')]),
  c('title', 'least privilege', [
    term('least-privilege'),
    '/practices/least-privilege-access-for-data-and-models/',
  ]),
  c('title', 'STRIDE', [term('stride')]),
  c('title', 'RAG', [term('rag')]),
  c('title', 'retrieval augmented generation', [term('rag')]),
  c('title', 'hallucination', [term('hallucination')]),
  c('title', 'model card', [term('model-card')]),
  c('title', 'key management', [term('key-management')]),
  c('title', 'disparate impact', [term('disparate-impact')]),
  c('title', 'evasion attack', [term('evasion-attack')]),
  c('title', 'model extraction', [term('model-extraction')]),
  c('title', 'NIST AI RMF', [term('nist-ai-rmf')]),
  c('title', 'pre-deployment review', ['/checklists/pre-deployment-review/']),
  c('title', 'refund agent', [/^Excessive agency: refund agent/]),
  c('title', 'Excessive agency: refund agent can approve its own refunds', [
    /^Excessive agency: refund agent/,
  ]),
  c('title', 'secure the training pipeline', ['/practices/secure-the-training-pipeline/']),
  // Several words narrow, and the words together matter
  c(
    'words',
    'GDPR 72 hours',
    [
      {
        anyOf: [
          '/practices/respond-to-ml-incidents/',
          sec('incident-response-for-ml'),
          '/checklists/secure-data-handling/',
        ],
      },
    ],
    ['72', 'hours'],
  ),
  c('words', 'membership inference attack', [term('membership-inference')]),
  c('words', 'lawful basis GDPR', [term('lawful-basis')], ['basis']),
  c('words', 'fairness review hiring model', [/Bias review missing for the new hiring-screen model/]),
  c('words', 'encrypt embeddings', ['/practices/encrypt-data-and-model-artifacts/'], ['embeddings']),
  c('words', 'audit log retention', [
    { anyOf: ['/checklists/secure-data-handling/', sec('secure-data-handling')] },
  ]),
  // Questions in plain words
  c('question', 'who owns incident response', [
    { anyOf: [sec('incident-response-for-ml'), '/practices/respond-to-ml-incidents/'] },
  ]),
  c('question', 'how does gradient descent work', [term('gradient-descent')]),
  c('question', 'what is a model card', [term('model-card')]),
  c('question', 'who owns drift monitoring', [
    { anyOf: [mlsec('drift-and-model-monitoring'), '/practices/monitor-models-in-production/'] },
  ]),
  // Long questions, with forms the site never wrote ("drifting", "notifying")
  c('question', 'what should the data science team do when a model starts drifting in production', [
    mlsec('drift-and-model-monitoring'),
  ]),
  c('question', 'who is accountable for notifying the regulator after a personal data breach', [
    {
      anyOf: [
        '/practices/respond-to-ml-incidents/',
        sec('incident-response-for-ml'),
        '/checklists/secure-data-handling/',
      ],
    },
  ]),
  c('question', 'how do we rotate keys for the model registry and the vector store', [
    { anyOf: ['/practices/encrypt-data-and-model-artifacts/', '/checklists/secure-data-handling/'] },
  ]),
  // Taxonomy IDs find the pages tagged with them first
  c('id', 'AML.T0020', [{ anyOf: [sec('data-poisoning-and-pipeline-integrity'), term('data-poisoning')] }]),
  c('id', 'LLM01:2026', [
    { anyOf: [term('prompt-injection'), sec('llm-application-security'), /prompt injection/i] },
  ]),
  c('id', 'LLM10:2026', [term('improper-output-handling')]),
  c('id', 'AML.T0054', [term('jailbreak')]),
  c('id', 'ML04:2023', [{ anyOf: [term('membership-inference'), /membership inference/] }]),
  c('id', 'AML.T0051', [{ anyOf: [term('prompt-injection'), sec('llm-application-security')] }]),
  c('id', 'GDPR', [sec('privacy-law-essentials')]),
  // Typos, matched on the word as typed
  c('typo', 'posioning', [sec('data-poisoning-and-pipeline-integrity')], ['poisoning']),
  c('typo', 'membrship inference', [term('membership-inference')]),
  c('typo', 'embedidng', [term('embedding')]),
  c('typo', 'trackign', [term('experiment-tracking')]),
  c('typo', 'halucination', [term('hallucination')]),
  c('typo', 'encrpyt', ['/practices/encrypt-data-and-model-artifacts/']),
  // Half-typed words: the last word is a prefix, even when it starts like a stop word
  c('prefix', 'adversar', [sec('adversarial-examples-and-robustness')]),
  c('prefix', 'encryp', ['/practices/encrypt-data-and-model-artifacts/'], ['encrypt']),
  c('prefix', 'at', [term('encryption-at-rest')]),
  c('prefix', 'least', [term('least-privilege')]),
  c('prefix', 'prompt inj', [term('prompt-injection')]),
  c('prefix', 'model weig', [term('model-weights')]),
  c('prefix', 'differential priv', [term('differential-privacy')]),
  // Quoted phrases
  c('phrase', '"concept drift"', [term('concept-drift')]),
  c('phrase', '"model card"', [term('model-card')]),
  // Board items compete with guidance on the same score
  c('board', 'S3 bucket', [/unauthenticated S3 bucket/]),
  c('board', 'jailbreak sales copilot', [/Jailbreak prompts/]),
  c('board', 'typosquatted tokenizer', [/typosquatted/]),
  c('board', 'face match model inversion', [/Model inversion possible on the face-match service/]),
  c('board', 'free tier API keys', [/Cost harvesting through free-tier API keys/]),
];
