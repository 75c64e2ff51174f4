/**
 * How label names are compared with the label conventions. Anyone who can label an issue
 * chooses the names, so a label that only looks like a convention (fullwidth letters, hidden
 * characters, spaces around the colon, Cyrillic or Greek look-alike letters) has to be told
 * apart from one written as the convention. Here: the normal forms of a name, the conventions
 * as a table, and reading a normalised name against them.
 */
import { PHASES } from '../../schemas/phase.ts';
import { SEVERITIES } from '../../schemas/severity.ts';
import type { Conventions } from '../../schemas/sources.ts';
import { resolveTag } from '../taxonomy.ts';
import { cleanText } from './plain-text.ts';

export type Field = 'owner' | 'severity' | 'phase' | 'tag';
export interface Resolved {
  value: string;
  /** The label as the convention writes it, e.g. `owner:security`. */
  canonical: string;
}
export interface Convention {
  field: Field;
  prefix: string;
  pattern: RegExp;
  /** `an owner label` */
  label: string;
  /** `owner team (security, data-science, shared)` */
  values: string;
  resolve: (value: string) => Resolved | null;
}
export interface Reading {
  convention: Convention;
  /** Null when the prefix is the convention's but the value is not one of its values. */
  resolved: Resolved | null;
}

const OWNERS: readonly string[] = ['security', 'data-science', 'shared'];

/**
 * What a reader cannot see in a label: controls (tab and line breaks aside, which cleanText makes
 * spaces), format characters, other default-ignorables, noncharacters and the braille blank.
 */
const HIDDEN =
  /(?![\t\n\r])[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\p{Noncharacter_Code_Point}\u2800]/gu;
const IGNORABLE = /(?!\p{White_Space})[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu;
const EDGE_SPACE = /^\p{White_Space}+|\p{White_Space}+$/gu;
const SYNTAX = /[\\^$.*+?()[\]{}|/]/g;

/** Cyrillic, Greek and Latin letters that read as a basic Latin letter, as `letter latin` pairs. */
const CONFUSABLES = new Map(
  [
    'Аa Вb Сc Еe Нh Іi Јj Кk Мm Оo Рp Ѕs Тt Хx Уy Үy Ԛq Ԝw Ӏl',
    'аa вb сc ԁd еe һh іi јj кk ӏl мm нh оo рp ԛq ѕs тt уy хx ԝw үy',
    'Αa Βb Εe Ζz Ηh Ιi Κk Μm Νn Οo Ρp Τt Υy Χx',
    'αa γy εe ιi κk νv οo ρp τt υu χx ϲc ϳj',
    'ıi ȷj ɑa ɡg ɩi',
  ]
    .join(' ')
    .split(' ')
    .map((pair) => [...pair] as [string, string]),
);

/** NFKC, hidden characters gone, whitespace collapsed and none around a colon; case kept. */
function fold(name: string): string {
  return name
    .toWellFormed()
    .normalize('NFKC')
    .replace(IGNORABLE, '')
    .replace(/\p{White_Space}+/gu, ' ')
    .replace(/ ?: ?/g, ':')
    .trim()
    .normalize('NFKC');
}

/** The form compared with the conventions: folded and lowercased. */
export function normaliseLabel(name: string): string {
  return fold(name).toLowerCase().normalize('NFKC');
}

/** The normalised form with accents dropped and look-alike letters read as Latin ones. */
export function skeleton(name: string): string {
  const bare = fold(name).normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
  return [...bare]
    .map((char) => CONFUSABLES.get(char) ?? char)
    .join('')
    .toLowerCase();
}

/** The look-alike letters in a name, described for a reader, e.g. `Cyrillic "ѕ"`; at most three. */
export function lookAlikeLetters(name: string): string[] {
  const found = new Set([...fold(name)].filter((char) => CONFUSABLES.has(char)));
  return [...found]
    .sort()
    .slice(0, 3)
    .map((char) => `${scriptOf(char)}"${char}"`);
}

function scriptOf(char: string): string {
  if (/\p{Script=Cyrillic}/u.test(char)) return 'Cyrillic ';
  if (/\p{Script=Greek}/u.test(char)) return 'Greek ';
  return '';
}

/**
 * A label name for a reader when the board does not apply it: safe text with every hidden
 * character shown as `[U+200D]`, so the label cannot pass for the convention it imitates.
 */
export function shownLabel(name: string, max = 100): string {
  const revealed = name.toWellFormed().replace(HIDDEN, (char) => {
    const hex = (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    return `[U+${hex}]`;
  });
  return cleanText(revealed, max);
}

/**
 * Whether a name is written as `canonical`: the same code points up to case (surrounding
 * whitespace aside). Both case mappings must agree, so the Kelvin sign or a dotless i, which
 * lowercase or uppercase to a Latin letter, do not pass for one.
 */
export function sameLabel(name: string, canonical: string): boolean {
  const written = name.replace(EDGE_SPACE, '');
  return (
    written.toLowerCase() === canonical.toLowerCase() && written.toUpperCase() === canonical.toUpperCase()
  );
}

/** Matches a label prefix at the start of a normalised name, allowing spaces around its punctuation. */
export function prefixPattern(prefix: string): RegExp {
  const parts = [...prefix.normalize('NFKC').toLowerCase()].map((char) => {
    if (/\p{White_Space}/u.test(char)) return ' ';
    const escaped = char.replace(SYNTAX, '\\$&');
    return /[\p{L}\p{N}]/u.test(char) ? escaped : ` ?${escaped} ?`;
  });
  return new RegExp(`^${parts.join('')}`, 'u');
}

/** The convention a normalised name is written in, and its value when it is a known one. */
export function read(form: string, known: readonly Convention[]): Reading | null {
  let first: Reading | null = null;
  for (const convention of known) {
    const match = convention.pattern.exec(form);
    if (!match) continue;
    const resolved = convention.resolve(form.slice(match[0].length).trim());
    if (resolved) return { convention, resolved };
    first ??= { convention, resolved: null };
  }
  return first;
}

/** The conventions, longest prefix first so the most specific one reads a label. */
export function conventionsOf(c: Conventions): Convention[] {
  const fromList = (
    field: Field,
    prefix: string,
    label: string,
    noun: string,
    values: readonly string[],
  ) => ({
    field,
    prefix,
    pattern: prefixPattern(prefix),
    label,
    values: `${noun} (${values.filter((v) => v !== 'unrated').join(', ')})`,
    resolve: (v: string) => (values.includes(v) ? { value: v, canonical: prefix + v } : null),
  });
  const schemes = [...Object.entries(c.taxonomy), ['reg', c.regulation] as const];
  return [
    fromList('owner', c.owner, 'an owner label', 'owner team', OWNERS),
    fromList('severity', c.severity, 'a severity label', 'severity', SEVERITIES),
    fromList('phase', c.phase, 'a phase label', 'phase', PHASES),
    ...schemes.map(([scheme, prefix]) => ({
      field: 'tag' as const,
      prefix,
      pattern: prefixPattern(prefix),
      label: 'a taxonomy label',
      values: `${scheme} ID`,
      resolve: (v: string) => {
        const tag = resolveTag(`${scheme}:${v}`);
        return tag.ok ? { value: tag.value.tag, canonical: prefix + tag.value.id } : null;
      },
    })),
  ].sort((a, b) => b.prefix.length - a.prefix.length);
}
