/*
 * Risk assessments, kept only in this browser's localStorage under one key, and exported to or
 * imported from a file.
 *
 * Key: "tandem:assessments". Value (version 2, current):
 *   { "version": 2,
 *     "currentId": "3f0c…" | null,
 *     "assessments": [ { "id": "3f0c…", "name": "Fraud model v2",
 *                        "createdAt": "2026-11-25T10:00:00.000Z", "updatedAt": "2026-11-25T10:20:00.000Z",
 *                        "step": "rate", "profile": { "name": …, "data": ["personal"], … },
 *                        "risks": [ { "id": "prompt-injection", "threatId": "prompt-injection", …,
 *                                     "ratings": { "security": { "likelihood": 4, "impact": 3 }, … } } ] } ] }
 * Each assessment has the shape of Assessment in assessment.ts; assessment-read.ts checks it.
 * currentId is the assessment on screen. Version 1 (the workshop's first format, one assessment
 * only) was { "version": 1, "assessment": { … } } and is migrated on read with that assessment
 * current. Anything unreadable (corrupt JSON, another app's data, a newer version) is replaced by
 * an empty store and the reader is told; unreadable assessments and risks inside a good store are
 * dropped one by one, also with a notice.
 *
 * An exported file is pretty JSON: { "format": "tandem-assessment", "version": 2,
 * "exportedAt": "…", "assessment": { … } }.
 */
import { readAssessmentReport } from './assessment-read.ts';
import { LIMITS, type Assessment } from './assessment.ts';
import { MAX_BYTES, parseStoredState, readJsonObject, removed, type Loaded } from '../stored-state.ts';

export const STORE_KEY = 'tandem:assessments';

/**
 * Largest stored value read, in UTF-16 code units: about what one origin's localStorage holds.
 * parseStoredState stops at MAX_BYTES (256 K), which a few assessments with long notes exceed,
 * and a reset there would lose a team's work; so larger values are read here with the same readers.
 */
export const STORE_MAX = 5 * 1024 * 1024;
/** Largest file importJson reads. */
export const IMPORT_MAX = 1024 * 1024;
export const EXPORT_FORMAT = 'tandem-assessment';

export interface AssessmentStore {
  version: 2;
  currentId: string | null;
  assessments: Assessment[];
}

export const emptyStore = (): AssessmentStore => ({ version: 2, currentId: null, assessments: [] });

const RESET = 'Your saved assessments could not be read and have been reset.';
const TOO_LARGE = `${RESET} (They were larger than this browser can store.)`;

function readVersion1(data: Record<string, unknown>): Loaded<AssessmentStore> | null {
  const read = readAssessmentReport(data['assessment']);
  if (!read) return null;
  const value: AssessmentStore = {
    version: 2,
    currentId: read.assessment.id,
    assessments: [read.assessment],
  };
  return read.dropped ? { value, notice: lostNotice(0, read.dropped) } : { value };
}

function readVersion2(data: Record<string, unknown>): Loaded<AssessmentStore> | null {
  const list = data['assessments'];
  const currentId = data['currentId'];
  if (!Array.isArray(list) || !(currentId === null || typeof currentId === 'string')) return null;
  const assessments: Assessment[] = [];
  let droppedAssessments = 0;
  let droppedRisks = 0;
  for (const entry of list) {
    const read = readAssessmentReport(entry);
    if (!read || assessments.some((a) => a.id === read.assessment.id)) droppedAssessments += 1;
    else {
      assessments.push(read.assessment);
      droppedRisks += read.dropped;
    }
  }
  const current =
    currentId === null ? null : ((assessments.find((a) => a.id === currentId) ?? assessments[0])?.id ?? null);
  const value: AssessmentStore = { version: 2, currentId: current, assessments };
  return droppedAssessments || droppedRisks
    ? { value, notice: lostNotice(droppedAssessments, droppedRisks) }
    : { value };
}

function lostNotice(assessments: number, risks: number): string {
  const lost = [
    assessments && removed(assessments, 'unreadable assessment', 'unreadable assessments'),
    risks && removed(risks, 'unreadable risk', 'unreadable risks'),
  ].filter(Boolean);
  return `Saved assessments: ${lost.join(' and ')}.`;
}

