/**
 * Regenerates the bundled sample board (content/board/snapshot.json, `"sample": true`) so a fresh
 * clone builds a full board without a token. Deterministic: the same script writes the same
 * bytes. The sample issues, with their history (labels changed, closed, reopened), go through
 * the real sync five times, a fortnight apart, as GitHub would have answered at each: so the
 * closed items and recorded changes are what the sync itself makes of them.
 *
 *   node scripts/make-sample-snapshot.ts [--out FILE]
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { canonicalJson } from '../src/lib/sync/canonical-json.ts';
import type { GraphqlClient } from '../src/lib/sync/client.ts';
import { silentReporter } from '../src/lib/sync/progress.ts';
import { syncBoard } from '../src/lib/sync/sync-board.ts';
import { snapshotSchema, type Snapshot } from '../src/schemas/snapshot.ts';
import { sourcesConfigSchema } from '../src/schemas/sources.ts';

const SYNCED_AT = '2026-11-23T06:00:00Z';
const DAY = 86_400_000;
/** Where the simulated syncs say they read from; replaced by null in the file, as for any sample. */
const SAMPLE_API = 'https://api.github.com/graphql';

/** [title, labels, days since last update, age in days, assignees, one-line summary] */
type Entry = [string, string, number, number, string, string];

const ML_PLATFORM: Entry[] = [
  [
    'Training data for the churn model pulled from an unauthenticated S3 bucket',
    'risk owner:data-science severity:high phase:data atlas:AML.T0020 owasp-ml:ML02:2023',
    3,
    40,
    'mwong-ds',
    'The nightly job reads a public-write bucket, so anyone could poison the training set.',
  ],
  [
    'No provenance record for third-party datasets in the feature store',
    'risk owner:shared severity:medium phase:data atlas:AML.T0010.002 nist:MAP',
    9,
    75,
    'mwong-ds priya-sec',
    'We cannot say where four of the external datasets came from or under what licence.',
  ],
  [
    'Customer PII present in fine-tuning corpus for support assistant',
    'risk owner:data-science severity:critical phase:data reg:gdpr owasp-llm:LLM02:2026',
    1,
    12,
    'lucia-ml',
    'A sample of 2,000 records contained names and e-mail addresses that were not redacted.',
  ],
  [
    'Model registry accepts unsigned artefacts',
    'threat owner:security severity:high phase:deployment atlas:AML.T0010.003 owasp-ml:ML06:2023',
    6,
    58,
    'priya-sec',
    'Anyone with write access to the registry can replace a model without a signature check.',
  ],
  [
    'Pickle-based model files loaded without scanning',
    'threat owner:security severity:critical phase:deployment atlas:AML.T0011.000 owasp-llm:LLM04:2026',
    2,
    20,
    'priya-sec tomas-appsec',
    'Loading a pickled model runs arbitrary code; the serving image does not scan or sandbox it.',
  ],
  [
    'Fraud model vulnerable to membership inference through confidence scores',
    'risk owner:data-science severity:medium phase:evaluation atlas:AML.T0024.000 owasp-ml:ML04:2023',
    14,
    90,
    'lucia-ml',
    'The API returns full probability vectors, which leak whether a record was in training.',
  ],
  [
    'Credit scoring model shows drift after pricing change with no alert',
    'risk owner:data-science severity:high phase:monitoring nist:MEASURE',
    4,
    33,
    'ahmed-mlops',
    'Population stability index passed 0.3 in October and nobody was paged.',
  ],
  [
    'Bias review missing for the new hiring-screen model',
    'risk severity:high phase:governance nist:GOVERN reg:eu-ai-act',
    5,
    19,
    '',
    'The model is high-risk under the EU AI Act and has no documented fairness assessment.',
  ],
  [
    'Jupyter servers in the research VPC expose tokens in URLs',
    'threat owner:security severity:medium phase:training atlas:AML.T0055',
    21,
    70,
    'tomas-appsec',
    'Notebook links with tokens are pasted into chat and stay valid for 30 days.',
  ],
  [
    'Feature pipeline runs with a service account that can write production tables',
    'risk owner:shared severity:high phase:training atlas:AML.T0012 nist:MANAGE',
    11,
    64,
    'ahmed-mlops priya-sec',
    'A compromised training job could overwrite the features used by live models.',
  ],
  [
    'Model card templates do not record intended use',
    'risk owner:data-science severity:low phase:governance nist:GOVERN',
    45,
    120,
    '',
    'Reviewers cannot judge misuse without a stated intended use and out-of-scope uses.',
  ],
  [
    'Adversarial robustness not tested for the document classifier',
    'risk owner:data-science severity:medium phase:evaluation atlas:AML.T0043 owasp-ml:ML01:2023',
    38,
    95,
    'lucia-ml',
    'Small perturbations flip the label on scanned invoices in a quick manual test.',
  ],
  [
    'Evaluation set overlaps with training data for the ranking model',
    'risk owner:data-science severity:medium phase:evaluation',
    7,
    26,
    'mwong-ds',
    'About 8% of evaluation queries appear verbatim in the training logs, inflating metrics.',
  ],
  [
    'Shadow copy of production model served from a developer laptop',
    'threat severity:high phase:deployment atlas:AML.T0024.002 owasp-ml:ML05:2023',
    2,
    6,
    '',
    'An internal demo endpoint exposes the full model to the guest Wi-Fi.',
  ],
  [
    'GPU training nodes pull base images from an unpinned public registry',
    'threat owner:security severity:medium phase:training atlas:AML.T0010.004',
    16,
    48,
    'tomas-appsec',
    'Images are referenced by tag, so an upstream change silently reaches training.',
  ],
  [
    'Retention of raw clickstream used for training exceeds policy',
    'risk owner:shared severity:medium phase:data reg:gdpr',
    52,
    150,
    'dana-privacy',
    'Raw events are kept for 26 months; the policy allows 13.',
  ],
  [
    'No rollback plan for the recommendation model release',
    'risk owner:data-science severity:low phase:deployment',
    8,
    15,
    'ahmed-mlops',
    'The last release overwrote the previous model version in the registry.',
  ],
  [
    'Health-claims classifier trained on data covered by HIPAA without a BAA',
    'risk owner:shared severity:critical phase:data reg:hipaa',
    3,
    9,
    'dana-privacy lucia-ml',
    'The vendor that labelled the data has no business associate agreement.',
  ],
  [
    'Monitoring dashboards do not track prediction confidence per segment',
    'risk owner:data-science severity:low phase:monitoring nist:MEASURE',
    60,
    140,
    '',
    'Degradation for small customer segments is invisible in the aggregate charts.',
  ],
  [
    'Model inversion possible on the face-match service',
    'threat owner:security severity:high phase:deployment atlas:AML.T0024.001 owasp-ml:ML03:2023',
    12,
    44,
    'priya-sec',
    'Unlimited queries with confidence scores allow reconstruction of enrolled faces.',
  ],
  [
    'Transfer-learning base model from an unknown publisher',
    'risk severity:medium phase:training owasp-ml:ML07:2023 atlas:AML.T0058',
    33,
    66,
    '',
    'The vision backbone was downloaded from a personal hub account with no model card.',
  ],
  [
    'Labelling vendor has standing access to production data',
    'risk owner:security severity:medium phase:data nist:MAP',
    27,
    81,
    'priya-sec',
    'Vendor accounts were created for a pilot in spring and never removed.',
  ],
  [
    'Quarterly threat model for the ML platform is overdue',
    'risk owner:shared severity:unrated phase:governance nist:GOVERN',
    35,
    200,
    'priya-sec mwong-ds',
    'The last joint threat-modelling session was in May.',
  ],
  [
    'Feature importance reports shared externally reveal model internals',
    'risk owner:data-science phase:governance atlas:AML.T0013 needs-discussion',
    18,
    30,
    'lucia-ml',
    'Slides for a partner meeting included full SHAP plots of the pricing model.',
  ],
  [
    'Audit logs for model predictions kept only seven days',
    'risk owner:security severity:low phase:monitoring atlas:AML.M0024',
    40,
    110,
    'tomas-appsec',
    'Incident response needs at least 90 days of prediction logs.',
  ],
  [
    'Skewed feedback loop in the fraud model after auto-labelling change',
    'risk owner:data-science severity:high phase:monitoring owasp-ml:ML08:2023 atlas:AML.T0031',
    1,
    4,
    'mwong-ds',
    'Auto-labelled chargebacks now feed back into training and reinforce false negatives.',
  ],
  [
    'Explainability requirement for declined loans not met',
    'risk severity:high phase:governance reg:eu-ai-act reg:gdpr',
    10,
    55,
    '',
    'Customers receive no meaningful explanation of automated declines.',
  ],
  [
    'Hyperparameter search jobs can read the secrets mount',
    'threat owner:security severity:medium phase:training atlas:AML.T0055',
    22,
    37,
    'tomas-appsec',
    'The training namespace mounts all platform secrets by default.',
  ],
  [
    'Poisoned sample detection not in the ingestion pipeline',
    'risk owner:shared severity:medium phase:data atlas:AML.M0007 owasp-ml:ML10:2023',
    13,
    62,
    'mwong-ds priya-sec',
    'Outlier and duplicate checks are run by hand before big retrains only.',
  ],
  [
    'Undocumented ATLAS technique referenced in red-team report',
    'risk owner:security severity:low phase:evaluation atlas:AML.T9001',
    19,
    23,
    'priya-sec',
    'The report cites a technique ID we could not find in ATLAS; needs checking with the red team.',
  ],
  [
    'Data scientists share one admin account on the experiment tracker',
    'risk owner:security severity:medium phase:training atlas:AML.T0012',
    31,
    88,
    '',
    'Nobody can tell who deleted three runs last month.',
  ],
  [
    'Model performance SLOs not agreed with the product team',
    'risk phase:monitoring nist:MANAGE',
    75,
    160,
    '',
    'Alerts fire on thresholds nobody owns.',
  ],
  [
    'Synthetic data generator may memorise rare records',
    'risk owner:data-science severity:medium phase:data atlas:AML.T0057 reg:gdpr',
    6,
    17,
    'lucia-ml dana-privacy',
    'Rare combinations of attributes reappear verbatim in synthetic output.',
  ],
];

