import { randomUUID } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { snapshotSchema, type Snapshot } from '../../schemas/snapshot.ts';
import { canonicalJson } from './canonical-json.ts';

export interface StoredSnapshot {
  /** The file's bytes as text, null when there is no file. */
  text: string | null;
  /** The parsed snapshot, null when missing or invalid. */
  snapshot: Snapshot | null;
  /** Why an existing file could not be used. */
  problem: string | null;
}

/** Reads the current snapshot; a missing or broken file is reported, not thrown. */
export async function readSnapshot(path: string): Promise<StoredSnapshot> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { text: null, snapshot: null, problem: null };
  }
  try {
    const result = snapshotSchema.safeParse(JSON.parse(text));
    if (result.success) return { text, snapshot: result.data, problem: null };
    return { text, snapshot: null, problem: result.error.issues[0]?.message ?? 'invalid' };
  } catch (error) {
    return { text, snapshot: null, problem: (error as Error).message };
  }
}

/**
 * Writes the snapshot atomically (temp file in the same folder, fsync, rename), unless the
 * only difference from the current file is `syncedAt`: then the file is left byte-identical.
 */
export async function writeSnapshot(
  path: string,
  snapshot: Snapshot,
  current: StoredSnapshot,
): Promise<'written' | 'unchanged'> {
  if (
    current.snapshot &&
    current.text === canonicalJson({ ...snapshot, syncedAt: current.snapshot.syncedAt })
  ) {
    return 'unchanged';
  }
  const text = canonicalJson(snapshot);
  const temp = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
  try {
    const file = await open(temp, 'wx');
    try {
      await file.writeFile(text, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  return 'written';
}
