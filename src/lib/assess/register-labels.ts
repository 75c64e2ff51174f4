/**
 * The GitHub labels that put a filed risk in the right place on the board: `risk`, its owner
 * team, severity, phases and taxonomy tags, written with the label prefixes the sync reads
 * (DESIGN.md; defaults of `conventions` in src/schemas/sources.ts, mirrored here so the browser
 * does not load the schema library).
 */
import type { RegisterEntry } from './register-entry.ts';

export interface LabelPrefixes {
  owner: string;
  severity: string;
  phase: string;
  atlas: string;
  'owasp-ml': string;
  'owasp-llm': string;
  nist: string;
  reg: string;
}

export const DEFAULT_PREFIXES: LabelPrefixes = {
  owner: 'owner:',
  severity: 'severity:',
  phase: 'phase:',
  atlas: 'atlas:',
  'owasp-ml': 'owasp-ml:',
  'owasp-llm': 'owasp-llm:',
  nist: 'nist:',
  reg: 'reg:',
};

/** The label that selects an issue for the board. */
export const RISK_LABEL = 'risk';

/** A taxonomy tag (`atlas:AML.T0053`, `reg:GDPR`) as a label; regulations are written lower-case. */
export function tagLabel(tag: string, prefixes: LabelPrefixes = DEFAULT_PREFIXES): string | null {
  const colon = tag.indexOf(':');
  const scheme = tag.slice(0, colon) as keyof LabelPrefixes;
  const id = tag.slice(colon + 1);
  if (colon < 1 || !id || !['atlas', 'owasp-ml', 'owasp-llm', 'nist', 'reg'].includes(scheme)) return null;
  return `${prefixes[scheme]}${scheme === 'reg' ? id.toLowerCase() : id}`;
}

/** Labels in a stable order: risk, owner, severity, phases, then tags. */
export function boardLabels(entry: RegisterEntry, prefixes: LabelPrefixes = DEFAULT_PREFIXES): string[] {
  const labels = [
    RISK_LABEL,
    `${prefixes.owner}${entry.owner}`,
    `${prefixes.severity}${entry.band}`,
    ...entry.phases.map((p) => `${prefixes.phase}${p}`),
    ...entry.tags.map((t) => tagLabel(t, prefixes)).filter((l): l is string => l !== null),
  ];
  return [...new Set(labels)];
}

const COLOURS: Array<[RegExp, string, string]> = [
  [/^risk$/, 'b60205', 'An AI risk tracked on the Tandem board'],
  [/^owner:security$/, '8a1c4a', 'Owner team: Security'],
  [/^owner:data-science$/, '0d6148', 'Owner team: Data science'],
  [/^owner:shared$/, '4b3c9c', 'Owner team: both teams together'],
  [/^severity:critical$/, 'b60205', 'Severity: critical (likelihood × impact 20–25)'],
  [/^severity:high$/, 'd93f0b', 'Severity: high (likelihood × impact 10–16)'],
  [/^severity:medium$/, 'fbca04', 'Severity: medium (likelihood × impact 5–9)'],
  [/^severity:low$/, '0e8a16', 'Severity: low (likelihood × impact 1–4)'],
  [/^phase:/, '1d76db', 'Lifecycle phase'],
  [/^atlas:/, '5319e7', 'MITRE ATLAS technique or mitigation'],
  [/^owasp-ml:/, 'c5def5', 'OWASP Machine Learning Security Top 10 (2023)'],
  [/^owasp-llm:/, 'c5def5', 'OWASP Top 10 for LLM Applications'],
  [/^nist:/, 'bfdadc', 'NIST AI RMF function'],
  [/^reg:/, 'f9d0c4', 'Regulation'],
];

/** Colour (6 hex digits, no '#') and description (at most 100 characters) for creating a label. */
export function labelStyle(label: string): { color: string; description: string } {
  const hit = COLOURS.find(([pattern]) => pattern.test(label));
  const [, color, description] = hit ?? [null, 'ededed', 'Label used by the Tandem board'];
  return { color, description: description.slice(0, 100) };
}
