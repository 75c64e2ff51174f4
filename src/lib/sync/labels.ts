import type { Owner } from '../../schemas/owner.ts';
import { PHASES, type Phase } from '../../schemas/phase.ts';
import { SEVERITIES, type Severity } from '../../schemas/severity.ts';
import type { Conventions } from '../../schemas/sources.ts';
import {
  conventionsOf,
  lookAlikeLetters,
  normaliseLabel,
  read,
  sameLabel,
  shownLabel,
  skeleton,
  type Convention,
  type Field,
} from './label-normalise.ts';
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
  /** Sentences for a reader: labels that look like a convention but were not applied, severity conflicts. */
  flags: string[];
}

type Verdict = { apply: Field; value: string } | { keep: 'plain' | 'flagged' | 'unknownTag'; flag?: string };

const NUMBERS = ['no', 'one', 'two', 'three', 'four', 'five'];

/**
 * Maps an issue's labels onto board fields (conventions in DESIGN.md). A label applies only
 * when written as a convention (case-insensitive); one that merely normalises to a convention
 * (NFKC, hidden characters, spaces around the colon, look-alike letters) or has a convention's
 * prefix with an unknown value is flagged and kept as a plain label. Every label set gives one
 * owner (none → null, several teams → `shared`) and one severity (the highest, flagged when
 * several, else `unrated`). A taxonomy label with an unknown ID goes to `unknownTags`.
 * Order of input is irrelevant.
 */
export function mapLabels(raw: readonly RawLabel[], conventions: Conventions): MappedLabels {
  const known = conventionsOf(conventions);
  const applied: Record<Field, Set<string>> = {
    owner: new Set(),
    severity: new Set(),
    phase: new Set(),
    tag: new Set(),
  };
  const unknownTags = new Set<string>();
  const flags = new Set<string>();
  const plain = new Map<string, { name: string; color?: string }>();
  for (const label of raw) {
    const written = cleanText(label.name, 100);
    if (!written) continue;
    const verdict = judge(label.name, known);
    if ('apply' in verdict) {
      applied[verdict.apply].add(verdict.value);
      continue;
    }
    if (verdict.flag) flags.add(verdict.flag);
    const name = verdict.keep === 'plain' ? written : shownLabel(label.name);
    if (verdict.keep === 'unknownTag') unknownTags.add(name);
    else {
      // GitHub label names are unique case-insensitively; pick one deterministically anyway.
      const color = cleanColor(label.color);
      const candidate = color ? { name, color } : { name };
      const kept = plain.get(name.toLowerCase());
      if (!kept || compare(sortKey(candidate), sortKey(kept)) < 0) plain.set(name.toLowerCase(), candidate);
    }
  }
  const owners = applied.owner;
  const severities = SEVERITIES.filter((s) => applied.severity.has(s));
  if (severities.length > 1) {
    const count = NUMBERS[severities.length] ?? String(severities.length);
    flags.add(`${count} severity labels: ${list(severities)}; the board uses ${severities[0]}`);
  }
  return {
    owner: owners.size === 0 ? null : owners.size === 1 ? ([...owners][0] as Owner) : 'shared',
    severity: severities[0] ?? 'unrated',
    phases: PHASES.filter((p) => applied.phase.has(p)),
    tags: [...applied.tag].sort(),
    unknownTags: [...unknownTags].sort(),
    labels: [...plain.values()].sort((a, b) => compare(a.name.toLowerCase(), b.name.toLowerCase())),
    flags: [...new Set([...flags].map((flag) => cleanText(flag, 200)))].sort(compare),
  };
}

/** What one label means to the board, and the sentence to show when it is not applied. */
function judge(name: string, known: readonly Convention[]): Verdict {
  const quoted = `"${shownLabel(name, 60)}"`;
  const letters = lookAlikeLetters(name);
  const uses =
    letters.length > 0 ? `uses look-alike letters (${letters.join(', ')})` : 'uses accented letters';
  const reading = read(normaliseLabel(name), known);
  if (reading?.resolved) {
    const { convention, resolved } = reading;
    if (sameLabel(name, resolved.canonical)) return { apply: convention.field, value: resolved.value };
    const flag =
      letters.length > 0
        ? `${quoted} looks like "${resolved.canonical}" but ${uses}; not applied`
        : `${quoted} looks like ${convention.label} but is not written as one; not applied`;
    return { keep: 'flagged', flag };
  }
  // Not a convention label once normalised: is it one once look-alike letters read as Latin?
  const likeness = read(skeleton(name), known);
  const like = likeness?.resolved ? `"${likeness.resolved.canonical}"` : likeness?.convention.label;
  const keep = reading?.convention.field === 'tag' ? 'unknownTag' : 'flagged';
  if (like && (!reading || likeness?.resolved))
    return { keep, flag: `${quoted} looks like ${like} but ${uses}; not applied` };
  if (!reading) return { keep: 'plain' };
  // The prefix is a convention's, the value is not one of its values.
  const also = letters.length > 0 ? ` and ${uses}` : '';
  const flag = `${quoted} is not a known ${reading.convention.values}${also}; not applied`;
  return keep === 'unknownTag' && !also ? { keep } : { keep, flag };
}

function list(words: readonly string[]): string {
  return words.length < 2 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

function sortKey(label: { name: string; color?: string }): string {
  return `${label.name}\u0000${label.color ?? ''}`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
