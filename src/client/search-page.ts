/**
 * <search-page>: the /search/ page. Reads ?q= (and ?type=), renders results as links inside
 * #search-results, grouped by type with the best group first, each with a highlighted snippet;
 * type filters show one group; the URL follows the query so results can be shared. Up and
 * down arrows move between results; the count is announced through a polite live region.
 * Without JavaScript the form still submits and the page lists everything to browse.
 */
import { search, suggestions, type SearchHit } from '../lib/search/search.ts';
import { DOC_TYPE_LABELS, DOC_TYPES, type DocType } from '../lib/search/types.ts';
import { loadIndexes } from './search-engine.ts';
import { moveBetweenResults, plural, resultList } from './search-render.ts';

/** Results shown per group, and for a single type once filtered; the counts say how many there are. */
const PER_GROUP = 10;
const FILTERED = 50;

const isType = (value: string | null): value is DocType => DOC_TYPES.includes(value as DocType);

class SearchPage extends HTMLElement {
  #input!: HTMLInputElement;
  #results!: HTMLElement;
  #status!: HTMLElement;
  #filters!: HTMLElement;
  #type: DocType | null = null;
  #timer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback() {
    const input = this.querySelector<HTMLInputElement>('input[type="search"]');
    const results = this.querySelector<HTMLElement>('#search-results');
    const status = this.querySelector<HTMLElement>('[data-search-status]');
    const filters = this.querySelector<HTMLElement>('[data-search-filters]');
    if (!input || !results || !status || !filters) return;
    [this.#input, this.#results, this.#status, this.#filters] = [input, results, status, filters];
    const params = new URLSearchParams(location.search);
    input.value = params.get('q') ?? '';
    this.#type = isType(params.get('type')) ? (params.get('type') as DocType) : null;
    input.addEventListener('input', () => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => void this.#render(), 80);
    });
    input.form?.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#render();
    });
    filters.addEventListener('click', (event) => {
      const button =
        event.target instanceof Element
          ? event.target.closest<HTMLButtonElement>('button[data-filter]')
          : null;
      if (!button) return;
      this.#type = isType(button.dataset['filter'] ?? null) ? (button.dataset['filter'] as DocType) : null;
      void this.#render();
    });
    this.addEventListener('keydown', (event) => {
      if (event.target === input || this.#results.contains(event.target as Node))
        moveBetweenResults(event, this.#results, input);
    });
    void this.#render();
  }

  #syncUrl(query: string) {
    const url = new URL(location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    if (this.#type) url.searchParams.set('type', this.#type);
    else url.searchParams.delete('type');
    history.replaceState(null, '', url);
  }

  async #render() {
    this.#status.textContent = this.#status.textContent || 'Loading search…';
    const { indexes, failed } = await loadIndexes((this.dataset['indexes'] ?? '').split(' ').filter(Boolean));
    if (indexes.length === 0) {
      this.#status.textContent = 'Search could not be loaded. Browse everything below instead.';
      return;
    }
    const query = this.#input.value;
    this.#syncUrl(query.trim());
    let result = search(indexes, query, { perType: this.#type ? FILTERED : PER_GROUP, type: this.#type });
    if (this.#type && result.byType[this.#type] === 0) {
      // The filter would hide everything this query found: show all types instead.
      this.#type = null;
      this.#syncUrl(query.trim());
      result = search(indexes, query, { perType: PER_GROUP });
    }
    if (result.query.words.length === 0) {
      this.#filters.hidden = true;
      this.#results.replaceChildren(
        this.#group('Popular modules', 'search-popular', suggestions(indexes), 0),
      );
      this.#status.textContent = query.trim()
        ? 'Type a word to search; that query has nothing to search for.'
        : 'Type to search. Meanwhile, popular modules:';
      return;
    }
    // Groups in the order of their best hit.
    const groups = new Map<DocType, SearchHit[]>();
    for (const hit of result.hits) groups.set(hit.type, [...(groups.get(hit.type) ?? []), hit]);
    this.#renderFilters(result.byType, result.total);
    this.#results.replaceChildren(
      ...[...groups].map(([type, hits]) =>
        this.#group(DOC_TYPE_LABELS[type].many, `search-group-${type}`, hits, result.byType[type]),
      ),
    );
    const counts = DOC_TYPES.filter((type) => result.byType[type] > 0).map((type) =>
      plural(
        result.byType[type],
        DOC_TYPE_LABELS[type].one.toLowerCase(),
        DOC_TYPE_LABELS[type].many.toLowerCase(),
      ),
    );
    const notices = [
      ...result.query.notices,
      ...(failed.length ? ['Some results could not be loaded.'] : []),
    ];
    this.#status.textContent =
      result.total === 0
        ? `No results for “${query.trim()}”. Try fewer or different words. ${notices.join(' ')}`.trim()
        : `${plural(result.total, 'result', 'results')} for “${query.trim()}”: ${counts.join(', ')}. ${notices.join(' ')}`.trim();
  }

  #group(label: string, id: string, hits: readonly SearchHit[], total: number): HTMLElement {
    const section = document.createElement('section');
    section.className = 'search-group';
    section.setAttribute('aria-labelledby', id);
    const heading = document.createElement('h2');
    heading.id = id;
    heading.textContent =
      total > hits.length
        ? `${label} (best ${hits.length} of ${total})`
        : total
          ? `${label} (${total})`
          : label;
    section.append(heading, resultList(hits));
    return section;
  }

  #renderFilters(byType: Record<DocType, number>, total: number) {
    const present = DOC_TYPES.filter((type) => byType[type] > 0).length;
    this.#filters.hidden = present < 2 && !this.#type;
    for (const button of this.#filters.querySelectorAll<HTMLButtonElement>('button[data-filter]')) {
      const type = button.dataset['filter'] ?? '';
      const count = type ? byType[type as DocType] : total;
      button.hidden = type !== '' && count === 0;
      button.setAttribute('aria-pressed', String(type === (this.#type ?? '')));
      button.querySelector('[data-count]')!.textContent = String(count);
    }
  }
}

customElements.define('search-page', SearchPage);
