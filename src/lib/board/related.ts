/** Relating guidance and risks through shared taxonomy tags or lifecycle phases. Pure. */
import type { BoardItem } from '../../schemas/board-item.ts';
import { compareItems } from './model.ts';

export interface Relatable {
  tags: readonly string[];
  phases: readonly string[];
}

/** How strongly two things relate: a shared tag counts more than a shared phase; 0 means unrelated. */
export function relatedness(a: Relatable, b: Relatable): number {
  const tags = a.tags.filter((t) => b.tags.includes(t)).length;
  const phases = a.phases.filter((p) => b.phases.includes(p)).length;
  return tags * 10 + phases;
}

/** Open risks related to a page, strongest relation first, then by severity and age. */
export function relatedRisks(page: Relatable, items: readonly BoardItem[], limit = 6): BoardItem[] {
  return items
    .map((item) => ({ item, weight: relatedness(page, item) }))
    .filter((r) => r.weight > 0)
    .sort((a, b) => b.weight - a.weight || compareItems(a.item, b.item))
    .slice(0, limit)
    .map((r) => r.item);
}
