/**
 * What the agenda shows, as plain data: headings, lines, links and time boxes. The page
 * component, the browser's redraw, the Markdown copy and the print pack all render this one
 * view, so they cannot disagree. Pure.
 */
import { duration, ownerLabel } from '../format.ts';
import type { Agenda, AgendaItem, AgendaSection, RiskSectionId } from './agenda.ts';

export interface AgendaLinks {
  /** Site-relative page of an open item. */
  item: (key: string) => string;
  /** Site-relative board URL for a query string (no leading `?`), e.g. `stale=1`. */
  board: (query: string) => string;
  /** Where the closed items since a day can be listed in full (a GitHub search); null when unknown. */
  closedSince: (since: string) => string | null;
}

export interface AgendaLine {
  /** `owner/name#number`; '' for guidance. */
  key: string;
  title: string;
  /** The line's link on the page: an open item's board page, else its GitHub issue or guidance page. */
  href: string;
  /** The GitHub issue, which the Markdown links to; the page URL for guidance. */
  issueUrl: string;
  /** Severity, owner and key, or the guidance type, owner and review date. */
  meta: string;
  /** Why it is on the agenda: each change with its from → to and date. */
  reasons: string[];
}

export interface AgendaSectionView {
  id: string;
  number: number;
  title: string;
  /** One sentence on what the section covers. */
  intro: string;
  /** Suggested time box, e.g. "10 min", or "no discussion needed". */
  timebox: string;
  /** Everything that belongs in the section, listed or not. */
  count: number;
  lines: AgendaLine[];
  /** Shown when the section is empty. */
  empty: string;
  /** The ones beyond the cap, as one line. */
  more: { text: string; href: string | null } | null;
}

export interface AgendaView {
  title: string;
  /** "Changes since … on the board as of …". */
  summary: string;
  /** "About 45 min for 32 risks and 3 guidance pages." */
  plan: string;
  /** Warnings about the window (before the first recorded change, capped). */
  notes: string[];
  sections: AgendaSectionView[];
  /** "Decisions and actions": one row per risk discussed. */
  actions: Array<{ key: string; title: string; href: string; issueUrl: string }>;
}

const TITLES: Record<RiskSectionId | 'guidance', string> = {
  resolved: 'Resolved since the last meeting',
  changed: 'Changed since the last meeting',
  new: 'New since the last meeting',
  decisions: 'Decisions needed',
  stale: 'Stale risks',
  guidance: 'Guidance updated',
};

const EMPTY: Record<RiskSectionId | 'guidance', string> = {
  resolved: 'Nothing was closed.',
  changed: 'No severity, owner or phase changed and nothing was reopened.',
  new: 'No new risks.',
  decisions: 'Every risk has an owner team and every critical risk has an assignee.',
  stale: 'Every open risk was updated recently.',
  guidance: 'No module, practice or checklist was reviewed.',
};

export function agendaView(agenda: Agenda, links: AgendaLinks): AgendaView {
  const intro: Record<RiskSectionId | 'guidance', string> = {
    resolved: `Closed on GitHub since ${agenda.since}: confirm they are really done.`,
    changed: `Severity raised or lowered, owner moved, phase changed or reopened since ${agenda.since}.`,
    new: `Opened or added to the board since ${agenda.since}: agree severity and owner.`,
    decisions: 'Risks that need an owner team, and critical risks with nobody assigned: decide now.',
    stale: `Open, with no update on GitHub for more than ${agenda.staleAfterDays} days before the board's snapshot of ${agenda.asOf}${staleElsewhere(agenda)}.`,
    guidance: `Modules, practices and checklists reviewed or added since ${agenda.since}.`,
  };
  const line = (item: AgendaItem, reasons: string[]): AgendaLine => ({
    key: item.key,
    title: item.title || `(untitled ${item.key})`,
    href: item.closedAt ? item.url : links.item(item.key),
    issueUrl: item.url,
    meta: `${item.severity} · ${ownerLabel(item.owner)} · ${item.key}`,
    reasons,
  });
  const sections = agenda.sections.map((section, i): AgendaSectionView => {
    const base = {
      id: section.id,
      number: i + 1,
      title: TITLES[section.id],
      intro: intro[section.id],
      timebox: section.minutes ? duration(section.minutes) : 'no discussion needed',
      count: section.total,
      empty: EMPTY[section.id],
    };
    if (section.kind === 'guidance') {
      return {
        ...base,
        lines: section.pages.map((g) => ({
          key: '',
          title: g.title,
          href: g.url,
          issueUrl: g.url,
          meta: `${g.type} · ${ownerLabel(g.owner)} · reviewed ${g.lastReviewed}`,
          reasons: [],
        })),
        more: overflow(section, 'more pages were reviewed; see the practices and learning pages', null),
      };
    }
    return {
      ...base,
      lines: section.risks.map((r) => line(r.item, r.reasons)),
      more: overflow(section, ...moreLink(section.id, agenda, links)),
    };
  });
  const risks = agenda.sections.reduce((n, s) => n + (s.kind === 'risks' ? s.risks.length : 0), 0);
  const pages = agenda.sections.find((s) => s.kind === 'guidance')?.total ?? 0;
  const notes: string[] = [];
  if (agenda.since < agenda.knownFrom)
    notes.push(
      `The sync keeps changes for the last ${daysBetween(agenda.knownFrom, agenda.asOf)} days: nothing resolved or changed before ${agenda.knownFrom} is known.`,
    );
  const listed = agenda.sections.reduce((n, s) => n + (s.kind === 'risks' ? s.total : 0), 0);
  if (listed > risks)
    notes.push(
      `${listed} risks qualify; the ${risks} most pressing are listed and the rest are linked at the end of their section.`,
    );
  return {
    title: 'Security × data-science sync: agenda',
    summary: `Changes since the last meeting on ${agenda.since}, from the board as of ${agenda.asOf}.`,
    plan: `About ${duration(agenda.minutes)} for ${count(risks, 'risk')} and ${count(pages, 'guidance update')}.`,
    notes,
    sections,
    actions: agenda.discussed.map((item) => {
      const { key, title, href, issueUrl } = line(item, []);
      return { key, title, href, issueUrl };
    }),
  };
}

function overflow(section: AgendaSection, text: string, href: string | null) {
  const shown = section.kind === 'guidance' ? section.pages.length : section.risks.length;
  const rest = section.total - shown;
  return rest > 0 ? { text: `and ${rest} ${text}`, href } : null;
}

function moreLink(id: RiskSectionId, agenda: Agenda, links: AgendaLinks): [string, string | null] {
  switch (id) {
    case 'resolved':
      return ['more closed; list them on GitHub', links.closedSince(agenda.since)];
    case 'changed':
      return ['more changed; see the board by last update', links.board('sort=updated')];
    case 'new':
      return ['more new; see them on the board', links.board(`opened=${agenda.since}`)];
    case 'decisions':
      return ['more need a decision; see the risks that need an owner', links.board('owner=unowned')];
    case 'stale':
      return ['more stale; see every stale risk', links.board('stale=1')];
  }
}

/** The board counts every stale risk; say where the ones placed in a more pressing section went. */
function staleElsewhere(agenda: Agenda): string {
  const here = agenda.sections.find((s) => s.id === 'stale')?.total ?? 0;
  const elsewhere = agenda.staleTotal - here;
  return elsewhere > 0
    ? ` (the board's ${agenda.staleTotal} stale risks; ${elsewhere} of them ${elsewhere === 1 ? 'is' : 'are'} in an earlier section)`
    : '';
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
