/**
 * The tag filter's choices: known tags grouped by scheme (MITRE ATLAS, OWASP ML Top 10…), each
 * with its name next to its ID, and the IDs the taxonomy does not know in a group of their own.
 * Build time only: it reads the taxonomy file, which the browser never loads.
 */
import { resolveTag, SCHEMES } from '../taxonomy.ts';

export interface TagOption {
  /** The tag as the filter matches it, e.g. `atlas:AML.T0020`. */
  value: string;
  /** What the reader sees, e.g. `AML.T0020 — Poison Training Data`. */
  text: string;
}

export interface TagOptionGroup {
  label: string;
  options: TagOption[];
}

export const UNKNOWN_TAGS_LABEL = 'Unknown IDs';

const byId = (a: TagOption & { id: string }, b: TagOption & { id: string }) =>
  a.id.localeCompare(b.id, 'en', { numeric: true });

/** Groups in scheme order, options by ID within a group; empty groups are left out. */
export function tagOptionGroups(tags: Iterable<string>): TagOptionGroup[] {
  const known = new Map(
    SCHEMES.map((s) => [s, { label: '', options: [] as Array<TagOption & { id: string }> }]),
  );
  const unknown: Array<TagOption & { id: string }> = [];
  for (const tag of new Set(tags)) {
    const r = resolveTag(tag);
    if (r.ok) {
      const group = known.get(r.value.scheme)!;
      group.label = r.value.schemeTitle;
      group.options.push({ value: tag, id: r.value.id, text: `${r.value.id} — ${r.value.name}` });
    } else {
      unknown.push({ value: tag, id: tag, text: `${tag} (unknown ID)` });
    }
  }
  return [...known.values(), { label: UNKNOWN_TAGS_LABEL, options: unknown }]
    .filter((g) => g.options.length > 0)
    .map((g) => ({
      label: g.label,
      options: g.options.sort(byId).map(({ value, text }) => ({ value, text })),
    }));
}
