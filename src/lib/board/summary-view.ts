/**
 * The board's summary as it is shown: totals (open, stale, need an owner) and the owner ×
 * severity heat map, each count linking to the board narrowed to it. One definition for the
 * served page (BoardSummary.astro) and for <board-view>, which redraws it for the active filters.
 */
import { SEVERITIES } from '../vocabulary.ts';
import type { ClientItem } from './data.ts';
import { isEmptyFilter, type BoardFilter } from './filters.ts';
import type { LaneKey } from './model.ts';
import { boardHref, type BoardQuery } from './query.ts';
import { boardTotals, heatLevel, summaryTable, type BoardTotals } from './summary.ts';

export interface SummaryContext {
  asOf: Date;
  staleAfterDays: number;
  /** The active query: links narrow it further and keep its sort. */
  query: BoardQuery;
}

export interface SummaryTotal {
  key: keyof BoardTotals;
  count: number;
  label: string;
  /** The board narrowed to these items; null for the open count, which is the board itself. */
  href: string | null;
}

export interface SummaryCell {
  /** `security:critical`, `security:total`, `all:critical`, `all:total`. */
  key: string;
  count: number;
  /** 0–4 for shading; 0 for totals and empty cells. */
  heat: number;
  href: string | null;
}

export interface SummaryView {
  caption: string;
  totals: SummaryTotal[];
  rows: Array<{ lane: LaneKey; label: string; cells: SummaryCell[] }>;
  footer: SummaryCell[];
}

export function summaryView(items: readonly ClientItem[], ctx: SummaryContext): SummaryView {
  const { filter, sort } = ctx.query;
  const narrowed = (more: BoardFilter) => boardHref({ filter: { ...filter, ...more }, sort });
  const table = summaryTable(items);
  const totals = boardTotals(items, ctx.asOf, ctx.staleAfterDays);
  const filtered = !isEmptyFilter(filter);
  return {
    caption: filtered
      ? 'Open risks matching the filters, by owning team and severity'
      : 'Open risks by owning team and severity',
    totals: [
      { key: 'open', count: totals.open, label: filtered ? 'match the filters' : 'open', href: null },
      { key: 'stale', count: totals.stale, label: 'stale', href: narrowed({ stale: true }) },
      {
        key: 'unowned',
        count: totals.unowned,
        label: totals.unowned === 1 ? 'needs an owner' : 'need an owner',
        href: narrowed({ owner: 'unowned' }),
      },
    ],
    rows: table.rows.map((row) => ({
      lane: row.lane,
      label: row.label,
      cells: [
        ...SEVERITIES.map((s) => ({
          key: `${row.lane}:${s}`,
          count: row.counts[s],
          heat: heatLevel(row.counts[s], table.max),
          href: row.counts[s] > 0 ? narrowed({ owner: row.lane, severity: s }) : null,
        })),
        { key: `${row.lane}:total`, count: row.total, heat: 0, href: null },
      ],
    })),
    footer: [
      ...SEVERITIES.map((s) => ({ key: `all:${s}`, count: table.totals[s], heat: 0, href: null })),
      { key: 'all:total', count: table.totals.all, heat: 0, href: null },
    ],
  };
}
