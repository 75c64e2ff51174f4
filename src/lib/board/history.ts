/** An item's recorded history as the item page lists it: one dated line per change. Pure. */
import type { ItemChange } from '../../schemas/board-item.ts';
import { ownerSchema } from '../../schemas/owner.ts';
import { isoDate, ownerLabel } from '../format.ts';

export interface HistoryLine {
  /** The change's date-time, for `<time datetime>`. */
  at: string;
  /** `2026-11-12`. */
  date: string;
  /** "Severity medium → high", "Owner Data science → Shared", "Reopened". */
  text: string;
}

const EVENTS = { opened: 'Opened', closed: 'Closed', reopened: 'Reopened' } as const;

/** The owner team's name; null (and anything that is not a team) is "Needs an owner". */
const owner = (value: string | null) => ownerLabel(ownerSchema.safeParse(value).data ?? null);

const VALUE: Record<'severity' | 'owner' | 'phase', (value: string | null) => string> = {
  severity: (v) => v ?? 'unrated',
  owner,
  phase: (v) => v || 'none',
};
const NAME = { severity: 'Severity', owner: 'Owner', phase: 'Phase' } as const;

/** Oldest first, as the sync records them. */
export function historyLines(changes: readonly ItemChange[]): HistoryLine[] {
  return changes.map((c) => ({
    at: c.at,
    date: isoDate(new Date(c.at)),
    text:
      c.kind === 'opened' || c.kind === 'closed' || c.kind === 'reopened'
        ? EVENTS[c.kind]
        : `${NAME[c.kind]} ${VALUE[c.kind](c.from)} → ${VALUE[c.kind](c.to)}`,
  }));
}
