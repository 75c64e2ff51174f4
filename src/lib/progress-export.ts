/** Completion record export (Markdown and JSON), built from the stored progress and module titles. */
import type { ProgressRecord } from './progress-store.ts';

export interface ModuleInfo {
  id: string;
  title: string;
  track: string;
}

export interface ExportRow {
  id: string;
  title: string;
  track: string;
  completedAt: string | null;
  bestScore: number;
  attempts: number;
}

/** Rows for every module the reader has attempted, in curriculum order. */
export function exportRows(record: ProgressRecord, modules: readonly ModuleInfo[]): ExportRow[] {
  return modules
    .filter((m) => record.modules[m.id])
    .map((m) => {
      const p = record.modules[m.id]!;
      return {
        id: m.id,
        title: m.title,
        track: m.track,
        completedAt: p.completedAt,
        bestScore: p.bestScore,
        attempts: p.attempts,
      };
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
        `| ${cell(r.track)} | ${cell(r.title)} | ${day(r.completedAt)} | ${pct(r.bestScore)} | ${r.attempts} |`,
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
  return `${JSON.stringify({ exportedAt: exportedAt.toISOString(), modules: exportRows(record, modules) }, null, 2)}\n`;
}

/** Markdown table cells cannot hold pipes or newlines. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\s+/g, ' ');
}
