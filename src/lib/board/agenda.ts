/** The next sync meeting's agenda, computed from the board snapshot and the guidance. Pure. */
import type { BoardItem } from '../../schemas/board-item.ts';
import type { Owner } from '../../schemas/owner.ts';
import { compareItems, isStale } from './model.ts';

const DAY_MS = 86_400_000;

/** A module, practice or checklist as the agenda needs it. */
export interface GuidancePage {
  type: 'module' | 'practice' | 'checklist';
  title: string;
  url: string;
  owner: Owner;
  /** ISO date (YYYY-MM-DD) of the last review. */
  lastReviewed: string;
}

export interface AgendaInput {
  items: readonly BoardItem[];
  guidance: readonly GuidancePage[];
  now: Date;
  /** Start of the window: the last meeting. */
  since: Date;
  staleAfterDays: number;
  reviewIntervalDays: number;
}

export type AgendaSection =
  | {
      id: 'new' | 'critical-high' | 'unowned' | 'stale' | 'shared';
      kind: 'risks';
      title: string;
      items: BoardItem[];
    }
  | { id: 'guidance-updated' | 'reviews-overdue'; kind: 'guidance'; title: string; items: GuidancePage[] };

/** The default window starts one cadence before the snapshot. */
export function defaultSince(now: Date, cadenceDays: number): Date {
  return new Date(now.getTime() - cadenceDays * DAY_MS);
}

export function buildAgenda(input: AgendaInput): AgendaSection[] {
  const { now, since, staleAfterDays, reviewIntervalDays } = input;
  const items = [...input.items].sort(compareItems);
  const guidance = [...input.guidance].sort(
    (a, b) => b.lastReviewed.localeCompare(a.lastReviewed) || a.title.localeCompare(b.title),
  );
  const sinceDay = since.toISOString().slice(0, 10);
  const overdueBefore = new Date(now.getTime() - reviewIntervalDays * DAY_MS).toISOString().slice(0, 10);
  return [
    {
      id: 'new',
      kind: 'risks',
      title: 'New risks since the last meeting',
      items: items.filter((i) => Date.parse(i.createdAt) >= since.getTime()),
    },
    {
      id: 'critical-high',
      kind: 'risks',
      title: 'Critical and high open risks',
      items: items.filter((i) => i.severity === 'critical' || i.severity === 'high'),
    },
    {
      id: 'unowned',
      kind: 'risks',
      title: 'Risks that need an owner',
      items: items.filter((i) => i.owner === null),
    },
    {
      id: 'stale',
      kind: 'risks',
      title: `Stale risks (no update for ${staleAfterDays} days)`,
      items: items.filter((i) => isStale(i, now, staleAfterDays)),
    },
    {
      id: 'shared',
      kind: 'risks',
      title: 'Shared items that need both teams',
      items: items.filter((i) => i.owner === 'shared'),
    },
    {
      id: 'guidance-updated',
      kind: 'guidance',
      title: 'Guidance reviewed or added since the last meeting',
      items: guidance.filter((g) => g.lastReviewed >= sinceDay),
    },
    {
      id: 'reviews-overdue',
      kind: 'guidance',
      title: `Guidance reviews overdue (older than ${reviewIntervalDays} days)`,
      items: guidance.filter((g) => g.lastReviewed < overdueBefore).reverse(),
    },
  ];
}
