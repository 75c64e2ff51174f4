/**
 * The site's search files, from the content collections, built once per build and shared by
 * the endpoints in src/pages/search/ (manifest, shards, chunks, text fragments).
 */
import {
  getChecklists,
  getGlossary,
  getModules,
  getPractices,
  getSnapshot,
  getTracks,
  trackOf,
} from '../content.ts';
import { routes } from '../paths.ts';
import { boardDocument } from './board-documents.ts';
import { buildSearch, type BuiltSearch } from './build-index.ts';
import { checklistDocument, moduleDocument, practiceDocument, termDocument } from './content-documents.ts';
import { popularModules } from './suggestions.ts';

async function build(): Promise<BuiltSearch> {
  const [modules, tracks, checklists, practices, terms, snapshot] = await Promise.all([
    getModules(),
    getTracks(),
    getChecklists(),
    getPractices(),
    getGlossary(),
    getSnapshot(),
  ]);
  const trackOrder = new Map(tracks.map((t) => [t.id, t.data.order]));
  const popular = popularModules(
    modules.map((m) => ({
      id: m.id,
      prerequisites: m.data.prerequisites,
      order: m.data.order,
      trackOrder: trackOrder.get(trackOf(m)) ?? Infinity,
    })),
  );
  return buildSearch({
    content: [
      ...modules.map(moduleDocument),
      ...checklists.map(checklistDocument),
      ...practices.map(practiceDocument),
      ...terms.map((t) => termDocument({ ...t.data, id: t.id })),
    ],
    board: snapshot.items.map(boardDocument),
    suggest: popular.map(routes.module),
  });
}

let built: Promise<BuiltSearch> | undefined;

export const siteSearch = (): Promise<BuiltSearch> => (built ??= build());
