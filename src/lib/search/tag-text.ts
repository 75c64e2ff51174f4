/**
 * Taxonomy tags as words people search for: `owasp-ml:ML02:2023` becomes
 * "ML02:2023 Data Poisoning Attack" plus, once per scheme, "OWASP Machine Learning Security
 * Top 10 (2023)", so the ID, the name and the framework all find the page. Unknown tags
 * (flagged on board items) are kept as written.
 */
import { resolveTag } from '../taxonomy.ts';

export function tagText(tags: readonly string[]): string {
  const entries: string[] = [];
  const schemes = new Set<string>();
  for (const tag of tags) {
    const resolved = resolveTag(tag);
    if (!resolved.ok) {
      entries.push(tag);
      continue;
    }
    entries.push(`${resolved.value.id} ${resolved.value.name}`);
    schemes.add(resolved.value.schemeTitle);
  }
  return [...entries, ...schemes].join(' ; ');
}

/**
 * The IDs of known tags that people search for as IDs: ATLAS and OWASP IDs (`AML.T0020`,
 * `LLM01:2026`) and regulations (`GDPR`). NIST AI RMF's functions (`MAP`, `MEASURE`) are
 * left out: as query words they are ordinary words far more often than IDs.
 */
export const tagIds = (tags: readonly string[]): TaggedId[] =>
  tags.flatMap((tag) => {
    const resolved = resolveTag(tag);
    return resolved.ok && resolved.value.scheme !== 'nist'
      ? [{ id: resolved.value.id, name: resolved.value.name }]
      : [];
  });

export interface TaggedId {
  id: string;
  name: string;
}
