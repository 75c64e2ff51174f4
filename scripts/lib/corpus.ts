/**
 * Generated content for scale benchmarks: many valid modules and a large board snapshot.
 * Deterministic (seeded), so two runs measure the same input.
 */
import type { SnapshotInput } from '../../src/schemas/snapshot.ts';

/** Mulberry32: a tiny seeded PRNG; good enough to vary benchmark data. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;

const TAGS = [
  'atlas:AML.T0020',
  'atlas:AML.T0051',
  'atlas:AML.T0024.000',
  'atlas:AML.T0015',
  'owasp-ml:ML02:2023',
  'owasp-llm:LLM01:2026',
  'owasp-llm:LLM02:2026',
  'nist:MEASURE',
  'reg:GDPR',
  'reg:HIPAA',
];
const PHASES = ['data', 'training', 'evaluation', 'deployment', 'monitoring', 'governance'] as const;
const WORDS =
  'model data training pipeline poisoning drift encryption access prompt injection inference bucket registry feature store label bias fairness monitoring rollback incident token embedding retrieval privacy consent audit key rotation endpoint'.split(
    ' ',
  );

function sentence(rnd: () => number, words = 14): string {
  const text = Array.from({ length: words }, () => pick(rnd, WORDS)).join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** `count` modules in a generated track, each valid against the module schema. */
export function generateModules(count: number, seed = 1): Array<{ path: string; text: string }> {
  const rnd = random(seed);
  const track = {
    path: 'tracks/generated.yaml',
    text: [
      'title: Generated track',
      'summary: Modules generated for the scale benchmark.',
      'owner: shared',
      'lastReviewed: 2026-11-01',
      'audience: both-teams',
      'order: 9',
      'outcomes:',
      '  - Measure how the build scales with many modules',
      '',
    ].join('\n'),
  };
  const modules = Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(4, '0');
    // The right answer moves between positions, as the quiz schema requires of real modules.
    const right =
      '        - { text: Right answer, correct: true, explanation: This option is the correct one. }';
    const wrong = '        - { text: Wrong answer, explanation: This option is not the correct one. }';
    const question = (q: number) =>
      [
        `    - prompt: Generated question ${q} about ${pick(rnd, WORDS)} controls?`,
        '      options:',
        ...(q % 2 ? [right, wrong] : [wrong, right]),
      ].join('\n');
    const body = Array.from(
      { length: 6 },
      (_, s) => `## Section ${s + 1}\n\n${Array.from({ length: 5 }, () => sentence(rnd)).join(' ')}\n`,
    ).join('\n');
    const front = [
      '---',
      `title: Generated module ${n} on ${pick(rnd, WORDS)} ${pick(rnd, WORDS)}`,
      `summary: ${sentence(rnd, 10)}`,
      `owner: ${pick(rnd, ['security', 'data-science', 'shared'])}`,
      'lastReviewed: 2026-10-15',
      `tags: [${pick(rnd, TAGS)}]`,
      'audience: both-teams',
      `order: ${i + 1}`,
      'duration: 30',
      'objectives:',
      '  - Read a generated module for the benchmark',
      '  - Answer a generated knowledge check',
      `phases: [${pick(rnd, PHASES)}]`,
      'references:',
      '  - { title: MITRE ATLAS, url: "https://atlas.mitre.org/" }',
      'quiz:',
      '  questions:',
      ...[1, 2, 3, 4, 5].map(question),
      '---',
      '',
    ].join('\n');
    return { path: `modules/generated/module-${n}.mdx`, text: front + body };
  });
  return [track, ...modules];
}

/** A board of `count` items over three repositories with every owner, severity and phase. */
export function generateSnapshot(count: number, seed = 2): SnapshotInput {
  const rnd = random(seed);
  const repos = ['acme/ml-platform', 'acme/security-risks', 'acme/data-lake'];
  const base = Date.parse('2026-11-24T06:00:00Z');
  const items = Array.from({ length: count }, (_, i) => {
    const repo = repos[i % repos.length]!;
    const number = Math.floor(i / repos.length) + 1;
    const created = base - Math.floor(rnd() * 400) * 86_400_000;
    const updated = Math.min(base, created + Math.floor(rnd() * 120) * 86_400_000);
    return {
      key: `${repo}#${number}`,
      repo,
      number,
      title: `${sentence(rnd, 8).slice(0, -1)} (${i + 1})`,
      url: `https://github.com/${repo}/issues/${number}`,
      owner: pick(rnd, ['security', 'data-science', 'shared', null] as const),
      severity: pick(rnd, ['critical', 'high', 'medium', 'low', 'unrated'] as const),
      phases: [pick(rnd, PHASES)],
      tags: [pick(rnd, TAGS)],
      labels: [{ name: 'risk', color: 'd73a4a' }],
      assignees: rnd() < 0.6 ? [`user${Math.floor(rnd() * 200)}`] : [],
      author: `author${Math.floor(rnd() * 500)}`,
      createdAt: new Date(created).toISOString(),
      updatedAt: new Date(updated).toISOString(),
      bodyHTML: `<p>${sentence(rnd, 30)}</p><p>${sentence(rnd, 30)}</p>`,
      excerpt: sentence(rnd, 20),
      changes: history(rnd, created, updated),
    };
  });
  // A tenth as many closed within the 90-day window, so the agenda has something resolved.
  const closed = items.splice(0, Math.floor(count / 10)).map((item) => {
    const closedAt = new Date(
      Math.max(Date.parse(item.createdAt), base - Math.floor(rnd() * 90) * 86_400_000),
    ).toISOString();
    return { ...item, closedAt, closedBy: `user${Math.floor(rnd() * 200)}` };
  });
  return {
    version: 1,
    syncedAt: '2026-11-24T06:00:00Z',
    sample: false,
    sources: repos.map((repo) => ({
      repo,
      items: items.filter((i) => i.repo === repo).length,
      watermark: '2026-11-24T06:00:00Z',
    })),
    items,
    closed,
  };
}

/** Changes the sync would have recorded: severity, owner and phase moves on about one item in six. */
function history(rnd: () => number, created: number, updated: number) {
  if (rnd() > 1 / 6 || updated <= created) return [];
  const at = new Date(created + Math.floor(rnd() * (updated - created))).toISOString();
  return [
    pick(rnd, [
      { at, kind: 'severity' as const, from: 'medium', to: 'high' },
      { at, kind: 'severity' as const, from: 'high', to: 'low' },
      { at, kind: 'owner' as const, from: 'data-science', to: 'shared' },
      { at, kind: 'owner' as const, from: 'security', to: null },
      { at, kind: 'phase' as const, from: 'training', to: 'deployment' },
      { at, kind: 'reopened' as const, from: null, to: null },
    ]),
  ];
}
