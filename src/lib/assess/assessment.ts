/**
 * The joint risk assessment as the workshop edits it: a system profile, the risks the profile
 * selects from the threat library (plus any the teams add), each rated by both teams and then
 * agreed, owned and given controls. Every function is pure and returns a new assessment; `now`
 * (an ISO date-time) is passed in so tests are deterministic. Free of Zod: the browser bundles
 * it. Stored and shared forms are read back by assessment-read.ts, which keeps to LIMITS below,
 * so anything these functions produce reads back unchanged.
 */
import { selectThreats } from './applies.ts';
import type { ThreatArea } from './areas.ts';
import type { Condition } from './condition.ts';
import { controlKey, type ControlRef } from './controls.ts';
import { emptyProfile, type SystemProfile } from './profile.ts';
import { bandOf, scoreOf, type Band } from './severity.ts';
import { OWNERS, PHASES, type Owner, type Phase } from '../vocabulary.ts';

export type { Owner };

export type Team = 'security' | 'dataScience';
export type RatingSlot = Team | 'agreed';
export const RATING_SLOTS: readonly RatingSlot[] = ['security', 'dataScience', 'agreed'];

/** Likelihood and impact, each a whole number from 1 to 5, or null while not rated. */
export interface Rating {
  likelihood: number | null;
  impact: number | null;
}

export const STEPS = ['describe', 'review', 'rate', 'assign', 'register'] as const;
export type Step = (typeof STEPS)[number];

/** A threat of the library as the page passes it in (collection id + data). */
export interface LibraryThreat {
  id: string;
  title: string;
  area: ThreatArea;
  description: string;
  security: string;
  dataScience: string;
  appliesWhen: Condition;
  phases: Phase[];
  owner: Owner;
  tags: string[];
  controls: ControlRef[];
  likelihood: number;
  impact: number;
  rationale: string;
}

export interface Risk {
  /** The threat id, or `custom-<n>` for a risk the teams wrote themselves. */
  id: string;
  threatId: string | null;
  title: string;
  description: string;
  /** What each team looks for, copied from the threat; the teams' own notes after editing. */
  security: string;
  dataScience: string;
  area: ThreatArea | null;
  phases: Phase[];
  owner: Owner;
  tags: string[];
  /** Control keys: `practice:<id>`, `checklist:<id>` or `module:<track>/<id>`. */
  controls: string[];
  status: 'included' | 'dismissed';
  dismissReason: string;
  ratings: Record<RatingSlot, Rating>;
  notes: string;
  /**
   * Set on a library threat the teams added although the profile did not select it, so that
   * reviewing the threats again keeps it. Absent otherwise.
   */
  addedByHand?: true;
}

export interface Assessment {
  id: string;
  name: string;
  /** ISO date-times. */
  createdAt: string;
  updatedAt: string;
  step: Step;
  profile: SystemProfile;
  risks: Risk[];
}

/** An included risk with a complete agreed rating, as the register lists it. */
export interface AcceptedRisk extends Risk {
  score: number;
  band: Band;
  discuss: boolean;
}

/** Longest text and longest lists an assessment holds; the reader enforces the same. */
export const LIMITS = {
  name: 200,
  title: 300,
  text: 5000,
  reason: 1000,
  tag: 100,
  risks: 500,
  tags: 50,
  controls: 50,
} as const;

/** The shape of a control key; ids are lower-case slugs, modules `track/module`. */
export const CONTROL_KEY = /^(?:(?:practice|checklist):[a-z0-9][a-z0-9-]*|module:[a-z0-9-]+\/[a-z0-9-]+)$/;

const clip = (text: string, max: number) => text.slice(0, max);
const unrated = (): Rating => ({ likelihood: null, impact: null });
const noRatings = (): Record<RatingSlot, Rating> => ({
  security: unrated(),
  dataScience: unrated(),
  agreed: unrated(),
});
const complete = (r: Rating) => r.likelihood !== null && r.impact !== null;

