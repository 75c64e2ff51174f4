/**
 * DOM for search results from their views (src/lib/search/result-view.ts), built from text
 * nodes and elements only: titles and snippets (board text is untrusted) never pass through
 * innerHTML. Matched words become <mark>.
 */
import type { Segment } from '../lib/search/highlight.ts';
import type { ResultView } from '../lib/search/result-view.ts';

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function appendSegments(parent: HTMLElement, segments: readonly Segment[]): void {
  for (const s of segments)
    parent.append(s.mark ? el('mark', undefined, s.text) : document.createTextNode(s.text));
}

/** One result: the title as a link, type and owner, and the snippet unless compact. */
export function resultItem(view: ResultView, options: { compact?: boolean } = {}): HTMLLIElement {
  const item = el('li', 'search-result');
  item.dataset['type'] = view.type;
  item.dataset['ref'] = String(view.ref);
  const link = el('a', 'search-result-link');
  link.href = view.href;
  link.dataset['searchResult'] = '';
  appendSegments(link, view.title);
  item.append(link, ' ', el('span', 'search-result-meta', view.meta));
  if (!options.compact && view.snippet.length) {
    const snippet = el('p', 'search-result-snippet');
    appendSegments(snippet, view.snippet);
    item.append(snippet);
  }
  return item;
}

export function resultList(
  views: readonly ResultView[],
  options: { compact?: boolean; label: string },
): HTMLOListElement {
  const list = el('ol', 'search-results-list');
  list.setAttribute('aria-label', options.label);
  for (const view of views) list.append(resultItem(view, options));
  return list;
}

/**
 * Arrow-key movement between result links inside `container`. Returns true when it handled
 * the key. ArrowUp on the first result goes back to `input`.
 */
export function moveBetweenResults(
  event: KeyboardEvent,
  container: HTMLElement,
  input: HTMLInputElement,
): boolean {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return false;
  const links = [...container.querySelectorAll<HTMLAnchorElement>('a[data-search-result]')].filter(
    (a) => a.offsetParent !== null,
  );
  if (links.length === 0) return false;
  const at = links.indexOf(document.activeElement as HTMLAnchorElement);
  if (at < 0 && event.key === 'ArrowUp') return false;
  const next = event.key === 'ArrowDown' ? (at < 0 ? 0 : Math.min(at + 1, links.length - 1)) : at - 1;
  event.preventDefault();
  (next < 0 ? input : links[next]!).focus();
  return true;
}

export const plural = (n: number, one: string, many: string): string =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
