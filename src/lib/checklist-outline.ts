/**
 * The part of a checklist a run needs in the browser: ids and titles in order, the version
 * and the page's address. Pages serialise it into a data attribute for <checklist-run>.
 */
import { isoDate } from './format.ts';

export interface ChecklistOutline {
  id: string;
  title: string;
  /** Derived from the items; runs use it to notice changes. Internal: readers see `updated`. */
  version: string;
  /** When the checklist was last reviewed, YYYY-MM-DD: what readers see instead of the version. */
  updated: string;
  /** URL of the checklist page, so an exported run links back to the questions (site-relative until the browser resolves it). */
  url: string;
  sections: { id: string; title: string; items: { id: string; title: string }[] }[];
}

interface ChecklistLike {
  id: string;
  data: {
    title: string;
    version: string;
    lastReviewed: Date;
    sections: ReadonlyArray<{
      id: string;
      title: string;
      items: ReadonlyArray<{ id: string; title: string }>;
    }>;
  };
}

export function checklistOutline(checklist: ChecklistLike, url: string): ChecklistOutline {
  const { title, version, lastReviewed, sections } = checklist.data;
  return {
    id: checklist.id,
    title,
    version,
    updated: isoDate(lastReviewed),
    url,
    sections: sections.map((s) => ({
      id: s.id,
      title: s.title,
      items: s.items.map((i) => ({ id: i.id, title: i.title })),
    })),
  };
}

export const outlineItemIds = (outline: ChecklistOutline): string[] =>
  outline.sections.flatMap((s) => s.items.map((i) => i.id));