const SECURITY_RISKS: Entry[] = [
  [
    'Indirect prompt injection through retrieved knowledge-base articles',
    'threat owner:shared severity:critical phase:deployment atlas:AML.T0051.001 owasp-llm:LLM01:2026',
    1,
    14,
    'priya-sec lucia-ml',
    'Instructions hidden in a support article made the assistant reveal internal ticket notes.',
  ],
  [
    'System prompt of the support assistant extractable',
    'threat owner:security severity:medium phase:deployment atlas:AML.T0056 owasp-llm:LLM07:2025',
    8,
    41,
    'tomas-appsec',
    'A two-turn jailbreak prints the full system prompt including internal URLs.',
  ],
  [
    'Agent can send e-mail on behalf of users without confirmation',
    'risk owner:shared severity:high phase:deployment owasp-llm:LLM03:2026 atlas:AML.T0053 atlas:AML.M0029',
    2,
    10,
    'priya-sec ahmed-mlops',
    'The calendar agent has the mail.send scope and no human-in-the-loop step.',
  ],
  [
    'Unbounded token usage on the public chat endpoint',
    'threat owner:security severity:high phase:deployment owasp-llm:LLM06:2026 atlas:AML.T0034',
    5,
    22,
    'tomas-appsec',
    'One client used 40 million tokens in an hour; there is no per-user quota.',
  ],
  [
    'LLM output rendered as HTML in the internal wiki plugin',
    'threat owner:security severity:critical phase:deployment owasp-llm:LLM10:2026',
    0,
    3,
    'tomas-appsec',
    'Model output is inserted with innerHTML, so a crafted answer can run script.',
  ],
  [
    'RAG index includes documents the user is not allowed to read',
    'risk owner:shared severity:high phase:data owasp-llm:LLM08:2026 atlas:AML.T0064',
    4,
    29,
    'mwong-ds priya-sec',
    'The vector store ignores document ACLs, so answers can quote restricted HR files.',
  ],
  [
    'Vector store reachable without authentication inside the VPC',
    'threat owner:security severity:high phase:deployment owasp-llm:LLM09:2026',
    9,
    36,
    'priya-sec',
    'Any workload in the VPC can read and write embeddings.',
  ],
  [
    'Assistant fabricates policy references in HR answers',
    'risk owner:data-science severity:medium phase:evaluation owasp-llm:LLM07:2026 atlas:AML.T0062',
    15,
    50,
    'lucia-ml',
    'In an evaluation of 200 questions, 11 cited policy sections that do not exist.',
  ],
  [
    'Third-party model API receives customer data without DPA',
    'risk owner:shared severity:high phase:deployment reg:gdpr owasp-llm:LLM02:2026',
    7,
    18,
    'dana-privacy',
    'Prompts with account data go to a provider with no data processing agreement.',
  ],
  [
    'Jailbreak prompts circulating for the sales copilot',
    'threat owner:security severity:medium phase:monitoring atlas:AML.T0054',
    3,
    8,
    'tomas-appsec',
    'A prompt shared on a forum bypasses the content filter on the sales copilot.',
  ],
  [
    'No red-team exercise before launch of the claims assistant',
    'risk severity:high phase:evaluation nist:MEASURE atlas:AML.T0042',
    6,
    25,
    '',
    'Launch is planned for January; no adversarial testing is scheduled.',
  ],
  [
    'Fine-tuned model weights stored in a public bucket',
    'threat owner:security severity:critical phase:deployment atlas:AML.T0024.002 owasp-ml:ML05:2023',
    1,
    2,
    'priya-sec',
    'A misconfigured bucket policy made the fine-tuned weights world-readable for a day.',
  ],
  [
    'Plugin marketplace lets agents install unreviewed tools',
    'threat owner:security severity:high phase:deployment atlas:AML.T0010.005 owasp-llm:LLM04:2026',
    12,
    39,
    'tomas-appsec',
    'Any employee can add a tool to the shared agent; tools run with the agent’s scopes.',
  ],
  [
    'Deepfake voice used in CFO impersonation attempt',
    'threat owner:security severity:high phase:monitoring atlas:AML.T0052.001',
    20,
    21,
    'priya-sec',
    'Finance received a call imitating the CFO asking for an urgent transfer.',
  ],
  [
    'Content filter logs contain full prompts with personal data',
    'risk owner:shared severity:medium phase:monitoring reg:gdpr',
    34,
    90,
    'dana-privacy tomas-appsec',
    'Filter logs keep raw prompts for a year in a broadly readable index.',
  ],
  [
    'Prompt injection via e-mail signatures in the triage agent',
    'threat owner:security severity:high phase:deployment atlas:AML.T0051 owasp-llm:LLM01:2026',
    2,
    5,
    '',
    'Signatures with hidden text redirect the triage agent to forward mail externally.',
  ],
  [
    'Model supply chain: tokenizer package typosquatted',
    'threat owner:security severity:medium phase:training atlas:AML.T0011.001 owasp-llm:LLM04:2026',
    44,
    100,
    'tomas-appsec',
    'A typosquatted tokenizer package was installed in one research environment.',
  ],
  [
    'Evaluation of toxic output only in English',
    'risk owner:data-science severity:medium phase:evaluation nist:MEASURE',
    29,
    70,
    'lucia-ml',
    'The assistant serves six languages but safety evaluation covers one.',
  ],
  [
    'Incident playbook has no steps for model rollback',
    'risk owner:shared severity:medium phase:governance nist:MANAGE',
    48,
    130,
    'priya-sec ahmed-mlops',
    'The security incident playbook assumes code rollback only.',
  ],
  [
    'Hidden-context exposure through conversation memory',
    'risk owner:data-science severity:medium phase:deployment owasp-llm:LLM08:2026',
    11,
    27,
    'mwong-ds',
    'Long-term memory can surface another user’s earlier context after account merges.',
  ],
  [
    'Cost harvesting through free-tier API keys',
    'threat severity:low phase:monitoring atlas:AML.T0034.000',
    17,
    60,
    '',
    'Scripts rotate free-tier keys to run bulk inference at our cost.',
  ],
  [
    'Unknown OWASP LLM category cited in vendor assessment',
    'risk owner:security severity:low phase:governance owasp-llm:LLM11:2026',
    23,
    24,
    'tomas-appsec',
    'The vendor questionnaire refers to a category that is not in the 2026 list.',
  ],
  [
    'Privacy notice does not mention automated decision-making',
    'risk owner:shared phase:governance reg:gdpr reg:ccpa',
    63,
    180,
    'dana-privacy',
    'Article 22 information is missing from the customer privacy notice.',
  ],
  [
    'Guardrail model updated without regression tests',
    'risk owner:data-science severity:medium phase:deployment atlas:AML.M0020',
    5,
    13,
    'lucia-ml ahmed-mlops',
    'The new guardrail version blocks fewer injection attempts in spot checks.',
  ],
  [
    'Model outputs used for medical triage without human review',
    'risk severity:critical phase:deployment reg:hipaa reg:eu-ai-act',
    3,
    7,
    '',
    'A pilot routes patient messages based on model output alone.',
  ],
  [
    'Agent tool permissions broader than the tasks need',
    'risk owner:security severity:medium phase:deployment atlas:AML.M0028 owasp-llm:LLM03:2026',
    26,
    58,
    'priya-sec',
    'The research agent has write access to repositories it only needs to read.',
  ],
  [
    'Watermarking of generated images not in place',
    'risk owner:data-science severity:low phase:deployment nist:MANAGE',
    90,
    210,
    '',
    'Marketing images from the generator carry no provenance signal.',
  ],
  [
    'Secondary use of support transcripts for training not assessed',
    'risk owner:shared severity:medium phase:governance reg:gdpr nist:MAP',
    37,
    85,
    'dana-privacy mwong-ds',
    'No legitimate-interest assessment covers training on support transcripts.',
  ],
  [
    'Embedding inversion could reveal indexed documents',
    'threat owner:security severity:medium phase:deployment owasp-llm:LLM09:2026 atlas:AML.T0024',
    14,
    46,
    '',
    'Published research shows text can be recovered from our embedding model.',
  ],
  [
    'Misinformation risk in public FAQ bot answers',
    'risk owner:data-science severity:low phase:monitoring owasp-llm:LLM07:2026',
    8,
    31,
    'lucia-ml',
    'Answers about tariffs were out of date after the October price change.',
  ],
  [
    'Excessive agency: refund agent can approve its own refunds',
    'risk owner:shared severity:high phase:deployment owasp-llm:LLM03:2026 atlas:AML.M0029',
    0,
    1,
    'priya-sec ahmed-mlops',
    'The refund agent both proposes and approves refunds up to 500 EUR.',
  ],
  [
    'RAG poisoning through editable wiki pages',
    'threat owner:security severity:high phase:data atlas:AML.T0070 owasp-llm:LLM05:2026',
    10,
    34,
    'tomas-appsec',
    'Any employee can edit wiki pages that are indexed for the company assistant.',
  ],
  [
    'Model denial of service with long-context prompts',
    'threat owner:security severity:medium phase:deployment atlas:AML.T0029 owasp-llm:LLM06:2026',
    19,
    47,
    '',
    'Prompts near the context limit raise p95 latency to 40 seconds for everyone.',
  ],
];

