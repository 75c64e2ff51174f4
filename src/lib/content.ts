/**
 * The one place pages read content from. Pages never call getCollection with ad-hoc
 * filters; they call these, which also check cross-references the schemas cannot see
 * (a module's track, prerequisites and related ids) and fail the build naming the file.
 */
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { AREA_IDS } from './assess/areas.ts';
import { controlTarget } from './assess/controls.ts';
import { routes } from './paths.ts';

export type Module = CollectionEntry<'modules'>;
export type Track = CollectionEntry<'tracks'>;
export type Checklist = CollectionEntry<'checklists'>;
export type Practice = CollectionEntry<'practices'>;
export type Term = CollectionEntry<'glossary'>;
export type Threat = CollectionEntry<'threats'>;

/**
 * Content does not change during a build, so each query runs once: with thousands of pages
 * (one per board item) the cross-reference checks and sorting would otherwise run per page.
 * The dev server keeps modules loaded while content changes, so it always reads afresh.
 */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let cached: Promise<T> | undefined;
  return () => (import.meta.env.DEV ? load() : (cached ??= load()));
}

/** The track id of a module is the folder it lives in. */
export function trackOf(module: Module): string {
  return module.id.split('/')[0] ?? '';
}

export const getTracks = once(async (): Promise<Track[]> =>
  (await getCollection('tracks')).sort((a, b) => a.data.order - b.data.order),
);

const allModules = once(async (): Promise<Module[]> => {
  const [modules, tracks] = await Promise.all([getCollection('modules'), getCollection('tracks')]);
  const trackIds = new Set(tracks.map((t) => t.id));
  const ids = new Set(modules.map((m) => m.id));
  for (const m of modules) {
    if (!trackIds.has(trackOf(m))) {
      throw new Error(
        `${m.filePath}: folder "${trackOf(m)}" is not a track; add content/tracks/${trackOf(m)}.yaml`,
      );
    }
    const missing = m.data.prerequisites.filter((p) => !ids.has(p));
    if (missing.length)
      throw new Error(`${m.filePath}: prerequisites name unknown modules: ${missing.join(', ')}`);
  }
  return modules.sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id));
});

export async function getModules(trackId?: string): Promise<Module[]> {
  const modules = await allModules();
  return trackId ? modules.filter((m) => trackOf(m) === trackId) : modules;
}

export const getChecklists = once(async (): Promise<Checklist[]> =>
  (await getCollection('checklists')).sort((a, b) => a.data.title.localeCompare(b.data.title)),
);

export const getPractices = once(async (): Promise<Practice[]> => {
  const [practices, modules, checklists] = await Promise.all([
    getCollection('practices'),
    getCollection('modules'),
    getCollection('checklists'),
  ]);
  const moduleIds = new Set(modules.map((m) => m.id));
  const checklistIds = new Set(checklists.map((c) => c.id));
  for (const p of practices) {
    const badModules = p.data.modules.filter((id) => !moduleIds.has(id));
    const badChecklists = p.data.checklists.filter((id) => !checklistIds.has(id));
    if (badModules.length)
      throw new Error(`${p.filePath}: field "modules" names unknown modules: ${badModules.join(', ')}`);
    if (badChecklists.length)
      throw new Error(
        `${p.filePath}: field "checklists" names unknown checklists: ${badChecklists.join(', ')}`,
      );
  }
  return practices.sort((a, b) => a.data.title.localeCompare(b.data.title));
});

export const getGlossary = once(async (): Promise<Term[]> => {
  const terms = await getCollection('glossary');
  const ids = new Set(terms.map((t) => t.id));
  for (const t of terms) {
    const missing = t.data.related.filter((r) => !ids.has(r));
    if (missing.length)
      throw new Error(
        `content/glossary/terms.yaml: term "${t.id}" field "related" names unknown terms: ${missing.join(', ')}`,
      );
  }
  return terms.sort((a, b) => a.data.term.localeCompare(b.data.term, 'en', { sensitivity: 'base' }));
});

export const getSnapshot = once(async () => {
  const entry = await getEntry('board', 'snapshot');
  if (!entry)
    throw new Error(
      'content/board/snapshot.json: no snapshot entry; run `npm run sync` or restore the sample',
    );
  return entry.data;
});

/** Modules, practices and checklists in one shape, for the agenda, coverage and related links. */
export interface GuidanceEntry {
  type: 'module' | 'practice' | 'checklist';
  title: string;
  url: string;
  owner: Module['data']['owner'];
  lastReviewed: string;
  tags: string[];
  phases: string[];
}

export const getGuidance = once(async (): Promise<GuidanceEntry[]> => {
  const [modules, practices, checklists] = await Promise.all([getModules(), getPractices(), getChecklists()]);
  const entry = (
    type: GuidanceEntry['type'],
    url: string,
    d: { title: string; owner: GuidanceEntry['owner']; lastReviewed: Date; tags: string[]; phases: string[] },
  ) => ({
    type,
    title: d.title,
    url,
    owner: d.owner,
    lastReviewed: d.lastReviewed.toISOString().slice(0, 10),
    tags: d.tags,
    phases: d.phases,
  });
  return [
    ...modules.map((m) => entry('module', routes.module(m.id), m.data)),
    ...practices.map((p) => entry('practice', routes.practice(p.id), p.data)),
    ...checklists.map((c) => entry('checklist', routes.checklist(c.id), c.data)),
  ];
});

/**
 * The threat library in area order, then by title. Every suggested control must name a
 * practice, checklist or module that exists; the build fails naming the file and the id.
 */
export const getThreats = once(async (): Promise<Threat[]> => {
  const [threats, practices, checklists, modules] = await Promise.all([
    getCollection('threats'),
    getCollection('practices'),
    getCollection('checklists'),
    getCollection('modules'),
  ]);
  const known = {
    practice: new Set(practices.map((p) => p.id)),
    checklist: new Set(checklists.map((c) => c.id)),
    module: new Set(modules.map((m) => m.id)),
  };
  for (const t of threats) {
    for (const control of t.data.controls) {
      const { kind, id } = controlTarget(control);
      if (!known[kind].has(id))
        throw new Error(`${t.filePath}: field "controls" names an unknown ${kind}: ${id}`);
    }
  }
  const area = (t: Threat) => AREA_IDS.indexOf(t.data.area);
  return threats.sort((a, b) => area(a) - area(b) || a.data.title.localeCompare(b.data.title));
});
