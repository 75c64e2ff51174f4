/**
 * What the /assess/ page hands its script: the threat library in the model's shape and the
 * catalogue of guidance the threats' controls point to. Build-time only (reads collections).
 */
import { getChecklists, getModules, getPractices, getThreats } from '../content.ts';
import { routes } from '../paths.ts';
import type { LibraryThreat } from './assessment.ts';
import { controlKey, type ControlKind } from './controls.ts';
import type { ControlCatalogue } from './to-entry.ts';

export async function workshopData(): Promise<{ threats: LibraryThreat[]; catalogue: ControlCatalogue }> {
  const [threats, practices, checklists, modules] = await Promise.all([
    getThreats(),
    getPractices(),
    getChecklists(),
    getModules(),
  ]);
  // Every piece of guidance, so the assign step can add controls beyond a threat's suggestions.
  const catalogue: ControlCatalogue = {};
  for (const p of practices) catalogue[`practice:${p.id}`] = guide('practice', p.id, p.data.title);
  for (const c of checklists) catalogue[`checklist:${c.id}`] = guide('checklist', c.id, c.data.title);
  for (const m of modules) catalogue[`module:${m.id}`] = guide('module', m.id, m.data.title);
  for (const threat of threats)
    for (const control of threat.data.controls)
      if (!catalogue[controlKey(control)])
        throw new Error(`${threat.filePath}: unknown control ${controlKey(control)}`);
  return {
    threats: threats.map((t) => ({ id: t.id, ...t.data })),
    catalogue,
  };
}

const guide = (kind: ControlKind, id: string, title: string) => ({ kind, title, path: routes[kind](id) });
