/**
 * The GitHub labels that put a filed risk in its lane on the board: `risk`, the owner team,
 * severity, phases and taxonomy tags, written with the prefixes the sync reads (DESIGN.md,
 * "Label conventions"). DEFAULT_PREFIXES has the shape and defaults of `conventions` in
 * src/schemas/sources.ts, mirrored so the browser bundle does not load the schema library; a
 * site's parsed `conventions` can be passed as it is.
 */
import { OWNERS, PHASES } from '../vocabulary.ts';
import type { RegisterEntry } from './register-entry.ts';
import { BANDS } from './severity.ts';

export interface LabelPrefixes {
  owner: string;
  severity: string;
  phase: string;
  taxonomy: { atlas: string; 'owasp-ml': string; 'owasp-llm': string; nist: string };
  regulation: string;
}

export const DEFAULT_PREFIXES: LabelPrefixes = {
  owner: 'owner:',
  severity: 'severity:',
  phase: 'phase:',
  taxonomy: { atlas: 'atlas:', 'owasp-ml': 'owasp-ml:', 'owasp-llm': 'owasp-llm:', nist: 'nist:' },
  regulation: 'reg:',
};

/** The label that selects an issue for the board. */
export const RISK_LABEL = 'risk';

/** GitHub's limit on a label name. */
const NAME_MAX = 50;

/**
 * A tag's ID as it may appear in a label: letters, digits and `.:_-` only. A comma would split
 * one label into two in `labels=` and in `gh --label`, and spaces or other characters are never
 * in a canonical ID, so a tag that has them is left out rather than filed half-right.
 */
const TAG_ID = /^[A-Za-z0-9][A-Za-z0-9.:_-]*$/;

/** A taxonomy tag (`atlas:AML.T0053`, `reg:GDPR`) as a label; regulations lower-case; null if it is none. */
export function tagLabel(tag: string, prefixes: LabelPrefixes = DEFAULT_PREFIXES): string | null {
  const colon = tag.indexOf(':');
  const scheme = tag.slice(0, colon);
  const id = tag.slice(colon + 1);
  if (colon < 1 || !TAG_ID.test(id)) return null;
  const label =
    scheme === 'reg'
      ? `${prefixes.regulation}${id.toLowerCase()}`
      : Object.hasOwn(prefixes.taxonomy, scheme)
        ? `${prefixes.taxonomy[scheme as keyof LabelPrefixes['taxonomy']]}${id}`
        : null;
  return label && label.length <= NAME_MAX ? label : null;
}

/** The board labels for one risk, in a stable order: risk, owner, severity, phases, then tags. */
export function boardLabels(entry: RegisterEntry, prefixes: LabelPrefixes = DEFAULT_PREFIXES): string[] {
  const known = <T extends string>(values: readonly T[], value: string): value is T =>
    (values as readonly string[]).includes(value);
  const labels = [
    RISK_LABEL,
    ...(known(OWNERS, entry.owner) ? [`${prefixes.owner}${entry.owner}`] : []),
    ...(BANDS.some((b) => b.band === entry.band) ? [`${prefixes.severity}${entry.band}`] : []),
    ...entry.phases.filter((p) => known(PHASES, p)).map((p) => `${prefixes.phase}${p}`),
    ...entry.tags.flatMap((t) => tagLabel(t, prefixes) ?? []),
  ];
  return [...new Set(labels)];
}

const BAND_COLOURS = { critical: 'b60205', high: 'd93f0b', medium: 'fbca04', low: '0e8a16' };

/** Colour and description by label, first match wins; prefixes are the defaults the script creates. */
const STYLES: Array<[RegExp, string, string]> = [
  [/^risk$/, 'b60205', 'An AI risk on the Tandem board'],
  [/^owner:security$/, '8a1c4a', 'Owned by the security team'],
  [/^owner:data-science$/, '0d6148', 'Owned by the data-science team'],
  [/^owner:shared$/, '4b3c9c', 'Owned by the security and data-science teams together'],
  ...BANDS.map((b): [RegExp, string, string] => [
    new RegExp(`^severity:${b.band}$`),
    BAND_COLOURS[b.band],
    `Severity ${b.band}: likelihood × impact ${b.min}–${b.max}`,
  ]),
  [/^phase:/, '1d76db', 'AI lifecycle phase'],
  [/^atlas:/, '5319e7', 'MITRE ATLAS technique'],
  [/^owasp-ml:/, 'c5def5', 'OWASP Machine Learning Security Top 10'],
  [/^owasp-llm:/, 'c5def5', 'OWASP Top 10 for LLM Applications'],
  [/^nist:/, 'bfdadc', 'NIST AI Risk Management Framework function'],
  [/^reg:/, 'f9d0c4', 'Regulation that applies'],
];

/** Colour (six hex digits, no `#`) and description (at most 100 characters) for creating a label. */
export function labelStyle(label: string): { color: string; description: string } {
  const [, color, description] = STYLES.find(([pattern]) => pattern.test(label)) ?? [
    null,
    'ededed',
    'Label used by the Tandem board',
  ];
  return { color, description: description.slice(0, 100) };
}
