/*
 * Reading a progress file the reader chose to import: what progress-export.ts writes (format
 * "tandem-progress", versions 1 and 2; see there). Unlike stored state, an import is all or
 * nothing: a file that is too large, not JSON, another kind of file, from a newer version or
 * with any unreadable row is refused with a message that says which, and nothing changes.
 */
import { isObject, MAX_BYTES, readJsonObject } from '../stored-state.ts';
import { EXPORT_FORMAT, EXPORT_VERSION } from './progress-export.ts';
import {
  emptyProgress,
  isModuleId,
  readModuleProgress,
  type ModuleProgress,
  type ProgressRecord,
} from './progress-store.ts';

/** Largest file accepted, in bytes: an export of every module is a few kilobytes. */
export const MAX_IMPORT_BYTES = MAX_BYTES;

export type ImportRead = { ok: true; record: ProgressRecord } | { ok: false; error: string };

const notOurs = (why?: string) =>
  `This file is not a Tandem progress export${why ? ` (${why})` : ''}, so nothing was imported.`;
export const TOO_LARGE = `This file is larger than a progress export can be (${MAX_IMPORT_BYTES / 1024} KB), so nothing was imported.`;

/** Which export version a parsed file is: its own field, or 1 for the unversioned early exports. */
function versionOf(data: Record<string, unknown>): number | null {
  if (data['format'] === EXPORT_FORMAT)
    return Number.isSafeInteger(data['version']) ? (data['version'] as number) : null;
  const early = !('format' in data) && !('version' in data) && typeof data['exportedAt'] === 'string';
  return early ? 1 : null;
}

/** A version 1 row lacks lastScore and the timestamps: its best score stands in for the last. */
function readRow(row: unknown, version: number): ModuleProgress | null {
  if (!isObject(row)) return null;
  if (version === 2) return readModuleProgress(row);
  return readModuleProgress({
    ...row,
    lastScore: row['bestScore'],
    lastAttemptAt: null,
    lastVisitedAt: null,
  });
}

/** Reads the text of an imported file; never throws. */
export function readProgressImport(text: string): ImportRead {
  const read = readJsonObject(text, MAX_IMPORT_BYTES);
  if (!read.ok) {
    if (read.problem === 'too-large') return { ok: false, error: TOO_LARGE };
    return { ok: false, error: notOurs(read.problem === 'not-json' ? 'it is not JSON' : undefined) };
  }
  const version = versionOf(read.data);
  if (version === null || version < 1) return { ok: false, error: notOurs() };
  if (version > EXPORT_VERSION)
    return {
      ok: false,
      error: `This file comes from a newer version of Tandem (export version ${version}; this site reads up to ${EXPORT_VERSION}), so nothing was imported.`,
    };
  const rows = read.data['modules'];
  if (!Array.isArray(rows)) return { ok: false, error: notOurs('it has no list of modules') };
  const record = emptyProgress();
  for (const [i, row] of rows.entries()) {
    const id = isObject(row) && isModuleId(row['id']) ? row['id'] : '';
    const entry = id && !Object.hasOwn(record.modules, id) ? readRow(row, version) : null;
    if (!entry)
      return {
        ok: false,
        error: `Entry ${i + 1} of this progress file cannot be read (the file may be damaged), so nothing was imported.`,
      };
    record.modules[id] = entry;
  }
  return { ok: true, record };
}
