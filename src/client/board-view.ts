/**
 * <board-view>: filters and sorts the board in the browser. The state lives in the URL query
 * (?severity=high&owner=unowned&sort=age) so a view can be shared, and in the tab's session
 * (board-query-store.ts) so "Back to the board" returns to it. Without JavaScript the form still
 * submits and every item stays listed on the lane pages.
 *
 * Items are fetched from items.json only when a filter or sort is set. What is drawn comes from
 * the same view models the build renders with (laneViews, cardView, summaryView); cards are
 * clones of the card the page renders in a <template>. Ages and staleness count from the
 * snapshot's date in items.json, never from this browser's clock. Untrusted text is only ever
 * set through textContent.
 */
import { CARD_TEMPLATE, type CardView } from '../lib/board/card-view.ts';
import type { BoardData } from '../lib/board/data.ts';
import { isEmptyFilter, matchesFilter, searchableText } from '../lib/board/filters.ts';
import { laneViews, type LaneView } from '../lib/board/lane-view.ts';
import { isDefaultQuery, queryFromParams, queryToParams, type BoardQuery } from '../lib/board/query.ts';
import { sortLabel } from '../lib/board/sort.ts';
import { summaryView, type SummaryView } from '../lib/board/summary-view.ts';
import { rememberBoardQuery } from './board-query-store.ts';
import { el } from './dom.ts';

class BoardView extends HTMLElement {
  #data: Promise<BoardData> | undefined;
  #drawn = false;
  #form!: HTMLFormElement;
  #status!: HTMLElement;

  connectedCallback() {
    this.#form = this.querySelector('form')!;
    this.#status = this.querySelector('[data-board-status]')!;
    const query = queryFromParams(new URLSearchParams(location.search));
    this.#fill(query);
    rememberBoardQuery(query);
    if (!isDefaultQuery(query)) void this.#apply(query, false);
    let timer: ReturnType<typeof setTimeout> | undefined;
    this.#form.addEventListener('input', () => {
      clearTimeout(timer);
      timer = setTimeout(() => void this.#apply(this.#read(), true), 150);
    });
    this.#form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.#apply(this.#read(), true);
    });
    this.querySelector('[data-clear]')?.addEventListener('click', (e) => {
      e.preventDefault();
      this.#form.reset();
      void this.#apply(this.#read(), true);
    });
  }

  #read(): BoardQuery {
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(this.#form))
      if (typeof value === 'string' && value) params.set(key, value);
    return queryFromParams(params);
  }

  #fill(query: BoardQuery) {
    const params = queryToParams(query);
    params.set('sort', query.sort);
    for (const control of this.#form.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
      'select, input',
    )) {
      if (control instanceof HTMLInputElement && control.type === 'checkbox')
        control.checked = params.get(control.name) === control.value;
      else control.value = params.get(control.name) ?? '';
    }
  }

  async #apply(query: BoardQuery, push: boolean) {
    if (push) {
      const search = queryToParams(query).toString();
      history.replaceState(null, '', search ? `?${search}` : location.pathname);
      rememberBoardQuery(query);
    }
    const served = isDefaultQuery(query);
    if (served && !this.#drawn) {
      this.#status.textContent = 'Showing every lane.';
      return;
    }
    this.#status.textContent = 'Filtering…';
    let data: BoardData;
    try {
      this.#data ??= fetch(this.dataset['src']!).then((r) =>
        r.ok ? r.json() : Promise.reject(new Error(String(r.status))),
      );
      data = await this.#data;
    } catch {
      this.#data = undefined;
      this.#status.textContent = 'The board data could not be loaded; the lists below are unfiltered.';
      return;
    }
    const asOf = new Date(data.asOf);
    const { staleAfterDays } = data;
    const tagName = (tag: string) => data.tagNames[tag] ?? '';
    const filtered = !isEmptyFilter(query.filter);
    const matches = data.items.filter((item) =>
      matchesFilter(item, query.filter, { asOf, staleAfterDays, text: searchableText(item, tagName) }),
    );
    this.#drawSummary(summaryView(matches, { asOf, staleAfterDays, query }));
    this.#drawLanes(laneViews(matches, { asOf, staleAfterDays, tagName, filtered, sort: query.sort }));
    this.#drawn = !served;
    this.#status.textContent = filtered
      ? `${matches.length} of ${data.items.length} items match.`
      : served
        ? 'Showing every lane.'
        : `Showing every lane, sorted by ${sortLabel(query.sort).toLowerCase()}.`;
  }

  #drawSummary(view: SummaryView) {
    this.querySelector('[data-heatmap-caption]')!.textContent = view.caption;
    for (const total of view.totals) {
      const item = this.querySelector(`[data-total="${total.key}"]`)!;
      item.querySelector('strong')!.textContent = String(total.count);
      item.querySelector('[data-total-label]')!.textContent = total.label;
      if (total.href) item.querySelector('a')!.href = total.href;
    }
    for (const cell of [...view.rows.flatMap((r) => r.cells), ...view.footer]) {
      const td = this.querySelector<HTMLElement>(`[data-cell="${cell.key}"]`)!;
      td.dataset['heat'] = String(cell.heat);
      td.replaceChildren(cell.href ? el('a', { href: cell.href }, String(cell.count)) : String(cell.count));
    }
  }

  #drawLanes(lanes: LaneView[]) {
    const container = this.querySelector('[data-board-lanes]')!;
    const template = this.querySelector<HTMLTemplateElement>('template[data-card-template]')!;
    for (const lane of lanes) {
      const section = container.querySelector<HTMLElement>(`[data-lane="${lane.key}"]`)!;
      section.toggleAttribute('data-collapsed', lane.collapsed);
      section.querySelector('[data-lane-heading]')!.textContent = lane.heading;
      section.querySelector('[data-lane-note]')!.textContent = lane.note;
      const cards = section.querySelector<HTMLElement>('[data-lane-cards]')!;
      cards.hidden = lane.collapsed;
      cards.replaceChildren(...lane.cards.map((view) => drawCard(template, view)));
      const more = section.querySelector<HTMLElement>('[data-lane-more]')!;
      more.hidden = !lane.more;
      more.replaceChildren(
        !lane.more ? '' : lane.more.href ? el('a', { href: lane.more.href }, lane.more.text) : lane.more.text,
      );
      // Lanes with cards first, collapsed ones after: the order laneViews gives.
      container.append(section);
    }
  }
}

