/**
 * Taxonomy coverage: for each ATLAS technique and OWASP entry, how many open risks carry it
 * and which guidance covers it: a module or practice tagged with it teaches it, a checklist
 * tagged with it checks for it. A sub-technique's risks and guidance also count for its parent
 * technique. Pure.
 */
import type { BoardItem } from '../../schemas/board-item.ts';
import type { TaxonomyEntry } from '../taxonomy-build.ts';
import { entriesOf } from '../taxonomy.ts';

export interface GuidanceRef {
  type: 'module' | 'practice' | 'checklist';
  title: string;
  url: string;
  tags: readonly string[];
}

export interface CoverageRow {
  tag: string;
  id: string;
  name: string;
  risks: number;
  guidance: GuidanceRef[];
}

export interface CoverageInput {
  items: readonly BoardItem[];
  guidance: readonly GuidanceRef[];
  atlas: readonly TaxonomyEntry[];
  owasp: ReadonlyArray<{ scheme: 'owasp-ml' | 'owasp-llm'; entries: readonly TaxonomyEntry[] }>;
}

export interface Coverage {
  /** Entries with open risks and no module, practice or checklist, most risks first. */
  untrained: CoverageRow[];
  tactics: Array<{ id: string; name: string; techniques: CoverageRow[] }>;
  owasp: CoverageRow[];
}

export function buildCoverage({ items, guidance, atlas, owasp }: CoverageInput): Coverage {
  const parentOf = new Map(atlas.filter((e) => e.parent).map((e) => [e.id, e.parent!]));
  // Every tag a risk or page carries, plus the parent technique of any sub-technique.
  const expand = (tags: readonly string[]) =>
    new Set(
      tags.flatMap((t) =>
        t.startsWith('atlas:') && parentOf.has(t.slice(6)) ? [t, `atlas:${parentOf.get(t.slice(6))}`] : [t],
      ),
    );
  const riskCounts = new Map<string, number>();
  for (const item of items)
    for (const tag of expand(item.tags)) riskCounts.set(tag, (riskCounts.get(tag) ?? 0) + 1);
  const guidanceByTag = new Map<string, GuidanceRef[]>();
  for (const g of guidance)
    for (const tag of expand(g.tags)) guidanceByTag.set(tag, [...(guidanceByTag.get(tag) ?? []), g]);

  const row = (tag: string, e: TaxonomyEntry): CoverageRow => ({
    tag,
    id: e.id,
    name: e.name,
    risks: riskCounts.get(tag) ?? 0,
    guidance: guidanceByTag.get(tag) ?? [],
  });

  const techniques = atlas.filter((e) => e.kind === 'technique');
  const tactics = atlas
    .filter((e) => e.kind === 'tactic')
    .map((t) => ({
      id: t.id,
      name: t.name,
      techniques: techniques.filter((e) => e.tactics?.includes(t.id)).map((e) => row(`atlas:${e.id}`, e)),
    }));
  const owaspRows = owasp.flatMap(({ scheme, entries }) => entries.map((e) => row(`${scheme}:${e.id}`, e)));
  const allRows = [
    ...atlas.filter((e) => e.kind !== 'tactic').map((e) => row(`atlas:${e.id}`, e)),
    ...owaspRows,
  ];
  const untrained = allRows
    .filter((r) => r.risks > 0 && r.guidance.length === 0)
    .sort((a, b) => b.risks - a.risks || a.tag.localeCompare(b.tag));
  return { untrained, tactics, owasp: owaspRows };
}

/** Coverage of what the site shows: all of ATLAS, the OWASP ML Top 10 (2023) and the current LLM list (2026). */
export function siteCoverage(items: readonly BoardItem[], guidance: readonly GuidanceRef[]): Coverage {
  return buildCoverage({
    items,
    guidance,
    atlas: entriesOf('atlas'),
    owasp: [
      { scheme: 'owasp-ml', entries: entriesOf('owasp-ml') },
      { scheme: 'owasp-llm', entries: entriesOf('owasp-llm').filter((e) => e.id.endsWith(':2026')) },
    ],
  });
}
