/*
 * Completion record export (Markdown for people, JSON to import again), built from the stored
 * progress and the site's module titles.
 *
 * JSON (format "tandem-progress", version 2, current):
 *   { "format": "tandem-progress", "version": 2, "exportedAt": "2026-11-25T10:00:00.000Z",
 *     "modules": [ { "id": "<track>/<slug>", "title": "…", "track": "<track title>",
 *                    ...every field of a stored module entry (see progress-store.ts) } ] }
 * Version 1 (earlier builds) had no "format" or "version" and rows with only id, title, track,
 * completedAt, bestScore and attempts. progress-import.ts reads both.
 */
import type { ModuleProgress, ProgressRecord } from './progress-store.ts';

export const EXPORT_FORMAT = 'tandem-progress';
export const EXPORT_VERSION = 2;

export interface ModuleInfo {
  id: string;
  title: string;
  /** The track's title. */
  track: string;
}

export interface ExportRow extends ModuleProgress {
  id: string;
  title: string;
  track: string;
}

/** Rows for every module the reader has opened or attempted, in curriculum order. */
export function exportRows(record: ProgressRecord, modules: readonly ModuleInfo[]): ExportRow[] {
  return modules.flatMap((m) => {
    const p = record.modules[m.id];
    return p ? [{ id: m.id, title: m.title, track: m.track, ...p }] : [];
  });
}

const pct = (score: number) => `${Math.round(score * 100)}%`;
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : 'not yet');

export function progressMarkdown(
  record: ProgressRecord,
  modules: readonly ModuleInfo[],
  exportedAt: Date,
): string {
  const rows = exportRows(record, modules);
  const done = rows.filter((r) => r.completedAt).length;
  const lines = [
    '# Tandem cross-training record',
    '',
    `Exported ${exportedAt.toISOString().slice(0, 10)}. Completed ${done} of ${modules.length} modules.`,
    '',
    '| Track | Module | Completed | Best score | Attempts |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${cell(r.track)} | ${cell(r.title)} | ${day(r.completedAt)} | ${r.attempts ? pct(r.bestScore) : '–'} | ${r.attempts} |`,
    ),
    '',
  ];
  return lines.join('\n');
}

export function progressJson(
  record: ProgressRecord,
  modules: readonly ModuleInfo[],
  exportedAt: Date,
): string {
  const file = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: exportedAt.toISOString(),
    modules: exportRows(record, modules),
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Markdown table cells cannot hold pipes or newlines. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
}