const VERSIONS: Record<number, (data: Record<string, unknown>) => Loaded<AssessmentStore> | null> = {
  1: readVersion1,
  2: readVersion2,
};

/** Reads the stored value; never throws. */
export function parseStore(raw: string | null): Loaded<AssessmentStore> {
  const spec = { empty: emptyStore, versions: VERSIONS, notices: { reset: RESET, tooLarge: TOO_LARGE } };
  if (raw === null || raw.length <= MAX_BYTES) return parseStoredState(raw, spec);
  const read = readJsonObject(raw, STORE_MAX);
  if (!read.ok) return { value: emptyStore(), notice: read.problem === 'too-large' ? TOO_LARGE : RESET };
  const version = read.data['version'];
  const reader =
    typeof version === 'number' && Object.hasOwn(VERSIONS, version) ? VERSIONS[version] : undefined;
  return reader?.(read.data) ?? { value: emptyStore(), notice: RESET };
}

export function serialiseStore(store: AssessmentStore): string {
  return JSON.stringify(store);
}

/** Replaces the assessment with the same id, or appends it; either way it becomes current. */
export function upsert(store: AssessmentStore, a: Assessment): AssessmentStore {
  const at = store.assessments.findIndex((s) => s.id === a.id);
  const assessments =
    at === -1 ? [...store.assessments, a] : store.assessments.map((s, i) => (i === at ? a : s));
  return { ...store, currentId: a.id, assessments };
}

/** Removes an assessment; when it was current, the first one left becomes current. */
export function removeAssessment(store: AssessmentStore, id: string): AssessmentStore {
  const assessments = store.assessments.filter((s) => s.id !== id);
  const currentId = store.currentId === id ? (assessments[0]?.id ?? null) : store.currentId;
  return { ...store, currentId, assessments };
}

export function current(store: AssessmentStore): Assessment | null {
  return store.assessments.find((s) => s.id === store.currentId) ?? null;
}

/** "Fraud model", or "Fraud model (2)", "(3)"… when the name is taken. */
export function uniqueName(store: AssessmentStore, name: string): string {
  const taken = new Set(store.assessments.map((s) => s.name));
  const wanted = name.trim();
  if (!taken.has(wanted)) return wanted;
  const base = wanted.replace(/ \(\d+\)$/, '');
  for (let n = 2; ; n += 1) {
    const suffix = ` (${n})`;
    const candidate = `${base.slice(0, LIMITS.name - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The file "Export file" saves: pretty, newline-terminated JSON. */
export function exportJson(a: Assessment, now?: string): string {
  const file = {
    format: EXPORT_FORMAT,
    version: 2,
    ...(now === undefined ? {} : { exportedAt: now }),
    assessment: a,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ImportResult =
  { ok: true; assessment: Assessment; notice?: string } | { ok: false; error: string };

/**
 * Reads an exported file; errors are sentences to follow "Could not import <file>: ". The page gives the result a unique name (uniqueName) and, when its id
 * is already in the store, a fresh id, so importing never overwrites a saved assessment.
 */
export function importJson(text: string): ImportResult {
  const read = readJsonObject(text, IMPORT_MAX);
  if (!read.ok) {
    if (read.problem === 'too-large')
      return { ok: false, error: 'the file is larger than 1 MB, too large for an assessment.' };
    if (read.problem === 'not-json') return { ok: false, error: 'the file is not JSON.' };
  }
  const notOurs = {
    ok: false,
    error: 'the file is not a Tandem assessment; use a file made with “Export file”.',
  } as const;
  if (!read.ok || read.data['format'] !== EXPORT_FORMAT) return notOurs;
  const version = read.data['version'];
  if (!Number.isInteger(version) || (version as number) < 1) return notOurs;
  if ((version as number) > 2)
    return {
      ok: false,
      error: `the file comes from a newer version of Tandem (format ${version}) than this page reads.`,
    };
  const report = readAssessmentReport(read.data['assessment']);
  if (!report)
    return {
      ok: false,
      error: 'the file is a Tandem assessment, but the assessment in it could not be read.',
    };
  const { assessment, dropped } = report;
  return dropped
    ? {
        ok: true,
        assessment,
        notice: `Imported, but ${removed(dropped, 'unreadable risk', 'unreadable risks')}.`,
      }
    : { ok: true, assessment };
}
