/**
 * The joint sync meeting's agenda: what changed on the board since the last meeting, each risk
 * once, in its most pressing section, with time boxes and a cap. Pure; the build and the
 * browser call the same function on the same data, so every copy of the agenda agrees.
 */
import type { ItemChange } from '../../schemas/board-item.ts';
import type { Owner } from '../../schemas/owner.ts';
import { ownerLabel } from '../format.ts';
import { SEVERITIES, type Severity } from '../vocabulary.ts';
import { isStale } from './model.ts';

const DAY_MS = 86_400_000;

/** A board item as the agenda needs it: open (`closedAt` null) or closed within the retention window. */
export interface AgendaItem {
  /** `owner/name#number`. */
  key: string;
  title: string;
  /** The issue on GitHub. */
  url: string;
  owner: Owner | null;
  severity: Severity;
  assignees: readonly string[];
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  closedBy: string | null;
  changes: readonly ItemChange[];
}

/** A module, practice or checklist as the agenda needs it. */
export interface GuidancePage {
  type: 'module' | 'practice' | 'checklist';
  title: string;
  /** Site-relative URL. */
  url: string;
  owner: Owner;
  /** ISO date (YYYY-MM-DD) of the last review. */
  lastReviewed: string;
}

export interface AgendaInput {
  /** Open items. */
  items: readonly AgendaItem[];
  /** Items closed within the retention window. */
  closed: readonly AgendaItem[];
  guidance: readonly GuidancePage[];
  /** When the board data was taken: ages and "stale" count from here, never from today. */
  asOf: Date;
  /** The last meeting: the agenda covers what happened from this day on. */
  since: Date;
  staleAfterDays: number;
  /** Days the sync keeps closed items and changes; earlier changes are not known. */
  retentionDays: number;
  /** Most risks the whole agenda lists; the rest are counted with a link to the board. */
  cap?: number;
}

export type RiskSectionId = 'resolved' | 'changed' | 'new' | 'decisions' | 'stale';

/** One risk on the agenda and why it is there ("Severity raised: medium → high on 2026-11-12"). */
export interface AgendaRisk {
  item: AgendaItem;
  reasons: string[];
}

export interface RiskSection {
  kind: 'risks';
  id: RiskSectionId;
  /** Every risk that belongs here; `risks` holds the ones within the cap. */
  total: number;
  risks: AgendaRisk[];
  /** Suggested minutes; 0 when there is nothing to discuss. */
  minutes: number;
}

export interface GuidanceSection {
  kind: 'guidance';
  id: 'guidance';
  total: number;
  pages: GuidancePage[];
  minutes: number;
}

export type AgendaSection = RiskSection | GuidanceSection;

export interface Agenda {
  /** YYYY-MM-DD of the last meeting. */
  since: string;
  /** YYYY-MM-DD of the board data. */
  asOf: string;
  /** First day changes are known for (asOf − retention); a `since` before it misses older changes. */
  knownFrom: string;
  staleAfterDays: number;
  /** Every stale open risk, as the board counts them, wherever the agenda lists it. */
  staleTotal: number;
  /** In meeting order: resolved, changed, new, decisions, stale, guidance. */
  sections: AgendaSection[];
  /** One line per risk to discuss (all listed risks but the resolved ones), for "Decisions and actions". */
  discussed: AgendaItem[];
  minutes: number;
  cap: number;
}

/** Default cap: a one-hour meeting cannot discuss more. */
export const AGENDA_CAP = 40;

/** The order sections appear in, and the order a risk is placed in: the first that fits wins. */
const SHOWN: readonly RiskSectionId[] = ['resolved', 'changed', 'new', 'decisions', 'stale'];
const PRESSING: readonly RiskSectionId[] = ['decisions', 'changed', 'new', 'resolved', 'stale'];
/** Share of the cap each section gets first (out of 40); unused shares go to the others. */
const SHARE: Record<RiskSectionId, number> = { decisions: 10, changed: 10, new: 8, resolved: 6, stale: 6 };
/** Minutes per risk and the most a section takes. */
const PACE: Record<RiskSectionId, { per: number; max: number }> = {
  resolved: { per: 0.5, max: 5 },
  changed: { per: 2, max: 15 },
  new: { per: 2, max: 12 },
  decisions: { per: 3, max: 20 },
  stale: { per: 1, max: 8 },
};
const GUIDANCE_SHOWN = 8;
const GUIDANCE_MINUTES = 5;

