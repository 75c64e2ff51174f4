/**
 * Relevance suite: realistic queries over the real content and board snapshot, each with the
 * page(s) a reader should find among the first three results. The index is built from the
 * files with the same schemas, extractors and builder as the site, then loaded the way the
 * browser loads it. A miss prints the top five, so a content change that breaks search is
 * easy to see.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { BOARD_FIELDS, buildSearchIndex, CONTENT_FIELDS } from '../../src/lib/search/build-index.ts';
import { documentsFromSources } from '../../src/lib/search/content-sources.ts';
import { loadSearchIndex, type LoadedIndex } from '../../src/lib/search/load-index.ts';
import { search } from '../../src/lib/search/search.ts';

const contentDir = fileURLToPath(new URL('../../content/', import.meta.url));

let indexes: LoadedIndex[];

beforeAll(() => {
  const files = readdirSync(contentDir, { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.(mdx|yaml|json)$/.test(f))
    .map((f) => ({ path: f.split('\\').join('/'), text: readFileSync(join(contentDir, f), 'utf8') }));
  const site = documentsFromSources(files);
  // Through JSON, as the browser receives it.
  const roundTrip = (file: unknown) => loadSearchIndex(JSON.parse(JSON.stringify(file)));
  indexes = [
    roundTrip(buildSearchIndex(site.content, CONTENT_FIELDS, site.suggest)),
    roundTrip(buildSearchIndex(site.board, BOARD_FIELDS)),
  ];
}, 60_000);

const m = (id: string) => `/learn/${id}/`;
const board = (title: RegExp) => title;

/**
 * [query, expected]: every expected page must be in the top three. Where two pages answer
 * the query equally well, `{ anyOf: [...] }` accepts either. Board items are matched by
 * title, since the sample snapshot's numbers are not meaningful.
 */
type Expected = string | RegExp | { anyOf: string[] };
const CASES: Array<[string, ...Expected[]]> = [
  // Topics, as people name them
  ['poisoning', m('security-for-data-scientists/data-poisoning-and-pipeline-integrity')],
  [
    'data poisoning',
    m('security-for-data-scientists/data-poisoning-and-pipeline-integrity'),
    '/glossary/#data-poisoning',
  ],
  ['encrypt data at rest', '/practices/encrypt-data-and-model-artifacts/'],
  ['HIPAA', m('security-for-data-scientists/privacy-law-essentials')],
  [
    'membership inference',
    '/glossary/#membership-inference',
    m('security-for-data-scientists/privacy-attacks'),
  ],
  ['drift', m('ml-for-security-professionals/drift-and-model-monitoring')],
  [
    'who owns incident response',
    {
      anyOf: [
        m('security-for-data-scientists/incident-response-for-ml'),
        '/practices/respond-to-ml-incidents/',
      ],
    },
  ],
  ['bias checklist', '/checklists/ethics-and-bias-review/'],
  ['prompt injection', '/glossary/#prompt-injection'],
  ['threat modelling', m('security-for-data-scientists/threat-modeling-ml-systems')],
  ['threat modeling', m('security-for-data-scientists/threat-modeling-ml-systems')],
  ['STRIDE', '/glossary/#stride'],
  ['model supply chain', m('security-for-data-scientists/model-supply-chain')],
  ['pickle', m('security-for-data-scientists/model-supply-chain')],
  ['least privilege', '/practices/least-privilege-access-for-data-and-models/'],
  ['lawful basis GDPR', '/glossary/#lawful-basis'],
  ['differential privacy', '/glossary/#differential-privacy'],
  ['adversarial examples', m('security-for-data-scientists/adversarial-examples-and-robustness')],
  ['evasion attack', '/glossary/#evasion-attack'],
  ['model extraction', '/glossary/#model-extraction'],
  ['fairness metrics', m('ml-for-security-professionals/fairness-and-bias-basics')],
  ['disparate impact', '/glossary/#disparate-impact'],
  ['precision and recall', m('ml-for-security-professionals/evaluating-models')],
  ['risk register', '/practices/keep-a-shared-risk-register/'],
  ['sync agenda', { anyOf: [m('shared/running-the-sync'), '/practices/hold-a-regular-joint-sync/'] }],
  ['pre-deployment review', '/checklists/pre-deployment-review/'],
  ['joint risk assessment', m('shared/joint-risk-assessment')],
  ['RAG', '/glossary/#rag'],
  ['retrieval augmented generation', '/glossary/#rag'],
  ['hallucination', '/glossary/#hallucination'],
  ['model card', '/glossary/#model-card'],
  ['human oversight', '/practices/transparency-and-human-oversight/'],
  ['key management', '/glossary/#key-management'],
  ['monitor models in production', '/practices/monitor-models-in-production/'],
  ['how does gradient descent work', '/glossary/#gradient-descent'],
  ['PII', '/glossary/#personal-data'],
  // Taxonomy IDs and names
  ['LLM10:2026', '/glossary/#improper-output-handling'],
  ['NIST AI RMF', '/glossary/#nist-ai-rmf'],
  // Typos, half-typed words and phrases
  ['posioning', m('security-for-data-scientists/data-poisoning-and-pipeline-integrity')],
  ['membrship inference', '/glossary/#membership-inference'],
  ['adversar', m('security-for-data-scientists/adversarial-examples-and-robustness')],
  ['encryp', '/practices/encrypt-data-and-model-artifacts/'],
  ['"concept drift"', '/glossary/#concept-drift'],
  // Board items
  ['S3 bucket', board(/unauthenticated S3 bucket/)],
  ['jailbreak sales copilot', board(/Jailbreak prompts/)],
  ['typosquatted tokenizer', board(/typosquatted/)],
];

function matches(hitUrl: string, hitTitle: string, e: string | RegExp): boolean {
  return typeof e === 'string' ? hitUrl === e : e.test(hitTitle);
}

describe('search relevance over the real content', () => {
  it('has at least 30 queries', () => expect(CASES.length).toBeGreaterThanOrEqual(30));

  it.each(CASES)('finds the expected pages for %j in the top three', (query, ...expected) => {
    const hits = search(indexes, query, { limit: 5 }).hits; // as the header box asks
    const top = hits.slice(0, 3);
    const shown = hits
      .slice(0, 5)
      .map((h) => `${h.score.toFixed(2)} ${h.type} ${h.url} ${h.title}`)
      .join('\n');
    for (const e of expected) {
      const options = typeof e === 'object' && 'anyOf' in e ? e.anyOf : [e];
      expect(
        top.some((h) => options.some((o) => matches(h.url, h.title, o))),
        `expected ${String(options)} in the top 3 for "${query}", got:\n${shown}`,
      ).toBe(true);
    }
  });
});
