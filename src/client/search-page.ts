/**
 * <search-page>: the /search/ page. Reads ?q= (and ?type=) and shows one ranked list inside
 * #search-results: pages matching every word first (exact titles and tagged IDs ahead), then,
 * under their own heading, pages matching only some words. Facets count results per type and
 * filter the list; "Show more results" extends it. Snippets are cut around the match from
 * each page's text as it arrives. The URL follows the query so results can be shared; up and
 * down arrows move between results; the count is announced through a polite live region.
 * Without JavaScript the form still submits and the page lists everything to browse.
 */
import { resultView, type ResultView } from '../lib/search/result-view.ts';
import { DOC_TYPE_LABELS, DOC_TYPES, type DocType } from '../lib/search/types.ts';
import { SearchSession, type Stage } from './search-engine.ts';
import { appendSegments, el, moveBetweenResults, plural, resultList } from './search-render.ts';

const PAGE = 20;
/** Results whose snippet is cut from the page's text (one small fetch each). */
const WITH_TEXT = 10;

const isType = (value: string | null | undefined): value is DocType => DOC_TYPES.includes(value as DocType);

class SearchPage extends HTMLElement {
  #input!: HTMLInputElement;
  #results!: HTMLElement;
  #status!: HTMLElement;
  #facets!: HTMLElement;
  #type: DocType | null = null;
  #limit = PAGE;
  /** Bumped on every render, so a snippet that arrives late never lands in newer results. */
  #generation = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback() {
    const input = this.querySelector<HTMLInputElement>('input[type="search"]');
    const results = this.querySelector<HTMLElement>('#search-results');
    const status = this.querySelector<HTMLElement>('[data-search-status]');
    const facets = this.querySelector<HTMLElement>('[data-search-filters]');
    if (!input || !results || !status || !facets) return;
    [this.#input, this.#results, this.#status, this.#facets] = [input, results, status, facets];
    const params = new URLSearchParams(location.search);
    input.value = params.get('q') ?? '';
    const type = params.get('type');
    this.#type = isType(type) ? type : null;
    input.addEventListener('input', () => {
      this.#limit = PAGE;
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => void this.#render(), 60);
    });
    input.form?.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#render();
    });
    facets.addEventListener('click', (event) => {
      const button =
        event.target instanceof Element
          ? event.target.closest<HTMLButtonElement>('button[data-filter]')
          : null;
      if (!button) return;
      const filter = button.dataset['filter'];
      this.#type = isType(filter) ? filter : null;
      this.#limit = PAGE;
      void this.#render();
    });
    results.addEventListener('click', (event) => {
      if (!(event.target instanceof Element && event.target.closest('[data-search-more]'))) return;
      this.#limit += PAGE;
      void this.#render(true);
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

  async #render(more = false) {
    if (!this.#status.textContent) this.#status.textContent = 'Loading search…';
    let session: SearchSession;
    try {
      session = await SearchSession.open(this.dataset['searchManifest'] ?? '');
    } catch (error) {
      console.error('Search could not be loaded', error);
      this.#status.textContent = 'Search could not be loaded. Browse everything below instead.';
      return;
    }
    const query = this.#input.value;
    this.#syncUrl(query.trim());
    if (!query.trim()) return this.#popular(session);
    await session.run(query, { limit: this.#limit, type: this.#type }, (stage) =>
      this.#stage(session, query, stage, more),
    );
  }

  async #popular(session: SearchSession) {
    const refs = session.index.manifest.suggestions;
    const docs = await session.docs(refs);
    const views = refs.flatMap((ref) => {
      const doc = docs.get(ref);
      return doc ? [resultView({ ref, type: session.index.typeOf(ref), tier: 1 }, doc, new Set())] : [];
    });
    this.#facets.hidden = true;
    const heading = el('h2', undefined, 'Popular modules');
    heading.id = 'search-popular';
    this.#results.replaceChildren(heading, resultList(views, { label: 'Popular modules' }));
    this.#status.textContent = 'Type to search. Meanwhile, popular modules:';
  }

  #stage(session: SearchSession, query: string, stage: Stage, more: boolean) {
    const { result, docs, forms, failed, partial } = stage;
    if (this.#type && result.byType[this.#type] === 0 && result.full + result.partial > 0 && !partial) {
      // The filter would hide everything this query found: show all types instead.
      this.#type = null;
      void this.#render();
      return;
    }
    this.#renderFacets(result.byType);
    const views = result.hits
      .filter((h) => docs.has(h.ref))
      .map((h) => resultView(h, docs.get(h.ref)!, forms));
    const full = views.filter((v) => !v.partial);
    const some = views.filter((v) => v.partial);
    const nodes: HTMLElement[] = [];
    if (full.length) nodes.push(resultList(full, { label: 'Results' }));
    if (some.length) {
      const heading = el('h2', 'search-partial-heading', 'Results with some of your words');
      heading.id = 'search-partial';
      nodes.push(heading, resultList(some, { label: 'Results with some of your words' }));
    }
    const listed = this.#type ? result.byType[this.#type] : result.full > 0 ? result.full : result.partial;
    const total = this.#type ? listed : result.full + result.partial;
    if (views.length < total) {
      const button = el('button', 'search-more', 'Show more results');
      button.type = 'button';
      button.dataset['searchMore'] = '';
      nodes.push(button);
    }
    const focusedMore =
      more &&
      document.activeElement instanceof HTMLElement &&
      document.activeElement.matches('[data-search-more]');
    this.#results.replaceChildren(...nodes);
    if (focusedMore) this.#results.querySelector<HTMLElement>('[data-search-more]')?.focus();
    this.#status.textContent = this.#summary(query, stage);
    void this.#snippets(session, views.slice(0, WITH_TEXT), forms);
    if (failed) this.#status.append(' Some results could not be loaded.');
  }

  #summary(query: string, { result, partial }: Stage): string {
    const q = `“${query.trim()}”`;
    const loading = partial ? ' Board items are still loading.' : '';
    const notices = result.query.notices.length ? ` ${result.query.notices.join(' ')}` : '';
    if (result.full + result.partial === 0)
      return `No results for ${q}. Try fewer or different words.${notices}${loading}`;
    if (result.full === 0)
      return `No results with all your words for ${q}; ${plural(result.partial, 'result', 'results')} with some of them.${notices}${loading}`;
    const counts = DOC_TYPES.filter((type) => result.byType[type] > 0).map((type) =>
      plural(
        result.byType[type],
        DOC_TYPE_LABELS[type].one.toLowerCase(),
        DOC_TYPE_LABELS[type].many.toLowerCase(),
      ),
    );
    return `${plural(result.full, 'result', 'results')} for ${q}: ${counts.join(', ')}.${notices}${loading}`;
  }

  /** Replaces the summaries of the first results with the sentences around the match, as each page's text arrives. */
  async #snippets(session: SearchSession, views: readonly ResultView[], forms: Set<string>) {
    const generation = ++this.#generation;
    await Promise.all(
      views.map(async (view) => {
        const text = await session.text(view.ref);
        const item = this.#results.querySelector<HTMLElement>(`li[data-ref="${view.ref}"]`);
        if (!text || !item) return;
        const doc = (await session.docs([view.ref])).get(view.ref);
        if (!doc) return;
        if (generation !== this.#generation) return;
        const cut = resultView(
          { ref: view.ref, type: view.type, tier: view.partial ? 0 : 1 },
          doc,
          forms,
          text,
        );
        if (!cut.snippet.some((s) => s.mark)) return;
        let snippet = item.querySelector<HTMLElement>('.search-result-snippet');
        if (!snippet) item.append((snippet = el('p', 'search-result-snippet')));
        snippet.replaceChildren();
        appendSegments(snippet, cut.snippet);
      }),
    );
  }

  #renderFacets(byType: Record<DocType, number>) {
    const total = DOC_TYPES.reduce((sum, type) => sum + byType[type], 0);
    this.#facets.hidden = total === 0;
    for (const button of this.#facets.querySelectorAll<HTMLButtonElement>('button[data-filter]')) {
      const type = button.dataset['filter'];
      const count = isType(type) ? byType[type] : total;
      button.hidden = isType(type) && count === 0 && this.#type !== type;
      button.setAttribute('aria-pressed', String((type || null) === this.#type));
      button.querySelector('[data-count]')!.textContent = count.toLocaleString('en');
    }
  }
}

customElements.define('search-page', SearchPage);
