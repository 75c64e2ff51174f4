/**
 * Relating board risks and guidance pages (modules, practices, checklists), ranked by what they
 * share, each with the reasons in words. Pure.
 *
 * Only a specific entry makes two things related: an ATLAS technique, sub-technique or
 * mitigation, or an OWASP entry, shared exactly (strongest) or as a technique and one of its
 * sub-techniques (AML.T0010 and AML.T0010.002). Broad tags (ATLAS tactics, NIST AI RMF functions,
 * regulations) and lifecycle phases are shared by half the site with any risk, so they only
 * order pages that already share a specific entry, and together count for less than the weakest
 * specific match: "GDPR, phase: deployment" never puts an ethics checklist on a model-theft risk.
 */
import type { BoardItem } from '../../schemas/board-item.ts';
import { entriesOf, resolveTag, type ResolvedTag } from '../taxonomy.ts';
import { compareItems } from './model.ts';

export interface Relatable {
  tags: readonly string[];
  phases: readonly string[];
}

export interface Relation {
  score: number;
  /** Why, strongest first: "shares ATLAS AML.T0020 Poison Training Data", "phase: data". */
  reasons: string[];
}

export interface RelatedPage<P> extends Relation {
  page: P;
}

export interface RelatedRisk extends Relation {
  item: BoardItem;
}

/** Points per shared entry; broad tags and phases together are capped below one family match. */
export const WEIGHTS = { same: 20, family: 8, context: 1, maxContext: 3 } as const;

const parentOf = new Map(
  entriesOf('atlas')
    .filter((e) => e.parent)
    .map((e) => [`atlas:${e.id}`, `atlas:${e.parent}`]),
);
/** Short scheme names for reasons; NIST functions and regulations read best by their ID alone. */
const SCHEME_LABEL: Record<string, { prefix: string; named: boolean }> = {
  atlas: { prefix: 'ATLAS', named: true },
  'owasp-ml': { prefix: 'OWASP', named: true },
  'owasp-llm': { prefix: 'OWASP', named: true },
  nist: { prefix: 'NIST AI RMF', named: false },
  reg: { prefix: '', named: false },
};

/** Tags resolved once each: relating every risk to every page resolves the same few hundred tags. */
const resolved = new Map<string, ResolvedTag | null>();
function known(tags: readonly string[]): ResolvedTag[] {
  return tags.flatMap((tag) => {
    let r = resolved.get(tag);
    if (r === undefined) {
      const result = resolveTag(tag);
      r = result.ok ? result.value : null;
      resolved.set(tag, r);
    }
    return r ? [r] : [];
  });
}

const specific = (t: ResolvedTag) =>
  t.scheme.startsWith('owasp') || (t.scheme === 'atlas' && !t.id.startsWith('AML.TA'));

/**
 * "ATLAS AML.T0020 Poison Training Data", "ATLAS AML.T0010.002 AI Supply Chain Compromise: Data"
 * (a sub-technique's own name says little alone), "NIST AI RMF MAP", "GDPR".
 */
export function tagLabel(tag: string): string {
  const r = resolveTag(tag);
  if (!r.ok) return tag;
  const { prefix, named } = SCHEME_LABEL[r.value.scheme] ?? { prefix: '', named: true };
  const parent = parentOf.get(r.value.tag);
  const parentEntry = parent ? resolveTag(parent) : null;
  const name = parentEntry?.ok ? `${parentEntry.value.name}: ${r.value.name}` : r.value.name;
  return [prefix, r.value.id, named ? name : ''].filter(Boolean).join(' ');
}

interface Match {
  score: number;
  same: ResolvedTag[];
  family: Array<{ tag: ResolvedTag; kin: string; of: string }>;
  broad: ResolvedTag[];
  phases: string[];
}

/** The root technique of a tag (itself unless it is a sub-technique): tags in one family share it. */
const root = (tag: string) => parentOf.get(tag) ?? tag;