/** Risks resolved in the last weeks: [entry, days since closed, closer (null: a deleted account)]. */
type ClosedEntry = [Entry, number, string | null];

const ML_PLATFORM_CLOSED: ClosedEntry[] = [
  [
    [
      'Training notebooks pinned to a PyTorch build with unsafe model loading',
      'threat owner:security severity:high phase:training atlas:AML.T0011.000',
      27,
      48,
      'tomas-appsec',
      'The base notebook image loaded checkpoints with full unpickling; it is rebuilt on a patched release with weights-only loading.',
    ],
    27,
    'tomas-appsec',
  ],
  [
    [
      'Label noise from the new annotation vendor not measured',
      'risk owner:data-science severity:medium phase:data atlas:AML.T0020',
      19,
      60,
      'mwong-ds',
      'Inter-annotator agreement now runs on a 5% sample of every vendor batch before it reaches training.',
    ],
    19,
    null,
  ],
  [
    [
      'Churn API echoes the feature vector in validation errors',
      'threat owner:security severity:medium phase:deployment atlas:AML.T0013',
      12,
      31,
      'lucia-ml',
      'Malformed requests returned every engineered feature by name; errors are now generic and logged server-side.',
    ],
    12,
    'lucia-ml',
  ],
  [
    [
      'Drift alerts for the pricing model routed to an unmonitored channel',
      'risk owner:data-science severity:high phase:monitoring nist:MEASURE',
      5,
      35,
      'ahmed-mlops',
      'Alerts went to a chat channel nobody watches at night; they now page the on-call ML engineer.',
    ],
    5,
    'ahmed-mlops',
  ],
];