function newId(): string {
  const uuid = globalThis.crypto?.randomUUID;
  // randomUUID exists only in secure contexts (https, localhost); a file:// page falls back.
  if (typeof uuid === 'function') return uuid.call(globalThis.crypto);
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export function newAssessment(name: string, now: string, id: string = newId()): Assessment {
  return {
    id,
    name: clip(name.trim(), LIMITS.name),
    createdAt: now,
    updatedAt: now,
    step: 'describe',
    profile: emptyProfile(),
    risks: [],
  };
}

export function setProfile(a: Assessment, profile: SystemProfile, now: string): Assessment {
  const { name, purpose, sources, data, model, deployment } = profile;
  return {
    ...a,
    updatedAt: now,
    profile: {
      name: clip(name, LIMITS.name),
      purpose: clip(purpose, LIMITS.text),
      sources: clip(sources, LIMITS.text),
      data: [...new Set(data)],
      model: [...new Set(model)],
      deployment: [...new Set(deployment)],
    },
  };
}

export function setStep(a: Assessment, step: Step, now: string): Assessment {
  if (!STEPS.includes(step)) throw new Error(`No step ${String(step)} in the workshop`);
  return { ...a, step, updatedAt: now };
}

export function rename(a: Assessment, name: string, now: string): Assessment {
  return { ...a, name: clip(name.trim(), LIMITS.name), updatedAt: now };
}

// ---- Risks from the library ---------------------------------------------------------------

/** A library threat as a fresh, unrated risk: what the teams start from. */
export function riskFrom(threat: LibraryThreat): Risk {
  return {
    id: threat.id,
    threatId: threat.id,
    title: clip(threat.title, LIMITS.title),
    description: clip(threat.description, LIMITS.text),
    security: clip(threat.security, LIMITS.text),
    dataScience: clip(threat.dataScience, LIMITS.text),
    area: threat.area,
    phases: [...threat.phases],
    owner: threat.owner,
    tags: threat.tags.slice(0, LIMITS.tags),
    controls: threat.controls.map(controlKey).slice(0, LIMITS.controls),
    status: 'included',
    dismissReason: '',
    ratings: noRatings(),
    notes: '',
  };
}

const sameList = (x: readonly string[], y: readonly string[]) =>
  x.length === y.length && x.every((v, i) => v === y[i]);

/**
 * Whether the teams did anything to a risk: wrote or added it, dismissed it, rated it in any
 * slot, wrote notes, or edited what was copied from the threat. A risk whose threat has left the
 * library is judged on the first five only.
 */
function touched(risk: Risk, threat: LibraryThreat | undefined): boolean {
  if (risk.threatId === null || risk.addedByHand || risk.status === 'dismissed' || risk.notes) return true;
  if (RATING_SLOTS.some((s) => risk.ratings[s].likelihood !== null || risk.ratings[s].impact !== null))
    return true;
  if (!threat) return false;
  const copy = riskFrom(threat);
  return (
    (['title', 'description', 'security', 'dataScience', 'owner', 'area'] as const).some(
      (key) => risk[key] !== copy[key],
    ) ||
    !sameList(risk.phases, copy.phases) ||
    !sameList(risk.tags, copy.tags) ||
    !sameList(risk.controls, copy.controls)
  );
}

/** Library order; risks whose threat left the library next, as they were; the teams' own last. */
function ordered(risks: Risk[], threats: readonly LibraryThreat[]): Risk[] {
  const index = new Map(threats.map((t, i) => [t.id, i]));
  const rank = (r: Risk) =>
    r.threatId === null ? threats.length + 1 : (index.get(r.threatId) ?? threats.length);
  return [...risks].sort((x, y) => rank(x) - rank(y));
}

/**
 * Reconciles the risks with what the profile selects now: newly selected threats come in as
 * included and unrated; risks the teams touched stay even when no longer selected; untouched
 * library risks the profile no longer selects go. Returns `a` itself when nothing changes.
 */
export function reviewThreats(a: Assessment, threats: readonly LibraryThreat[], now: string): Assessment {
  const selected = new Set(selectThreats(threats, a.profile).map((t) => t.id));
  const byId = new Map(threats.map((t) => [t.id, t]));
  const kept = a.risks.filter(
    (r) => r.threatId === null || selected.has(r.threatId) || touched(r, byId.get(r.threatId)),
  );
  const present = new Set(kept.map((r) => r.threatId));
  const added = threats.filter((t) => selected.has(t.id) && !present.has(t.id)).map(riskFrom);
  const risks = ordered([...kept, ...added], threats);
  const unchanged = risks.length === a.risks.length && risks.every((r, i) => r === a.risks[i]);
  return unchanged ? a : { ...a, risks, updatedAt: now };
}

/** Adds a library threat the profile did not select, before the teams' own risks; no-op if present. */
export function addThreat(a: Assessment, threat: LibraryThreat, now: string): Assessment {
  if (a.risks.some((r) => r.threatId === threat.id)) return a;
  const risk: Risk = { ...riskFrom(threat), addedByHand: true };
  const own = a.risks.findIndex((r) => r.threatId === null);
  const at = own === -1 ? a.risks.length : own;
  return { ...a, risks: [...a.risks.slice(0, at), risk, ...a.risks.slice(at)], updatedAt: now };
}

// ---- The teams' own risks -----------------------------------------------------------------

const CUSTOM_ID = /^custom-(\d+)$/;

export function addCustomRisk(
  a: Assessment,
  input: {
    title: string;
    description: string;
    owner: Owner;
    phases: readonly Phase[];
    tags?: readonly string[];
  },
  now: string,
): Assessment {
  const title = clip(input.title.trim(), LIMITS.title);
  if (!title) throw new Error('Give the risk a title');
  if (a.risks.length >= LIMITS.risks) throw new Error(`An assessment holds at most ${LIMITS.risks} risks`);
  const n = 1 + Math.max(0, ...a.risks.map((r) => Number(CUSTOM_ID.exec(r.id)?.[1] ?? 0)));
  const risk: Risk = {
    id: `custom-${n}`,
    threatId: null,
    title,
    description: clip(input.description.trim(), LIMITS.text),
    security: '',
    dataScience: '',
    area: null,
    phases: phasesOf(input.phases),
    owner: ownerOf(input.owner),
    tags: tagsOf(input.tags ?? []),
    controls: [],
    status: 'included',
    dismissReason: '',
    ratings: noRatings(),
    notes: '',
  };
  return { ...a, risks: [...a.risks, risk], updatedAt: now };
}

/** Removes one of the teams' own risks; a library threat is dismissed instead, with a reason. */
export function removeRisk(a: Assessment, id: string, now: string): Assessment {
  const risk = find(a, id);
  if (risk.threatId !== null)
    throw new Error(`Risk ${id} comes from the threat library; dismiss it with a reason instead`);
  return { ...a, risks: a.risks.filter((r) => r !== risk), updatedAt: now };
}

// ---- Editing one risk ---------------------------------------------------------------------

function find(a: Assessment, id: string): Risk {
  const risk = a.risks.find((r) => r.id === id);
  if (!risk) throw new Error(`No risk ${id} in this assessment`);
  return risk;
}

function change(a: Assessment, id: string, now: string, edit: (risk: Risk) => Risk): Assessment {
  const risk = find(a, id);
  return { ...a, risks: a.risks.map((r) => (r === risk ? edit(r) : r)), updatedAt: now };
}

function ownerOf(owner: Owner): Owner {
  if (!OWNERS.includes(owner)) throw new Error(`Owner must be one of ${OWNERS.join(', ')}`);
  return owner;
}

function phasesOf(phases: readonly Phase[]): Phase[] {
  const bad = phases.find((p) => !PHASES.includes(p));
  if (bad !== undefined) throw new Error(`No phase ${bad}; use ${PHASES.join(', ')}`);
  return [...new Set(phases)];
}

function tagsOf(tags: readonly string[]): string[] {
  const clean = [...new Set(tags.map((t) => t.trim()).filter(Boolean))];
  if (clean.some((t) => t.length > LIMITS.tag)) throw new Error(`A tag has at most ${LIMITS.tag} characters`);
  return clean.slice(0, LIMITS.tags);
}

function controlsOf(controls: readonly string[]): string[] {
  const bad = controls.find((key) => !CONTROL_KEY.test(key));
  if (bad !== undefined) throw new Error(`Not a control key: ${bad}`);
  return [...new Set(controls)].slice(0, LIMITS.controls);
}

export function setStatus(
  a: Assessment,
  riskId: string,
  status: Risk['status'],
  reason: string,
  now: string,
): Assessment {
  if (status !== 'included' && status !== 'dismissed') throw new Error(`No status ${String(status)}`);
  const why = clip(reason.trim(), LIMITS.reason);
  if (status === 'dismissed' && !why) throw new Error('Say why the risk is dismissed');
  return change(a, riskId, now, (r) => ({ ...r, status, dismissReason: status === 'dismissed' ? why : '' }));
}

/** Sets one dimension of one slot; `value` is a whole number from 1 to 5, or null to clear it. */
export function rate(
  a: Assessment,
  riskId: string,
  slot: RatingSlot,
  field: 'likelihood' | 'impact',
  value: number | null,
  now: string,
): Assessment {
  if (!RATING_SLOTS.includes(slot)) throw new Error(`No rating slot ${String(slot)}`);
  if (field !== 'likelihood' && field !== 'impact') throw new Error(`No rating field ${String(field)}`);
  if (value !== null && !(Number.isInteger(value) && value >= 1 && value <= 5))
    throw new Error(`A ${field} is a whole number from 1 to 5 (got ${String(value)})`);
  return change(a, riskId, now, (r) => ({
    ...r,
    ratings: { ...r.ratings, [slot]: { ...r.ratings[slot], [field]: value } },
  }));
}

type Editable = Pick<
  Risk,
  'title' | 'description' | 'security' | 'dataScience' | 'owner' | 'phases' | 'tags' | 'controls' | 'notes'
>;

export function updateRisk(a: Assessment, riskId: string, patch: Partial<Editable>, now: string): Assessment {
  return change(a, riskId, now, (r) => {
    const next: Risk = { ...r };
    if (patch.title !== undefined) next.title = clip(patch.title, LIMITS.title);
    if (patch.description !== undefined) next.description = clip(patch.description, LIMITS.text);
    if (patch.security !== undefined) next.security = clip(patch.security, LIMITS.text);
    if (patch.dataScience !== undefined) next.dataScience = clip(patch.dataScience, LIMITS.text);
    if (patch.notes !== undefined) next.notes = clip(patch.notes, LIMITS.text);
    if (patch.owner !== undefined) next.owner = ownerOf(patch.owner);
    if (patch.phases !== undefined) next.phases = phasesOf(patch.phases);
    if (patch.tags !== undefined) next.tags = tagsOf(patch.tags);
    if (patch.controls !== undefined) next.controls = controlsOf(patch.controls);
    return next;
  });
}

// ---- Agreeing and the register ------------------------------------------------------------

/**
 * What the agreed rating starts from: for each dimension the higher of the teams' scores among
 * the teams that set it (so equal ratings give that rating), null where neither team did.
 */
export function suggestAgreed(risk: Risk): Rating {
  const higher = (field: keyof Rating) => {
    const set = [risk.ratings.security[field], risk.ratings.dataScience[field]].filter((v) => v !== null);
    return set.length ? Math.max(...set) : null;
  };
  return { likelihood: higher('likelihood'), impact: higher('impact') };
}

export function agreeOnSuggestion(a: Assessment, riskId: string, now: string): Assessment {
  return change(a, riskId, now, (r) => ({ ...r, ratings: { ...r.ratings, agreed: suggestAgreed(r) } }));
}

/**
 * Whether the teams should talk before agreeing. The module's Step 3 says to when "the teams
 * disagree by more than one point": read as both teams having rated both dimensions, and their
 * likelihoods or their impacts (each taken alone, not the product) being 2 or more apart.
 */
export function needsDiscussion(risk: Risk): boolean {
  const { security: s, dataScience: d } = risk.ratings;
  if (!complete(s) || !complete(d)) return false;
  return Math.abs(s.likelihood! - d.likelihood!) >= 2 || Math.abs(s.impact! - d.impact!) >= 2;
}

/** Included risks with a complete agreed rating, highest score first, then by title. */
export function register(a: Assessment): AcceptedRisk[] {
  return a.risks
    .filter((r) => r.status === 'included' && complete(r.ratings.agreed))
    .map((r) => ({
      ...r,
      score: scoreOf(r.ratings.agreed)!,
      band: bandOf(r.ratings.agreed)!,
      discuss: needsDiscussion(r),
    }))
    .sort((x, y) => y.score - x.score || x.title.localeCompare(y.title, 'en') || (x.id < y.id ? -1 : 1));
}

/** Included risks still without a complete agreed rating, in assessment order. */
export function awaitingRating(a: Assessment): Risk[] {
  return a.risks.filter((r) => r.status === 'included' && !complete(r.ratings.agreed));
}

/** The threat's default likelihood and impact, which the page offers as a starting point. */
export function defaultsFor(threat: LibraryThreat): Rating {
  return { likelihood: threat.likelihood, impact: threat.impact };
}