/** A function telling what another entry shares with `subject`, and its score; null when only loosely related. */
function matcher(subject: Relatable): (other: Relatable) => Match | null {
  const mine = known(subject.tags);
  const mineSet = new Set(mine.map((t) => t.tag));
  const roots = new Set(mine.filter(specific).map((t) => root(t.tag)));
  return (other) => {
    // Most candidates share no technique family at all; leave before building anything.
    if (!other.tags.some((t) => roots.has(root(t)))) return null;
    const theirs = known(other.tags);
    const theirSet = new Set(theirs.map((t) => t.tag));
    // In the subject's order, so every page's reasons read in the same order on one item page.
    const same = mine.filter((t) => specific(t) && theirSet.has(t.tag));
    const used = new Set(same.map((t) => t.tag));
    // A technique on one side and its sub-technique on the other, each tag used once.
    const family: Match['family'] = [];
    for (const t of theirs) {
      if (!specific(t) || mineSet.has(t.tag)) continue;
      const m = mine.find(
        (m) => !used.has(m.tag) && (parentOf.get(m.tag) === t.tag || parentOf.get(t.tag) === m.tag),
      );
      if (!m) continue;
      used.add(m.tag);
      family.push({
        tag: t,
        kin: parentOf.get(t.tag) === m.tag ? 'a sub-technique' : 'the parent technique',
        of: m.id,
      });
    }
    if (same.length === 0 && family.length === 0) return null;
    const broad = mine.filter((t) => !specific(t) && theirSet.has(t.tag));
    const phases = other.phases.filter((p) => subject.phases.includes(p));
    const score =
      same.length * WEIGHTS.same +
      family.length * WEIGHTS.family +
      Math.min(WEIGHTS.maxContext, (broad.length + phases.length) * WEIGHTS.context);
    return { score, same, family, broad, phases };
  };
}

/** The reasons in words, strongest first; built only for what is shown. */
function reasons({ same, family, broad, phases }: Match): string[] {
  return [
    ...(same.length ? [`shares ${same.map((t) => tagLabel(t.tag)).join(', ')}`] : []),
    ...family.map((f) => `${tagLabel(f.tag.tag)}, ${f.kin} of ${f.of}`),
    ...(phases.length ? [`phase: ${phases.join(', ')}`] : []),
    ...(broad.length ? [`also ${broad.map((t) => tagLabel(t.tag)).join(', ')}`] : []),
  ];
}

/** How `other` relates to `subject`, with reasons naming what they share; null when only loosely. */
export function relation(subject: Relatable, other: Relatable): Relation | null {
  const m = matcher(subject)(other);
  return m ? { score: m.score, reasons: reasons(m) } : null;
}

/**
 * The `limit` strongest matches, ordered by score and then `tie`, with their reasons. Keeps only
 * the best few while it scans: a module page relates to every risk on a 10,000-item board.
 */
function rank<T extends Relatable>(
  subject: Relatable,
  candidates: readonly T[],
  limit: number,
  tie: (a: T, b: T) => number,
): Array<{ entry: T } & Relation> {
  const order = (a: { entry: T; m: Match }, b: { entry: T; m: Match }) =>
    b.m.score - a.m.score || tie(a.entry, b.entry);
  const match = matcher(subject);
  const best: Array<{ entry: T; m: Match }> = [];
  for (const entry of candidates) {
    const m = match(entry);
    if (!m) continue;
    const found = { entry, m };
    if (best.length === limit && order(found, best.at(-1)!) >= 0) continue;
    const at = best.findIndex((b) => order(found, b) < 0);
    best.splice(at === -1 ? best.length : at, 0, found);
    if (best.length > limit) best.pop();
  }
  return best.map(({ entry, m }) => ({ entry, score: m.score, reasons: reasons(m) }));
}

/** Guidance related to a risk, strongest first, then by title; at most `limit`. */
export function relatedGuidance<P extends Relatable & { title: string }>(
  item: Relatable,
  guidance: readonly P[],
  limit = 5,
): RelatedPage<P>[] {
  return rank(item, guidance, limit, (a, b) => a.title.localeCompare(b.title)).map(({ entry, ...r }) => ({
    page: entry,
    ...r,
  }));
}

/** Open risks related to a page, strongest first, then by severity and age; at most `limit`. */
export function relatedRisks(page: Relatable, items: readonly BoardItem[], limit = 5): RelatedRisk[] {
  return rank(page, items, limit, compareItems).map(({ entry, ...r }) => ({ item: entry, ...r }));
}
