/**
 * Reads an assessment from untrusted JSON (localStorage, an imported file, a share link) by hand,
 * without Zod so the browser need not bundle it. Every field is type-checked against the model's
 * vocabularies and LIMITS; unknown keys are dropped; a risk that cannot be read is dropped on its
 * own and counted; a profile fact this build does not know is left out, the rest kept. Only own
 * properties are read and every result is a fresh object, so `__proto__` keys do nothing. One
 * pass over the input; never throws.
 */
import { AREA_IDS, type ThreatArea } from './areas.ts';
import {
  CONTROL_KEY,
  LIMITS,
  RATING_SLOTS,
  STEPS,
  type Assessment,
  type Rating,
  type RatingSlot,
  type Risk,
  type Step,
} from './assessment.ts';
import { PROFILE_FACTS, type SystemProfile } from './profile.ts';
import { isDate, isObject, isText } from '../stored-state.ts';
import { OWNERS, PHASES, type Owner, type Phase } from '../vocabulary.ts';

type Json = Record<string, unknown>;

const own = (v: Json, key: string): unknown => (Object.hasOwn(v, key) ? v[key] : undefined);
const isId = (v: unknown): v is string => isText(v, 200) && v.length > 0;
const oneOf = <T extends string>(list: readonly T[], v: unknown): v is T =>
  typeof v === 'string' && (list as readonly string[]).includes(v);

/** A list of at most `max` entries that all pass `check`, or null. */
function listOf<T>(v: unknown, max: number, check: (item: unknown) => item is T): T[] | null {
  if (!Array.isArray(v) || v.length > max) return null;
  for (const item of v) if (!check(item)) return null;
  return [...(v as T[])];
}

function readRating(v: unknown): Rating | null {
  if (!isObject(v)) return null;
  const score = (x: unknown) =>
    x === null || (Number.isInteger(x) && (x as number) >= 1 && (x as number) <= 5);
  const likelihood = own(v, 'likelihood');
  const impact = own(v, 'impact');
  if (!score(likelihood) || !score(impact)) return null;
  return { likelihood: likelihood as number | null, impact: impact as number | null };
}

function readRatings(v: unknown): Record<RatingSlot, Rating> | null {
  if (!isObject(v)) return null;
  const [security, dataScience, agreed] = RATING_SLOTS.map((slot) => readRating(own(v, slot)));
  return security && dataScience && agreed ? { security, dataScience, agreed } : null;
}

const isTag = (v: unknown): v is string => isText(v, LIMITS.tag) && v.length > 0;
const isControl = (v: unknown): v is string => isText(v, 200) && CONTROL_KEY.test(v);
const isPhase = (v: unknown): v is Phase => oneOf(PHASES, v);

function readRisk(v: unknown): Risk | null {
  if (!isObject(v)) return null;
  const id = own(v, 'id');
  const threatId = own(v, 'threatId');
  // A library risk is keyed by its threat; the teams' own are custom-<n>.
  if (
    threatId === null
      ? !(typeof id === 'string' && /^custom-\d{1,9}$/.test(id))
      : !isId(threatId) || id !== threatId
  )
    return null;
  const [title, description, security, dataScience, notes, dismissReason] = [
    ['title', LIMITS.title],
    ['description', LIMITS.text],
    ['security', LIMITS.text],
    ['dataScience', LIMITS.text],
    ['notes', LIMITS.text],
    ['dismissReason', LIMITS.reason],
  ].map(([key, max]) => {
    const text = own(v, key as string);
    return isText(text, max as number) ? text : null;
  });
  const area = own(v, 'area');
  const owner = own(v, 'owner');
  const status = own(v, 'status');
  const phases = listOf(own(v, 'phases'), PHASES.length, isPhase);
  const tags = listOf(own(v, 'tags'), LIMITS.tags, isTag);
  const controls = listOf(own(v, 'controls'), LIMITS.controls, isControl);
  const ratings = readRatings(own(v, 'ratings'));
  if (
    title == null ||
    description == null ||
    security == null ||
    dataScience == null ||
    notes == null ||
    dismissReason == null ||
    !(area === null || oneOf(AREA_IDS, area)) ||
    !oneOf(OWNERS, owner) ||
    !(status === 'included' || (status === 'dismissed' && dismissReason.trim())) ||
    !phases ||
    !tags ||
    !controls ||
    !ratings
  )
    return null;
  const risk: Risk = {
    id: id as string,
    threatId: threatId as string | null,
    title,
    description,
    security,
    dataScience,
    area: area as ThreatArea | null,
    phases,
    owner: owner as Owner,
    tags,
    controls,
    status: status as Risk['status'],
    dismissReason,
    ratings,
    notes,
  };
  if (threatId !== null && own(v, 'addedByHand') === true) risk.addedByHand = true;
  return risk;
}

/** The profile, with facts this build does not know left out; null when its shape is wrong. */
function readProfile(v: unknown): SystemProfile | null {
  if (!isObject(v)) return null;
  const name = own(v, 'name');
  const purpose = own(v, 'purpose');
  const sources = own(v, 'sources');
  if (!isText(name, LIMITS.name) || !isText(purpose, LIMITS.text) || !isText(sources, LIMITS.text))
    return null;
  const facts = (group: keyof typeof PROFILE_FACTS) => {
    const list = listOf(own(v, group), 100, (x): x is string => isText(x, 100));
    return list && [...new Set(list)].filter((x) => Object.hasOwn(PROFILE_FACTS[group], x));
  };
  const data = facts('data');
  const model = facts('model');
  const deployment = facts('deployment');
  if (!data || !model || !deployment) return null;
  return { name, purpose, sources, data, model, deployment } as SystemProfile;
}

/** The assessment and how many of its risks could not be read, or null when it cannot be read. */
export function readAssessmentReport(value: unknown): { assessment: Assessment; dropped: number } | null {
  try {
    if (!isObject(value)) return null;
    const id = own(value, 'id');
    const name = own(value, 'name');
    const createdAt = own(value, 'createdAt');
    const updatedAt = own(value, 'updatedAt');
    const step = own(value, 'step');
    const list = own(value, 'risks');
    const profile = readProfile(own(value, 'profile'));
    if (!isText(id, 100) || !id || !isText(name, LIMITS.name) || !isDate(createdAt) || !isDate(updatedAt))
      return null;
    if (!oneOf(STEPS, step) || !profile || !Array.isArray(list)) return null;
    const risks: Risk[] = [];
    const ids = new Set<string>();
    for (const entry of list.slice(0, LIMITS.risks)) {
      const risk = readRisk(entry);
      if (risk && !ids.has(risk.id)) {
        ids.add(risk.id);
        risks.push(risk);
      }
    }
    const assessment: Assessment = { id, name, createdAt, updatedAt, step: step as Step, profile, risks };
    return { assessment, dropped: list.length - risks.length };
  } catch {
    // Plain JSON cannot make a check throw; a value built some other way (a getter) might.
    return null;
  }
}

export function readAssessment(value: unknown): Assessment | null {
  return readAssessmentReport(value)?.assessment ?? null;
}