const SECURITY_RISKS_CLOSED: ClosedEntry[] = [
  [
    [
      'Support assistant wrote full conversations to a public debug endpoint',
      'threat owner:security severity:critical phase:deployment owasp-llm:LLM02:2026',
      9,
      16,
      'priya-sec',
      'A debug flag left on in production exposed transcripts; the flag is removed and the endpoint sits behind SSO.',
    ],
    9,
    'priya-sec',
  ],
  [
    [
      'Embedding service API key committed to a public gist',
      'threat owner:security severity:critical phase:deployment atlas:AML.T0055',
      10,
      12,
      'tomas-appsec',
      'The key was revoked within the hour and secret scanning now covers personal gists of staff accounts.',
    ],
    10,
    'tomas-appsec',
  ],
  [
    [
      'Chat transcripts kept beyond the 30-day retention policy',
      'risk owner:shared severity:medium phase:governance reg:gdpr',
      22,
      95,
      'dana-privacy',
      'The nightly purge skipped archived conversations; it now covers them and reports what it deleted.',
    ],
    22,
    'dana-privacy',
  ],
  [
    [
      'Prompt-injection tests missing from the assistant release checklist',
      'risk owner:shared severity:medium phase:evaluation owasp-llm:LLM01:2026',
      2,
      70,
      'lucia-ml priya-sec',
      'Releases shipped without the injection suite; it is now a required check in the release pipeline.',
    ],
    2,
    'lucia-ml',
  ],
];

