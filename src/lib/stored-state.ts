/*
 * Reading reader state back from localStorage (progress, checklist runs): the part every store
 * shares. A stored value is one JSON object with a numeric "version"; each store names the
 * versions it can read (older ones migrate in their reader) and its reset notices. Anything
 * else — too large, not JSON, not an object, an unknown or newer version, a reader that
 * cannot use the shape — becomes the store's empty value and the reader is told.
 */

/** Largest stored value a store will parse (in UTF-16 code units, as localStorage counts). */
export const MAX_BYTES = 256 * 1024;

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
export const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
/** A date-time string that Date can read; short, so a stored value cannot hide bulk in it. */
export const isDate = (v: unknown): v is string => isText(v, 40) && !Number.isNaN(Date.parse(v));
export const isDateOrNull = (v: unknown): v is string | null => v === null || isDate(v);

export type JsonRead =
  | { ok: true; data: Record<string, unknown> }
  | { ok: false; problem: 'too-large' | 'not-json' | 'not-object' };

/** Parses text that should hold one JSON object; never throws. */
export function readJsonObject(raw: string, maxBytes = MAX_BYTES): JsonRead {
  if (raw.length > maxBytes) return { ok: false, problem: 'too-large' };
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return { ok: false, problem: 'not-json' };
  }
  return isObject(data) ? { ok: true, data } : { ok: false, problem: 'not-object' };
}

export interface Loaded<T> {
  value: T;
  /** Set when stored data could not be used, in whole or in part. */
  notice?: string;
}

export interface StoredStateSpec<T> {
  empty: () => T;
  /** One reader per version this build understands; null when the shape is unusable. */
  versions: Record<number, (data: Record<string, unknown>) => Loaded<T> | null>;
  /** Told when everything was reset, and when that was because the value was too large. */
  notices: { reset: string; tooLarge: string };
}

/** Reads a stored value with `spec`; never throws. */
export function parseStoredState<T>(raw: string | null, spec: StoredStateSpec<T>): Loaded<T> {
  if (raw === null) return { value: spec.empty() };
  const read = readJsonObject(raw);
  if (!read.ok)
    return {
      value: spec.empty(),
      notice: read.problem === 'too-large' ? spec.notices.tooLarge : spec.notices.reset,
    };
  const version = read.data['version'];
  const reader =
    typeof version === 'number' && Object.hasOwn(spec.versions, version) && spec.versions[version];
  return (reader && reader(read.data)) || { value: spec.empty(), notice: spec.notices.reset };
}

/** "1 unreadable run was removed", "3 unreadable runs were removed". */
export const removed = (count: number, one: string, many: string) =>
  `${count} ${count === 1 ? `${one} was` : `${many} were`} removed`;
