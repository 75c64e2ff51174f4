/**
 * What each lane of the board shows, served and filtered alike: its heading, its first cards and
 * where the rest are. A lane with nothing to show collapses to one line ("Shared: no matching
 * items") and goes after the lanes that have cards, so filtering never leaves empty columns on top.
 */
import { cardView, type CardContext, type CardView } from './card-view.ts';
import type { ClientItem } from './data.ts';
import { groupIntoLanes, type LaneKey } from './model.ts';
import { laneHref } from './query.ts';
import { compareBy, type BoardSort } from './sort.ts';

/** Cards a lane shows on the served board; the rest are on its lane pages. */
export const FIRST_PER_LANE = 30;
/** Cards a lane shows when filtered in the browser; the note says how many more match. */
export const MAX_PER_LANE = 300;

export interface LaneContext extends CardContext {
  /** True when filters are set: counts say "matching", and the lane pages (unfiltered) are not offered. */
  filtered: boolean;
  sort: BoardSort;
}

export interface LaneView {
  key: LaneKey;
  /** `Security`, or `Shared:` when collapsed. */
  heading: string;
  /** `(25)`, `(3 matching)`, `no matching items`, `no open items`. */
  note: string;
  collapsed: boolean;
  cards: CardView[];
  /** Where the lane's other items are, when it has more than it shows. */
  more: { text: string; href: string | null } | null;
}

export function laneViews(items: readonly ClientItem[], ctx: LaneContext): LaneView[] {
  const limit = ctx.filtered ? MAX_PER_LANE : FIRST_PER_LANE;
  const lanes = groupIntoLanes(items, compareBy(ctx.sort)).map((lane): LaneView => {
    const count = lane.items.length;
    const more =
      count <= limit
        ? null
        : ctx.filtered
          ? {
              text: `Showing the first ${limit} of ${count}; narrow the filters to see the rest.`,
              href: null,
            }
          : { text: `All ${count} items in ${lane.label}`, href: laneHref(lane.key) };
    return {
      key: lane.key,
      heading: count ? lane.label : `${lane.label}:`,
      note: count
        ? `(${count}${ctx.filtered ? ' matching' : ''})`
        : ctx.filtered
          ? 'no matching items'
          : 'no open items',
      collapsed: count === 0,
      cards: lane.items.slice(0, limit).map((item) => cardView(item, ctx)),
      more,
    };
  });
  return [...lanes.filter((l) => !l.collapsed), ...lanes.filter((l) => l.collapsed)];
}