/**
 * What happened to some open risks before the board looked as it does now, by title. `was`:
 * the labels an issue carried until `days` ago; `closed`: closed `days` ago by `by`, reopened
 * `reopened` days ago.
 */
interface Story {
  was?: Array<[days: number, labels: string]>;
  closed?: { days: number; by: string | null; reopened: number };
}

const STORIES: Record<string, Story> = {
  // Raised after the red team wrote to the bucket from outside.
  'Training data for the churn model pulled from an unauthenticated S3 bucket': {
    was: [[3, 'risk owner:data-science severity:medium phase:data atlas:AML.T0020 owasp-ml:ML02:2023']],
  },
  // Moved to both teams once the platform team took the service account over.
  'Feature pipeline runs with a service account that can write production tables': {
    was: [[11, 'risk owner:data-science severity:high phase:training atlas:AML.T0012 nist:MANAGE']],
  },
  // Lowered: the release process now keeps the previous version.
  'No rollback plan for the recommendation model release': {
    was: [[8, 'risk owner:data-science severity:medium phase:deployment']],
  },
  // Triage gave it an owner.
  'Vector store reachable without authentication inside the VPC': {
    was: [[9, 'threat severity:high phase:deployment owasp-llm:LLM09:2026']],
  },
  // The exposure is in what gets indexed, not in how it is served.
  'RAG index includes documents the user is not allowed to read': {
    was: [[4, 'risk owner:shared severity:high phase:deployment owasp-llm:LLM08:2026 atlas:AML.T0064']],
  },
  // Closed when signing went live, reopened when one upload path turned out to skip the check.
  'Model registry accepts unsigned artefacts': { closed: { days: 20, by: 'priya-sec', reopened: 6 } },
  // Recognised as a launch risk during planning: the label came late.
  'No red-team exercise before launch of the claims assistant': {
    was: [[6, 'severity:high phase:evaluation nist:MEASURE atlas:AML.T0042']],
  },
  // Older changes, before the last meeting.
  'Jupyter servers in the research VPC expose tokens in URLs': {
    was: [[21, 'threat owner:security severity:high phase:training atlas:AML.T0055']],
  },
  'No provenance record for third-party datasets in the feature store': {
    was: [[30, 'risk owner:data-science severity:medium phase:data atlas:AML.T0010.002 nist:MAP']],
  },
  'Plugin marketplace lets agents install unreviewed tools': {
    was: [
      [25, 'threat owner:security severity:medium phase:deployment atlas:AML.T0010.005 owasp-llm:LLM04:2026'],
    ],
  },
  'Transfer-learning base model from an unknown publisher': {
    was: [[33, 'severity:medium phase:training owasp-ml:ML07:2023 atlas:AML.T0058']],
  },
};

