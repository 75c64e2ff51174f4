/**
 * The two search index files of the site, from the content collections (used by the
 * endpoints in src/pages/search/). Content pages are one index, board items another, so the
 * board can grow without slowing the guidance search and the two load in parallel.
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
import { BOARD_FIELDS, buildSearchIndex, CONTENT_FIELDS } from './build-index.ts';
import { checklistDocument, moduleDocument, practiceDocument, termDocument } from './content-documents.ts';
import { popularModules } from './suggestions.ts';
import type { SearchIndexFile } from './types.ts';

export async function contentIndexFile(): Promise<SearchIndexFile> {
  const [modules, tracks, checklists, practices, terms] = await Promise.all([
    getModules(),
    getTracks(),
    getChecklists(),
    getPractices(),
    getGlossary(),
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
  const docs = [
    ...modules.map(moduleDocument),
    ...checklists.map(checklistDocument),
    ...practices.map(practiceDocument),
    ...terms.map((t) => termDocument({ ...t.data, id: t.id })),
  ];
  return buildSearchIndex(docs, CONTENT_FIELDS, popular.map(routes.module));
}

export async function boardIndexFile(): Promise<SearchIndexFile> {
  const snapshot = await getSnapshot();
  return buildSearchIndex(snapshot.items.map(boardDocument), BOARD_FIELDS);
}
