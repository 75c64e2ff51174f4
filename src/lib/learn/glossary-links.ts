/**
 * Finds the first use of each glossary term in a module's prose, so the build can link it to
 * its entry (satteri-glossary-links.ts) and the page can list what it linked (TermsUsed.astro).
 * Pure: text in, matches out. Matching is case-insensitive and whole-word; a term written in
 * capitals (STRIDE, IR, DP-SGD) only matches in capitals, so "stride" or "ir" in a sentence
 * stays text. A simple plural of the last word also matches ("trust boundaries", "LLMs").
 * Where forms overlap the longest wins, so "membership inference attack" is not read as
 * "membership inference" followed by "attack".
 */

/** What the matcher needs of a glossary term (an entry of content/glossary/terms.yaml). */
export interface LinkableTerm {
  id: string;
  term: string;
  aliases: readonly string[];
  /** Forms used in another sense too (GitHub "labels", API "tokens"): never linked automatically. */
  notLinked?: readonly string[];
}

/** A run of text: plain, or the first use of a term to link to its entry. */
export type Segment = string | { id: string; text: string };

/** Elements whose text is never linked: headings, code, existing links, controls. */
const SKIPPED_TAGS = new Set(
  'a h1 h2 h3 h4 h5 h6 code pre kbd samp var script style svg math button label select textarea glossary-term'.split(
    ' ',
  ),
);

/** An ancestor of a text node, as hast (and Sätteri's visitor context) describes it. */
export interface Ancestor {
  type: string;
  tagName?: string;
}

/**
 * Whether text under these ancestors is prose. MDX components (any JSX element) are skipped
 * too: their children may be props or markup the component renders as it likes.
 */
export function isProse(ancestors: Iterable<Ancestor>): boolean {
  for (const a of ancestors) {
    if (a.type === 'mdxJsxFlowElement' || a.type === 'mdxJsxTextElement') return false;
    if (a.type === 'element' && SKIPPED_TAGS.has(a.tagName ?? '')) return false;
  }
  return true;
}

/** Id of the element holding a term's definition in the "Terms used here" list. */
export const definitionId = (termId: string) => `glossary-definition-${termId}`;

/** Written in capitals: no two lower-case letters in a row (STRIDE, PoLP, DP-SGD, NIST AI 100-1). */
const inCapitals = (form: string) => !/\p{Ll}{2}/u.test(form);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The form as a pattern: any run of spaces matches any whitespace, the last word may be plural. */
function pattern(form: string): string {
  const words = escape(form.trim()).split(/\s+/).join('\\s+');
  if (!/\p{L}$/u.test(form)) return words;
  if (inCapitals(form)) return `${words}s?`;
  if (/[^aeiou]y$/i.test(form)) return `${words.slice(0, -1)}(?:y|ies)`;
  if (/(?:s|x|z|ch|sh)$/i.test(form)) return `${words}(?:es)?`;
  return `${words}s?`;
}

/** A use of a term: where it is in the text and which term it names. */
export interface TermMatch {
  start: number;
  end: number;
  id: string;
}

/** One regular expression over many forms, longest first, that says which form matched. */
function alternation(forms: { form: string; id: string }[], flags: string): (text: string) => TermMatch[] {
  if (forms.length === 0) return () => [];
  const sorted = [...forms].sort((a, b) => b.form.length - a.form.length);
  // Not after a letter, digit or hyphen, not before one: "DP" is no match inside "DP-SGD" or "non-DP".
  const source = sorted.map((f) => `(${pattern(f.form)})`).join('|');
  const regex = new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${source})(?![\\p{L}\\p{N}_-])`, `g${flags}u`);
  return (text: string): TermMatch[] =>
    [...text.matchAll(regex)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
      id: sorted[m.findIndex((g, i) => i > 0 && g !== undefined) - 1]!.id,
    }));
}

/** Every use of every term in `text`, in order and not overlapping. */
export function glossaryMatcher(terms: readonly LinkableTerm[]): (text: string) => TermMatch[] {
  const forms = terms.flatMap((t) =>
    [t.term, ...t.aliases].filter((form) => !t.notLinked?.includes(form)).map((form) => ({ form, id: t.id })),
  );
  const anyCase = alternation(
    forms.filter((f) => !inCapitals(f.form)),
    'i',
  );
  const capitals = alternation(
    forms.filter((f) => inCapitals(f.form)),
    '',
  );
  return (text) => {
    // Each expression keeps its own matches apart; between the two, the earlier then the longer wins.
    const all = [...anyCase(text), ...capitals(text)];
    all.sort((a, b) => a.start - b.start || b.end - a.end);
    const kept: TermMatch[] = [];
    for (const m of all) if (m.start >= (kept.at(-1)?.end ?? 0)) kept.push(m);
    return kept;
  };
}

/**
 * Splits `text` into plain runs and first uses. `linked` holds the ids already linked in this
 * document; the function adds the ones it links. A later use of a linked term stays text.
 */
export function firstUses(text: string, find: (text: string) => TermMatch[], linked: Set<string>): Segment[] {
  const segments: Segment[] = [];
  let at = 0;
  for (const m of find(text)) {
    if (linked.has(m.id)) continue;
    linked.add(m.id);
    if (m.start > at) segments.push(text.slice(at, m.start));
    segments.push({ id: m.id, text: text.slice(m.start, m.end) });
    at = m.end;
  }
  if (at < text.length) segments.push(text.slice(at));
  return segments;
}
