/**
 * <search-box>: the header search. Enhances the plain GET form (which still submits to
 * /search/?q=) with results as you type in a panel under the box: the best few as links,
 * a link to all results, popular modules while the box is empty. Down arrow moves into the
 * results, up and down between them, Escape closes the panel and returns to the box. The
 * count is announced through a polite live region.
 */
import { search, suggestions } from '../lib/search/search.ts';
import { loadIndexes } from './search-engine.ts';
import { moveBetweenResults, plural, resultList } from './search-render.ts';

const SHOWN = 8;

class SearchBox extends HTMLElement {
  #input!: HTMLInputElement;
  #panel!: HTMLElement;
  #status!: HTMLElement;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #announce: ReturnType<typeof setTimeout> | undefined;

  connectedCallback() {
    const input = this.querySelector<HTMLInputElement>('input[type="search"]');
    const panel = this.querySelector<HTMLElement>('[data-search-panel]');
    const status = this.querySelector<HTMLElement>('[data-search-status]');
    if (!input || !panel || !status) return;
    [this.#input, this.#panel, this.#status] = [input, panel, status];
    input.addEventListener('input', () => this.#schedule());
    input.addEventListener('focus', () => this.#schedule());
    this.addEventListener('keydown', (event) => this.#onKey(event));
    this.addEventListener('focusout', (event) => {
      if (!(event.relatedTarget instanceof Node && this.contains(event.relatedTarget))) this.#close();
    });
    if (document.activeElement === input) this.#schedule();
  }

  #onKey(event: KeyboardEvent) {
    if (event.key === 'Escape' && !this.#panel.hidden) {
      event.preventDefault();
      this.#close();
      this.#input.focus();
      return;
    }
    if (!this.#panel.hidden) moveBetweenResults(event, this.#panel, this.#input);
  }

  #schedule() {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#render(), 60);
  }

  #close() {
    this.#panel.hidden = true;
  }

  async #render() {
    const { indexes, failed } = await loadIndexes((this.dataset['indexes'] ?? '').split(' ').filter(Boolean));
    const query = this.#input.value;
    const list = this.#panel.querySelector<HTMLElement>('[data-search-list]')!;
    const all = this.#panel.querySelector<HTMLAnchorElement>('[data-search-all]')!;
    if (indexes.length === 0) {
      list.replaceChildren();
      this.#say('Search is unavailable right now. Press Enter to go to the search page.');
      return;
    }
    const result = search(indexes, query, { limit: SHOWN });
    const empty = result.query.words.length === 0;
    const hits = empty ? suggestions(indexes) : result.hits;
    const heading = this.#panel.querySelector<HTMLElement>('[data-search-heading]')!;
    heading.textContent = empty ? 'Popular modules' : plural(result.total, 'result', 'results');
    list.replaceChildren(
      resultList(hits, { compact: true, label: empty ? 'Popular modules' : 'Search results' }),
    );
    all.hidden = empty;
    all.href = `${this.dataset['searchPage']}?q=${encodeURIComponent(query)}`;
    all.textContent = `See all ${plural(result.total, 'result', 'results')} on the search page`;
    this.#panel.hidden = document.activeElement !== this.#input && !this.contains(document.activeElement);
    const partial = failed.length ? ' Some results could not be loaded.' : '';
    this.#say(
      empty
        ? ''
        : `${plural(result.total, 'result', 'results')} for ${query.trim()}.${result.total ? ' Press the down arrow to browse them.' : ''}${partial}`,
    );
  }

  /** Announces after typing pauses, so a screen reader is not interrupted on every key. */
  #say(text: string) {
    clearTimeout(this.#announce);
    this.#announce = setTimeout(() => (this.#status.textContent = text), 400);
  }
}

customElements.define('search-box', SearchBox);
