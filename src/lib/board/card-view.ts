/**
 * What a board card says, as strings and links: the one definition behind BoardCard.astro at
 * build time and the cards <board-view> draws in the browser (it fills a clone of the card the
 * page renders in a <template>). No taxonomy import: tag names come from the context, so the
 * browser bundle stays small.
 */
import type { Severity } from '../vocabulary.ts';
import { path, routes } from '../paths.ts';
import type { ClientItem } from './data.ts';
import { ageInDays, isStale } from './model.ts';

export interface CardContext {
  /** The board's date (boardAsOf): ages and staleness count back from it. */
  asOf: Date;
  staleAfterDays: number;
  /** Name of a known taxonomy tag. */
  tagName: (tag: string) => string;
}

export interface CardTag {
  /** `AML.T0020` for a known tag, the whole label for an unknown one. */
  id: string;
  /** The tag's name, or `(unknown ID)`. */
  note: string;
  unknown: boolean;
}

export interface CardView {
  key: string;
  /** Untrusted: rendered as text only. */
  title: string;
  /** The item's page on this site. */
  href: string;
  severity: Severity;
  /** `owner/repo#12`, linking to the issue on GitHub. */
  issue: { text: string; href: string };
  /** `phase: training, deployment`; null when no phase is set. */
  phases: string | null;
  stale: boolean;
  /** `opened 40 days ago · updated 3 days ago · assigned to dana` */
  ages: string;
  tags: CardTag[];
}

const ago = (days: number) => (days === 0 ? 'today' : `${days} day${days === 1 ? '' : 's'} ago`);

export function cardView(item: ClientItem, ctx: CardContext): CardView {
  const ages = [
    `opened ${ago(ageInDays(item.createdAt, ctx.asOf))}`,
    `updated ${ago(ageInDays(item.updatedAt, ctx.asOf))}`,
    ...(item.assignees.length ? [`assigned to ${item.assignees.join(', ')}`] : []),
  ];
  return {
    key: item.key,
    title: item.title || '(no title)',
    href: routes.boardItem(item.key),
    severity: item.severity,
    issue: { text: `${item.repo}#${item.number}`, href: item.url },
    phases: item.phases.length ? `phase: ${item.phases.join(', ')}` : null,
    stale: isStale(item, ctx.asOf, ctx.staleAfterDays),
    ages: ages.join(' · '),
    tags: [
      ...item.tags.map((t) => ({ id: t.slice(t.indexOf(':') + 1), note: ctx.tagName(t), unknown: false })),
      ...item.unknownTags.map((t) => ({ id: t, note: '(unknown ID)', unknown: true })),
    ],
  };
}

/**
 * A card with every optional part present, for the page's <template>: the browser fills a clone
 * and removes the parts an item does not have.
 */
export const CARD_TEMPLATE: CardView = {
  key: '',
  title: 'Title',
  href: path('/board/'),
  severity: 'unrated',
  issue: { text: 'Issue on GitHub', href: 'https://github.com/' },
  phases: 'phase',
  stale: true,
  ages: 'opened, updated',
  tags: [{ id: 'ID', note: 'name', unknown: false }],
};