const NEXT_STEPS = [
  'Agree an owner and a target date at the next joint sync.',
  'Pair one person from each team on a fix proposal.',
  'Add a check to the pre-deployment checklist.',
  'Write up the decision in the shared risk register.',
];

/** The board's syncs: every cadence (14 days) up to SYNCED_AT, so history spans several meetings. */
const SYNCS = [56, 42, 28, 14, 0].map((days) => isoAt(days, 0));

function isoAt(days: number, hours: number): string {
  return new Date(Date.parse(SYNCED_AT) - days * DAY - hours * 3_600_000).toISOString().replace('.000Z', 'Z');
}

/** One sample issue with its whole story: a function of time, as GitHub would answer at each sync. */
interface SampleIssue {
  number: number;
  title: string;
  body: string;
  author: string;
  assignees: string[];
  createdAt: string;
  updatedAt: string;
  labels: string;
  /** Earlier labels, oldest first: `[until, labels]`. */
  was: Array<[string, string]>;
  /** Closes and reopens, oldest first. */
  closes: Array<{ at: string; by: string | null; reopened: string | null }>;
}

function sampleIssues(entries: Entry[], closed: ClosedEntry[]): SampleIssue[] {
  const all: Array<[Entry, ClosedEntry | null]> = [
    ...entries.map((entry): [Entry, null] => [entry, null]),
    ...closed.map((c): [Entry, ClosedEntry] => [c[0], c]),
  ];
  return all.map(([[title, labels, updatedDaysAgo, ageDays, assignees, summary], close], i) => {
    const story = STORIES[title] ?? {};
    const hour = (i * 3) % 7;
    const closes = close
      ? [{ at: isoAt(close[1], hour), by: close[2], reopened: null }]
      : story.closed
        ? [
            {
              at: isoAt(story.closed.days, hour),
              by: story.closed.by,
              reopened: isoAt(story.closed.reopened, hour),
            },
          ]
        : [];
    return {
      number: 100 + i * 7,
      title,
      body: `**Summary.** ${summary}\n\n**Next step.** ${NEXT_STEPS[i % NEXT_STEPS.length]}\n\n- [x] Logged in the shared risk register\n- [ ] Discussed at the joint sync\n\nBackground: [runbook](../wiki/AI-risk-runbook).`,
      author: ['priya-sec', 'mwong-ds', 'lucia-ml', 'tomas-appsec', 'dana-privacy'][i % 5]!,
      assignees: assignees.split(' ').filter(Boolean),
      createdAt: isoAt(ageDays, (i * 5) % 11),
      updatedAt: isoAt(updatedDaysAgo, hour),
      labels,
      was: (story.was ?? []).map(([days, before]) => [isoAt(days, hour), before]),
      closes,
    };
  });
}

