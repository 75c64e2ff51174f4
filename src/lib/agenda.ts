/** The next sync meeting's agenda, computed from the board snapshot. Pure. */
import type { BoardItem } from '../schemas/board-item.ts';
import { compareItems, isStale } from './board.ts';

const DAY_MS = 86_400_000;

export interface AgendaInput {
  items: readonly BoardItem[];
  now: Date;
  /** Start of the window: the last meeting. */
  since: Date;
  staleAfterDays: number;
}

export interface AgendaSection {
  id: string;
  title: string;
  items: BoardItem[];
}

export function defaultSince(now: Date, cadenceDays: number): Date {
  return new Date(now.getTime() - cadenceDays * DAY_MS);
}

export function buildAgenda({ items, now, since, staleAfterDays }: AgendaInput): AgendaSection[] {
  const sorted = [...items].sort(compareItems);
  return [
    { id: 'new', title: 'New risks since the last meeting', items: sorted.filter((i) => Date.parse(i.createdAt) >= since.getTime()) },
    { id: 'critical-high', title: 'Critical and high open risks', items: sorted.filter((i) => i.severity === 'critical' || i.severity === 'high') },
    { id: 'unowned', title: 'Risks that need an owner', items: sorted.filter((i) => i.owner === null) },
    { id: 'stale', title: `Stale risks (no update for ${staleAfterDays} days)`, items: sorted.filter((i) => isStale(i, now, staleAfterDays)) },
    { id: 'shared', title: 'Shared items that need both teams', items: sorted.filter((i) => i.owner === 'shared') },
  ];
}
