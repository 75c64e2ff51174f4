/**
 * <board-view>: filters the board in the browser. The filter state lives in the URL query
 * (?severity=high&owner=unowned…) so a view can be shared. Without JavaScript the form still
 * submits and every item stays listed on the lane pages. Items are fetched from items.json only
 * when a filter is set. Untrusted text is only ever set through textContent.
 */
import { ageInDays, compareItems, isStale, LANES } from '../lib/board/model.ts';
import type { BoardData, ClientItem } from '../lib/board/data.ts';
import {
  filterFromParams,
  filterToParams,
  isEmptyFilter,
  matchesFilter,
  searchableText,
  type BoardFilter,
} from '../lib/board/filters.ts';
import type { BoardItem } from '../schemas/board-item.ts';
import { el } from './dom.ts';

/** Cards drawn per lane for a filtered view; the count says how many more match. */
const MAX_PER_LANE = 300;

class BoardView extends HTMLElement {
  #data: Promise<BoardData> | undefined;
  #original = new Map<Element, Node[]>();
  #form!: HTMLFormElement;
  #status!: HTMLElement;

  connectedCallback() {
    this.#form = this.querySelector('form')!;
    this.#status = this.querySelector('[data-board-status]')!;
    for (const lane of this.querySelectorAll('[data-lane]')) this.#original.set(lane, [...lane.childNodes]);
    const filter = filterFromParams(new URLSearchParams(location.search));
    this.#fill(filter);
    if (!isEmptyFilter(filter)) void this.#apply(filter, false);
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
      void this.#apply({}, true);
    });
  }

  #read(): BoardFilter {
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(this.#form))
      if (typeof value === 'string' && value) params.set(key, value);
    return filterFromParams(params);
  }

  #fill(filter: BoardFilter) {
    const params = filterToParams(filter);
    for (const control of this.#form.querySelectorAll<HTMLInputElement | HTMLSelectElement>(
      'select, input',
    )) {
      if (control instanceof HTMLInputElement && control.type === 'checkbox')
        control.checked = params.get(control.name) === control.value;
      else control.value = params.get(control.name) ?? '';
    }
  }

  async #apply(filter: BoardFilter, push: boolean) {
    if (push) {
      const query = filterToParams(filter).toString();
      history.replaceState(null, '', query ? `?${query}` : location.pathname);
    }
    if (isEmptyFilter(filter)) {
      for (const [lane, nodes] of this.#original) lane.replaceChildren(...nodes);
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
    const now = new Date();
    const names = (tag: string) => data.tagNames[tag] ?? '';
    const matches = (data.items as BoardItem[]).filter((item) =>
      matchesFilter(item, filter, {
        now,
        staleAfterDays: data.staleAfterDays,
        text: searchableText(item, names),
      }),
    );
    for (const [laneEl] of this.#original) {
      const key = (laneEl as HTMLElement).dataset['lane'];
      const label = LANES.find((l) => l.key === key)!.label;
      const items = matches.filter((i) => (i.owner ?? 'unowned') === key).sort(compareItems);
      const heading = el(
        'h2',
        { id: `lane-${key}` },
        `${label} `,
        el('span', { className: 'muted' }, `(${items.length} matching)`),
      );
      const list = el(
        'ul',
        { className: 'cards' },
        ...items.slice(0, MAX_PER_LANE).map((i) => this.#card(i, data, now)),
      );
      const parts: Node[] = [
        heading,
        items.length ? list : el('p', { className: 'muted' }, 'No matching items.'),
      ];
      if (items.length > MAX_PER_LANE)
        parts.push(el('p', {}, `Showing the first ${MAX_PER_LANE}; narrow the filters to see the rest.`));
      laneEl.replaceChildren(...parts);
    }
    this.#status.textContent = `${matches.length} of ${data.items.length} items match.`;
  }

  #card(item: ClientItem, data: BoardData, now: Date): HTMLElement {
    const [owner, repo] = item.repo.split('/');
    const href = `${this.dataset['itemBase']}${owner}/${repo}/${item.number}/`;
    const meta = el(
      'p',
      { className: 'card-meta' },
      el('span', { className: `badge severity-${item.severity}` }, item.severity),
      el('a', { href: item.url }, `${item.repo}#${item.number}`),
    );
    if (item.phases.length) meta.append(el('span', {}, `phase: ${item.phases.join(', ')}`));
    if (isStale(item as BoardItem, now, data.staleAfterDays))
      meta.append(el('strong', { className: 'stale' }, 'stale'));
    const ages = `opened ${ageInDays(item.createdAt, now)} days ago · updated ${ageInDays(item.updatedAt, now)} days ago`;
    const card = el(
      'li',
      { className: 'card board-card' },
      el('h3', { className: 'card-title' }, el('a', { href, dir: 'auto' }, item.title || '(no title)')),
      meta,
      el(
        'p',
        { className: 'card-meta muted' },
        item.assignees.length ? `${ages} · assigned to ${item.assignees.join(', ')}` : ages,
      ),
    );
    const tags = [
      ...item.tags.map((t) => `${t.slice(t.indexOf(':') + 1)} ${data.tagNames[t] ?? ''}`),
      ...item.unknownTags.map((t) => `${t} (unknown ID)`),
    ];
    if (tags.length) card.append(el('ul', { className: 'tags' }, ...tags.map((t) => el('li', {}, t.trim()))));
    card.dataset['key'] = item.key;
    return card;
  }
}

customElements.define('board-view', BoardView);