/** The issue as GitHub's GraphQL API would return it at `now`, or null before it was opened. */
function issueAt(issue: SampleIssue, repo: string, now: string, closure: boolean) {
  const past = (at: string | null): at is string => at !== null && at <= now;
  if (!past(issue.createdAt)) return null;
  const labels = issue.was.find(([until]) => now < until)?.[1] ?? issue.labels;
  const closes = issue.closes.filter((c) => past(c.at));
  const last = closes.at(-1);
  const state = last && !past(last.reopened) ? 'CLOSED' : 'OPEN';
  const events = [
    issue.createdAt,
    issue.updatedAt,
    ...issue.was.map(([until]) => until),
    ...closes.flatMap((c) => [c.at, c.reopened]),
  ];
  const updatedAt = events.filter(past).sort().at(-1)!;
  return {
    number: issue.number,
    title: issue.title,
    state,
    body: issue.body,
    createdAt: issue.createdAt,
    updatedAt,
    author: { login: issue.author },
    assignees: { nodes: issue.assignees.map((login) => ({ login })) },
    labels: {
      pageInfo: { hasNextPage: false, endCursor: null },
      nodes: labels.split(' ').map((name) => ({
        name,
        color: name.includes(':') ? null : name === 'threat' ? 'b60205' : 'd93f0b',
      })),
    },
    repository: { nameWithOwner: repo, visibility: 'PUBLIC' },
    // Only the incremental query asks for these, as in queries.ts.
    ...(closure && {
      closedAt: state === 'CLOSED' ? last!.at : null,
      timelineItems: { nodes: last ? [{ createdAt: last.at, actor: last.by && { login: last.by } }] : [] },
    }),
  };
}

