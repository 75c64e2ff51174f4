/**
 * <search-box>: the header search. Enhances the plain GET form (which still submits to
 * /search/?q=) with results as you type in a panel under the box: the best few as links,
 * a link to all results, popular modules while the box is empty. Down arrow moves into the
 * results, up and down between them, Escape closes the panel and returns to the box. The
 * count is announced through a polite live region.
 */
import { resultView } from '../lib/search/result-view.ts';
import { SearchSession, type Stage } from './search-engine.ts';
import { moveBetweenResults, plural, resultList } from './search-render.ts';

const SHOWN = 8;

class SearchBox extends HTMLElement {
  #input!: HTMLInputElement;
  #panel!: HTMLElement;
  #status!: HTMLElement;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #announce: ReturnType<typeof setTimeout> | undefined;
  /** Closed with Escape: results arriving late must not reopen it until the reader types again. */
  #dismissed = false;
  /** The text whose results the panel holds; focus coming back to the box does not redo them. */
  #rendered: string | null = null;

  connectedCallback() {
    const input = this.querySelector<HTMLInputElement>('input[type="search"]');
    const panel = this.querySelector<HTMLElement>('[data-search-panel]');
    const status = this.querySelector<HTMLElement>('[data-search-status]');
    if (!input || !panel || !status) return;
    [this.#input, this.#panel, this.#status] = [input, panel, status];
    input.addEventListener('input', () => {
      this.#dismissed = false;
      this.#schedule(30);
    });
    input.addEventListener('focus', () => {
      if (this.#rendered !== input.value) this.#schedule(0);
      else this.#panel.hidden = this.#dismissed;
    });
    this.addEventListener('keydown', (event) => this.#onKey(event));
    this.addEventListener('focusout', (event) => {
      if (!(event.relatedTarget instanceof Node && this.contains(event.relatedTarget)))
        this.#panel.hidden = true;
    });
    if (document.activeElement === input) this.#schedule(0);
  }

  #onKey(event: KeyboardEvent) {
    if (event.key === 'Escape' && !this.#panel.hidden) {
      event.preventDefault();
      this.#panel.hidden = true;
      this.#dismissed = true;
      this.#input.focus();
      return;
    }
    if (!this.#panel.hidden) moveBetweenResults(event, this.#panel, this.#input);
  }

  #schedule(delay: number) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#render(), delay);
  }

  #part<T extends HTMLElement>(selector: string): T {
    return this.#panel.querySelector<T>(selector)!;
  }

  async #render() {
    let session: SearchSession;
    try {
      session = await SearchSession.open(this.dataset['searchManifest'] ?? '');
    } catch (error) {
      console.error('Search could not be loaded', error);
      this.#part('[data-search-list]').replaceChildren();
      this.#say('Search is unavailable right now. Press Enter to go to the search page.');
      return;
    }
    const query = this.#input.value;
    this.#rendered = query;
    if (!query.trim()) {
      const refs = session.index.manifest.suggestions;
      const docs = await session.docs(refs);
      const views = refs.flatMap((ref) => {
        const doc = docs.get(ref);
        return doc ? [resultView({ ref, type: session.index.typeOf(ref), tier: 1 }, doc, new Set())] : [];
      });
      this.#show('Popular modules', resultList(views, { compact: true, label: 'Popular modules' }), null);
      this.#say('');
      return;
    }
    await session.run(query, { limit: SHOWN }, (stage) => this.#stage(query, stage));
  }

  #stage(query: string, { result, docs, forms, failed, partial }: Stage) {
    const some = result.full === 0 && result.partial > 0;
    const views = result.hits
      .filter((hit) => docs.has(hit.ref) && (some || hit.tier > 0))
      .map((hit) => resultView(hit, docs.get(hit.ref)!, forms));
    const count = plural(result.full, 'result', 'results');
    const heading = some
      ? `No results with all your words; ${plural(result.partial, 'result', 'results')} with some of them`
      : `${count}${partial ? ' so far (board items still loading)' : ''}`;
    this.#show(heading, resultList(views, { compact: true, label: 'Search results' }), query);
    if (result.full > SHOWN)
      this.#part('[data-search-all]').textContent = `See all ${count} on the search page`;
    const note = failed ? ' Some results could not be loaded.' : '';
    if (!partial)
      this.#say(
        `${count} for ${query.trim()}.${views.length ? ' Press the down arrow to browse them.' : ''}${note}`,
      );
  }

  #show(heading: string, list: HTMLOListElement, query: string | null) {
    this.#part('[data-search-heading]').textContent = heading;
    // A later stage redraws the list; a reader browsing it with the arrow keys keeps their place.
    const container = this.#part('[data-search-list]');
    const focused = container.contains(document.activeElement)
      ? (document.activeElement as HTMLElement).getAttribute('href')
      : null;
    container.replaceChildren(list);
    if (focused !== null)
      (
        [...list.querySelectorAll('a')].find((a) => a.getAttribute('href') === focused) ?? this.#input
      ).focus();
    const all = this.#part<HTMLAnchorElement>('[data-search-all]');
    all.hidden = query === null;
    all.href = `${this.dataset['searchPage']}?q=${encodeURIComponent(query ?? '')}`;
    all.textContent = 'See all results on the search page';
    this.#panel.hidden =
      this.#dismissed || (document.activeElement !== this.#input && !this.contains(document.activeElement));
  }

  /** Announces after typing pauses, so a screen reader is not interrupted on every key. */
  #say(text: string) {
    clearTimeout(this.#announce);
    this.#announce = setTimeout(() => (this.#status.textContent = text), 400);
  }
}

customElements.define('search-box', SearchBox);