/** A clone of the page's template card, filled from the view; parts the item lacks are removed. */
function drawCard(template: HTMLTemplateElement, view: CardView): HTMLElement {
  const card = template.content.firstElementChild!.cloneNode(true) as HTMLElement;
  const part = <T extends HTMLElement = HTMLElement>(name: string) =>
    card.querySelector<T>(`[data-card-${name}]`)!;
  card.dataset['key'] = view.key;
  Object.assign(part<HTMLAnchorElement>('title'), { href: view.href, textContent: view.title });
  const severity = part('severity');
  severity.classList.replace(`severity-${CARD_TEMPLATE.severity}`, `severity-${view.severity}`);
  severity.textContent = view.severity;
  Object.assign(part<HTMLAnchorElement>('issue'), { href: view.issue.href, textContent: view.issue.text });
  if (view.phases) part('phases').textContent = view.phases;
  else part('phases').remove();
  if (!view.stale) part('stale').remove();
  part('ages').textContent = view.ages;
  const tags = part('tags');
  const proto = tags.firstElementChild!;
  tags.replaceChildren(
    ...view.tags.map((tag) => {
      const li = proto.cloneNode(true) as HTMLElement;
      li.classList.toggle('unknown-tag', tag.unknown);
      li.querySelector('[data-tag-id]')!.textContent = tag.id;
      li.querySelector('[data-tag-note]')!.textContent = tag.note;
      return li;
    }),
  );
  if (view.tags.length === 0) tags.remove();
  return card;
}

customElements.define('board-view', BoardView);