/**
 * GitHub at one moment, for the sync's own client interface: the full query gets the open
 * issues with a selecting label, the incremental one every issue updated since the watermark,
 * both in one page as each sample repository holds fewer than a hundred.
 */
function sampleGitHub(repos: Record<string, SampleIssue[]>, now: string): GraphqlClient {
  const stats = { requests: 0, points: 0, remaining: null, authRequests: 0, tokensIssued: 0 };
  return {
    stats,
    identity: () => null,
    async query(document, variables) {
      const repo = `${variables['owner']}/${variables['name']}`;
      const incremental = document.includes('query BoardIssuesSince');
      const wanted = ((variables['labels'] as string[] | undefined) ?? []).map((l) => l.toLowerCase());
      const nodes = (repos[repo] ?? [])
        .map((issue) => issueAt(issue, repo, now, incremental))
        .filter((node) => node !== null)
        .filter((node) =>
          incremental
            ? node.updatedAt >= String(variables['since'])
            : node.state === 'OPEN' && node.labels.nodes.some((l) => wanted.includes(l.name.toLowerCase())),
        )
        .sort((a, b) => (incremental ? a.updatedAt.localeCompare(b.updatedAt) : 0) || a.number - b.number);
      return {
        repository: {
          nameWithOwner: repo,
          visibility: 'PUBLIC',
          issues: { pageInfo: { hasNextPage: false, endCursor: null }, nodes },
        },
      };
    },
  };
}

const config = sourcesConfigSchema.parse({
  sources: [{ repo: 'acme/ml-platform' }, { repo: 'acme/security-risks' }],
});
const repos = {
  'acme/ml-platform': sampleIssues(ML_PLATFORM, ML_PLATFORM_CLOSED),
  'acme/security-risks': sampleIssues(SECURITY_RISKS, SECURITY_RISKS_CLOSED),
};
// A sample problem (a label the sync would flag as a mistake, an issue it could not map) is a
// bug in this script, not data to ship.
const reporter = {
  ...silentReporter,
  warn: (message: string) => {
    throw new Error(message);
  },
};
let synced: Snapshot | null = null;
for (const at of SYNCS) {
  const run = await syncBoard({
    client: sampleGitHub(repos, at),
    config,
    previous: synced,
    apiUrl: SAMPLE_API,
    now: () => new Date(at),
    reporter,
  });
  synced = run.snapshot;
}

const snapshot = snapshotSchema.parse({
  ...synced!,
  apiUrl: null,
  sample: true,
  sources: synced!.sources.map(({ repo, items, watermark, labels }) => ({ repo, items, watermark, labels })),
});

const { values } = parseArgs({
  options: { out: { type: 'string', default: 'content/board/snapshot.json' } },
});
await writeFile(values.out, canonicalJson(snapshot));
process.stdout.write(
  `${values.out}: ${snapshot.items.length} open and ${snapshot.closed.length} closed sample items from ${snapshot.sources.length} repositories\n`,
);
