/**
 * Everything the module page shows around the module's own text: its track, its position,
 * previous and next, the nearby modules for the sidebar, its prerequisites, the table of
 * contents and the reading time. Pure, so the page only renders.
 */
export interface ModuleLike {
  id: string;
  body?: string | undefined;
  data: { title: string; prerequisites: string[] };
}
export interface TrackLike {
  id: string;
  data: { title: string };
}
export interface Heading {
  depth: number;
  slug: string;
  text: string;
}
export interface TocEntry {
  slug: string;
  text: string;
}

export interface ModulePage<M extends ModuleLike, T extends TrackLike> {
  track: T;
  /** The track's modules in order. */
  siblings: M[];
  /** 1-based position in the track. */
  position: number;
  previous: M | undefined;
  next: M | undefined;
  /** The sidebar's list: the whole track, or the 15 modules around this one on long tracks. */
  nearby: M[];
  prerequisites: M[];
  toc: TocEntry[];
  /** Minutes to read the text at 200 words a minute (the exercise takes longer). */
  readingMinutes: number;
}

const SIDEBAR_MAX = 15;
const WORDS_PER_MINUTE = 200;

/** Section headings of the text, then the sections the page adds after it. */
export function tableOfContents(headings: Heading[], extra: TocEntry[]): TocEntry[] {
  return [...headings.filter((h) => h.depth === 2).map(({ slug, text }) => ({ slug, text })), ...extra];
}

export function readingMinutes(body: string): number {
  const words = body.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

export function modulePage<M extends ModuleLike, T extends TrackLike>(input: {
  module: M;
  /** Every module, in track order. */
  modules: M[];
  tracks: T[];
  headings: Heading[];
  /** Sections the page renders after the text (knowledge check, references…). */
  extraSections: TocEntry[];
}): ModulePage<M, T> {
  const { module, modules, tracks } = input;
  const trackId = module.id.split('/')[0];
  const track = tracks.find((t) => t.id === trackId);
  if (!track) throw new Error(`module ${module.id}: no track "${trackId}"`);
  const siblings = modules.filter((m) => m.id.split('/')[0] === trackId);
  const index = siblings.findIndex((m) => m.id === module.id);
  const start = Math.max(0, Math.min(index - 7, siblings.length - SIDEBAR_MAX));
  return {
    track,
    siblings,
    position: index + 1,
    previous: siblings[index - 1],
    next: siblings[index + 1],
    nearby: siblings.length > SIDEBAR_MAX ? siblings.slice(start, start + SIDEBAR_MAX) : siblings,
    prerequisites: module.data.prerequisites.map((id) => {
      const found = modules.find((m) => m.id === id);
      if (!found) throw new Error(`module ${module.id}: prerequisite "${id}" is not a module`);
      return found;
    }),
    toc: tableOfContents(input.headings, input.extraSections),
    readingMinutes: readingMinutes(module.body ?? ''),
  };
}