const day = (date: Date) => date.toISOString().slice(0, 10);
const dayOf = (iso: string) => iso.slice(0, 10);

/** YYYY-MM-DD as a date at 00:00 UTC, or null when it is not a real calendar day. */
export function parseDay(text: string | null | undefined): Date | null {
  if (!text || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const date = new Date(`${text}T00:00:00Z`);
  return Number.isNaN(date.getTime()) || day(date) !== text ? null : date;
}

/** The default last meeting: one cadence before the snapshot, at the start of that day. */
export function defaultSince(asOf: Date, cadenceDays: number): Date {
  return parseDay(day(new Date(asOf.getTime() - cadenceDays * DAY_MS)))!;
}

export function buildAgenda(input: AgendaInput): Agenda {
  const { asOf, staleAfterDays } = input;
  const cap = input.cap ?? AGENDA_CAP;
  const from = input.since.getTime();
  const candidates: Record<RiskSectionId, AgendaRisk[]> = {
    resolved: [],
    changed: [],
    new: [],
    decisions: [],
    stale: [],
  };
  for (const item of input.closed) {
    if (item.closedAt && Date.parse(item.closedAt) >= from) candidates.resolved.push(resolved(item));
  }
  for (const item of input.items) {
    const placed = place(item, from, asOf, staleAfterDays);
    if (placed) candidates[placed.section].push({ item, reasons: placed.reasons });
  }
  const order = {
    resolved: (a: AgendaRisk, b: AgendaRisk) => bySeverity(a, b) || later(a.item.closedAt, b.item.closedAt),
    changed: (a: AgendaRisk, b: AgendaRisk) => bySeverity(a, b) || later(lastChange(a), lastChange(b)),
    new: (a: AgendaRisk, b: AgendaRisk) => bySeverity(a, b) || later(a.item.createdAt, b.item.createdAt),
    decisions: (a: AgendaRisk, b: AgendaRisk) =>
      bySeverity(a, b) || earlier(a.item.createdAt, b.item.createdAt),
    stale: (a: AgendaRisk, b: AgendaRisk) => bySeverity(a, b) || earlier(a.item.updatedAt, b.item.updatedAt),
  };
  const quotas = allocate(
    cap,
    SHOWN.map((id) => [id, candidates[id].length] as const),
  );
  const riskSections: RiskSection[] = SHOWN.map((id) => {
    const all = candidates[id].sort(order[id]);
    const risks = all.slice(0, quotas[id]);
    const minutes =
      risks.length === 0 ? 0 : Math.min(PACE[id].max, Math.max(2, Math.ceil(risks.length * PACE[id].per)));
    return { kind: 'risks', id, total: all.length, risks, minutes };
  });
  const sinceDay = day(input.since);
  const updated = input.guidance
    .filter((g) => g.lastReviewed >= sinceDay)
    .sort((a, b) => b.lastReviewed.localeCompare(a.lastReviewed) || a.title.localeCompare(b.title));
  const guidance: GuidanceSection = {
    kind: 'guidance',
    id: 'guidance',
    total: updated.length,
    pages: updated.slice(0, GUIDANCE_SHOWN),
    minutes: updated.length ? GUIDANCE_MINUTES : 0,
  };
  const sections: AgendaSection[] = [...riskSections, guidance];
  return {
    since: sinceDay,
    asOf: day(asOf),
    knownFrom: day(new Date(asOf.getTime() - input.retentionDays * DAY_MS)),
    staleAfterDays,
    staleTotal: input.items.filter((item) => isStale(item, asOf, staleAfterDays)).length,
    sections,
    discussed: riskSections.filter((s) => s.id !== 'resolved').flatMap((s) => s.risks.map((r) => r.item)),
    minutes: sections.reduce((sum, s) => sum + s.minutes, 0),
    cap,
  };
}

/** The most pressing section an open item belongs to, with the reasons; null when none. */
function place(
  item: AgendaItem,
  from: number,
  asOf: Date,
  staleAfterDays: number,
): { section: RiskSectionId; reasons: string[] } | null {
  const changes = changeLines(item.changes.filter((c) => Date.parse(c.at) >= from));
  const opened = item.changes.find((c) => c.kind === 'opened' && Date.parse(c.at) >= from);
  const isNew = Date.parse(item.createdAt) >= from || opened !== undefined;
  const newLine = !isNew
    ? []
    : Date.parse(item.createdAt) >= from
      ? [`New: opened ${dayOf(item.createdAt)}`]
      : [`New on the board: added ${dayOf(opened!.at)}, opened ${dayOf(item.createdAt)}`];
  const decisions = [
    ...(item.owner === null ? ['Needs an owner team'] : []),
    ...(item.severity === 'critical' && item.assignees.length === 0 ? ['Critical with nobody assigned'] : []),
  ];
  if (decisions.length) return { section: 'decisions', reasons: [...decisions, ...changes, ...newLine] };
  if (changes.length) return { section: 'changed', reasons: [...changes, ...newLine] };
  if (isNew) return { section: 'new', reasons: newLine };
  if (isStale(item, asOf, staleAfterDays)) {
    const days = Math.floor((asOf.getTime() - Date.parse(item.updatedAt)) / DAY_MS);
    return { section: 'stale', reasons: [`No update for ${days} days, since ${dayOf(item.updatedAt)}`] };
  }
  return null;
}

function resolved(item: AgendaItem): AgendaRisk {
  const by = item.closedBy ? ` by ${item.closedBy}` : '';
  return { item, reasons: [`Closed ${dayOf(item.closedAt!)}${by}`] };
}

const ownerName = (value: string | null) => ownerLabel(value as Owner | null);
const phaseName = (value: string | null) => value || 'none';

/**
 * One line per kind of change in the window, from the first value to the last, each step shown
 * ("Severity raised: medium → high on 2026-11-12"); a change undone within the window still shows.
 */
function changeLines(changes: readonly ItemChange[]): string[] {
  const lines: string[] = [];
  const reopened = changes.filter((c) => c.kind === 'reopened');
  if (reopened.length) lines.push(`Reopened ${dayOf(reopened.at(-1)!.at)}`);
  for (const kind of ['severity', 'owner', 'phase'] as const) {
    const steps = changes.filter((c) => c.kind === kind);
    if (steps.length === 0) continue;
    const name =
      kind === 'owner' ? ownerName : kind === 'phase' ? phaseName : (v: string | null) => v ?? 'unrated';
    const values = [steps[0]!.from, ...steps.map((s) => s.to)].map(name);
    const path = values.filter((v, i) => i === 0 || v !== values[i - 1]).join(' → ');
    const when = dayOf(steps.at(-1)!.at);
    if (kind === 'severity') {
      const [a, b] = [
        SEVERITIES.indexOf(steps[0]!.from as Severity),
        SEVERITIES.indexOf(steps.at(-1)!.to as Severity),
      ];
      const verb = a === b ? 'changed' : rank(b) > rank(a) ? 'raised' : 'lowered';
      lines.push(`Severity ${verb}: ${path} on ${when}`);
    } else {
      lines.push(`${kind === 'owner' ? 'Owner' : 'Phase'} changed: ${path} on ${when}`);
    }
  }
  return lines;
}

/** How pressing a severity is: higher is worse; unrated counts below low. */
const rank = (index: number) => (index < 0 ? -1 : SEVERITIES.length - 1 - index);

const bySeverity = (a: AgendaRisk, b: AgendaRisk) =>
  SEVERITIES.indexOf(a.item.severity) - SEVERITIES.indexOf(b.item.severity);
const later = (a: string | null, b: string | null) => (b ?? '').localeCompare(a ?? '');
const earlier = (a: string | null, b: string | null) => (a ?? '').localeCompare(b ?? '');
const lastChange = (r: AgendaRisk) => r.item.changes.at(-1)?.at ?? r.item.updatedAt;

/**
 * Splits the cap between sections: each first gets its share (scaled to the cap) or what it
 * has, whichever is less; what is left goes to the most pressing sections that have more.
 */
function allocate(cap: number, counts: ReadonlyArray<readonly [RiskSectionId, number]>) {
  const count = Object.fromEntries(counts) as Record<RiskSectionId, number>;
  const total = Object.values(SHARE).reduce((a, b) => a + b, 0);
  const quota = Object.fromEntries(
    SHOWN.map((id) => [id, Math.min(count[id], Math.floor((cap * SHARE[id]) / total))]),
  ) as Record<RiskSectionId, number>;
  let left = cap - Object.values(quota).reduce((a, b) => a + b, 0);
  for (const id of PRESSING) {
    const extra = Math.min(left, count[id] - quota[id]);
    quota[id] += extra;
    left -= extra;
  }
  return quota;
}
