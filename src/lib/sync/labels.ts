import type { Owner } from '../../schemas/owner.ts';
import { PHASES, type Phase } from '../../schemas/phase.ts';
import { SEVERITIES, type Severity } from '../../schemas/severity.ts';
import type { Conventions } from '../../schemas/sources.ts';
import { resolveTag } from '../taxonomy.ts';
import { cleanColor, cleanText } from './plain-text.ts';

export interface RawLabel {
  name: string;
  color?: string | null | undefined;
}

export interface MappedLabels {
  owner: Owner | null;
  severity: Severity;
  phases: Phase[];
  tags: string[];
  unknownTags: string[];
  labels: Array<{ name: string; color?: string }>;
}

const OWNERS: readonly string[] = ['security', 'data-science', 'shared'];

/**
 * Maps an issue's labels onto board fields (conventions in DESIGN.md). Every label set gives
 * exactly one owner (none → null, several teams → `shared`) and one severity (the highest,
 * else `unrated`). A taxonomy label with an unknown ID is flagged in `unknownTags`; any other
 * label that means nothing to the board is kept as a plain label. Order of input is irrelevant.
 */
export function mapLabels(raw: readonly RawLabel[], conventions: Conventions): MappedLabels {
  const owners = new Set<string>();
  const phases = new Set<string>();
  const tags = new Set<string>();
  const unknownTags = new Set<string>();
  const plain = new Map<string, { name: string; color?: string }>();
  let severity = SEVERITIES.length - 1;
  const schemes = [...Object.entries(conventions.taxonomy), ['reg', conventions.regulation] as const].sort(
    ([, a], [, b]) => b.length - a.length,
  );
  for (const label of raw) {
    const name = cleanText(label.name, 100);
    const lower = name.toLowerCase();
    const valueAfter = (prefix: string) =>
      lower.startsWith(prefix) ? lower.slice(prefix.length).trim() : null;
    const owner = valueAfter(conventions.owner);
    const level = SEVERITIES.indexOf(valueAfter(conventions.severity) as Severity);
    const phase = valueAfter(conventions.phase);
    const scheme = schemes.find(([, prefix]) => lower.startsWith(prefix));
    if (!name) continue;
    if (owner !== null && OWNERS.includes(owner)) owners.add(owner);
    else if (level >= 0) severity = Math.min(severity, level);
    else if (phase !== null && (PHASES as readonly string[]).includes(phase)) phases.add(phase);
    else if (scheme) {
      const resolved = resolveTag(`${scheme[0]}:${name.slice(scheme[1].length).trim()}`);
      if (resolved.ok) tags.add(resolved.value.tag);
      else unknownTags.add(name);
    } else {
      // GitHub label names are unique case-insensitively; pick one deterministically anyway.
      const color = cleanColor(label.color);
      const candidate = color ? { name, color } : { name };
      const kept = plain.get(lower);
      if (!kept || compare(sortKey(candidate), sortKey(kept)) < 0) plain.set(lower, candidate);
    }
  }
  return {
    owner: owners.size === 0 ? null : owners.size === 1 ? ([...owners][0] as Owner) : 'shared',
    severity: SEVERITIES[severity] ?? 'unrated',
    phases: PHASES.filter((p) => phases.has(p)),
    tags: [...tags].sort(),
    unknownTags: [...unknownTags].sort(),
    labels: [...plain.values()].sort((a, b) => compare(a.name.toLowerCase(), b.name.toLowerCase())),
  };
}

function sortKey(label: { name: string; color?: string }): string {
  return `${label.name}\u0000${label.color ?? ''}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
