/**
 * The module catalogue the browser needs to show progress (titles, links, track titles), in
 * curriculum order: tracks in their order, modules in theirs. Pages pass it as a data attribute.
 */
import { routes } from '../paths.ts';
import type { ModuleInfo } from './progress-export.ts';

export interface CatalogueEntry extends ModuleInfo {
  href: string;
}

interface Entry {
  id: string;
  data: { title: string };
}

/** `modules` may be in any order or from any tracks; those of tracks not given are left out. */
export function progressCatalogue(tracks: readonly Entry[], modules: readonly Entry[]): CatalogueEntry[] {
  return tracks.flatMap((track) =>
    modules
      .filter((m) => m.id.split('/')[0] === track.id)
      .map((m) => ({ id: m.id, title: m.data.title, track: track.data.title, href: routes.module(m.id) })),
  );
}
