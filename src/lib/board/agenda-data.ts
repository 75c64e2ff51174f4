/**
 * Everything the sync page, agenda.md and agenda.json compute from, in one place so they agree.
 * The browser recomputes the agenda for another date from agenda.json with the same functions.
 */
import type { BoardItem } from '../../schemas/board-item.ts';
import type { Snapshot } from '../../schemas/snapshot.ts';
import { buildAgenda, defaultSince, type AgendaItem, type GuidancePage } from './agenda.ts';
import { agendaLinks, type AgendaSources } from './agenda-links.ts';
import { agendaView } from './agenda-view.ts';
import { boardAsOf } from './model.ts';

/** What the browser needs to recompute the agenda for any date (served as /sync/agenda.json). */
export interface AgendaData {
  /** The snapshot's date-time; ages and "stale" count from here. */
  asOf: string;
  /** YYYY-MM-DD of the default last meeting, one cadence before the snapshot. */
  defaultSince: string;
  cadenceDays: number;
  staleAfterDays: number;
  retentionDays: number;
  sample: boolean;
  sources: AgendaSources;
  items: AgendaItem[];
  closed: AgendaItem[];
  guidance: GuidancePage[];
}

/** The fields of a board item the agenda uses. */
export function agendaItem(item: BoardItem): AgendaItem {
  const { key, title, url, owner, severity, assignees, createdAt, updatedAt, closedAt, closedBy, changes } =
    item;
  return { key, title, url, owner, severity, assignees, createdAt, updatedAt, closedAt, closedBy, changes };
}

/** The agenda's data from a snapshot and the guidance pages. */
export function agendaData(snapshot: Snapshot, guidance: readonly GuidancePage[], now: Date): AgendaData {
  const asOf = boardAsOf(snapshot, () => now);
  const repos = snapshot.sources.filter((s) => s.skipped === null).map((s) => s.repo);
  const orgs = snapshot.orgs.map((o) => o.org);
  const labels = [...new Set([...snapshot.sources, ...snapshot.orgs].flatMap((s) => s.labels))];
  return {
    asOf: asOf.toISOString(),
    defaultSince: defaultSince(asOf, snapshot.settings.cadenceDays).toISOString().slice(0, 10),
    cadenceDays: snapshot.settings.cadenceDays,
    staleAfterDays: snapshot.settings.staleAfterDays,
    retentionDays: snapshot.settings.retentionDays,
    sample: snapshot.sample,
    sources: { webUrl: snapshot.webUrl, repos, orgs, labels: labels.length ? labels : ['risk', 'threat'] },
    items: snapshot.items.map(agendaItem),
    closed: snapshot.closed.map(agendaItem),
    guidance: guidance.map(({ type, title, url, owner, lastReviewed }) => ({
      type,
      title,
      url,
      owner,
      lastReviewed,
    })),
  };
}

/** The agenda and its view for a last-meeting date (YYYY-MM-DD); the default date when null. */
export function agendaFor(data: AgendaData, since: Date) {
  const agenda = buildAgenda({
    items: data.items,
    closed: data.closed,
    guidance: data.guidance,
    asOf: new Date(data.asOf),
    since,
    staleAfterDays: data.staleAfterDays,
    retentionDays: data.retentionDays,
  });
  return { agenda, view: agendaView(agenda, agendaLinks(data.sources)) };
}
