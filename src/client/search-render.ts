/**
 * DOM for search results, built from text nodes and elements only: titles and snippets
 * (board text is untrusted) never pass through innerHTML. Matched words become <mark>.
 */
import { ownerLabel } from '../lib/format.ts';
import { highlight } from '../lib/search/highlight.ts';
import type { SearchHit } from '../lib/search/search.ts';
import { DOC_TYPE_LABELS } from '../lib/search/types.ts';

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Appends `text` to `parent`, with the words matching `terms` in <mark>. */
export function appendHighlighted(parent: HTMLElement, text: string, terms: readonly string[]): void {
  for (const segment of highlight(text, terms)) {
    parent.append(segment.mark ? el('mark', undefined, segment.text) : document.createTextNode(segment.text));
  }
}

/** Only site-relative links: the index is built by us, but a link is no place to trust a file. */
const safeHref = (url: string) => (url.startsWith('/') && !url.startsWith('//') ? url : '#');

/** One result: the title as a link, type and owner, and the highlighted snippet. */
export function resultItem(hit: SearchHit, options: { compact?: boolean } = {}): HTMLLIElement {
  const item = el('li', 'search-result');
  item.dataset['type'] = hit.type;
  const link = el('a', 'search-result-link');
  link.href = safeHref(hit.url);
  link.dataset['searchResult'] = '';
  appendHighlighted(link, hit.title, hit.terms);
  const meta = el(
    'span',
    'search-result-meta',
    `${DOC_TYPE_LABELS[hit.type].one} · ${ownerLabel(hit.owner)}`,
  );
  item.append(link, ' ', meta);
  if (hit.snippet && !options.compact) {
    const snippet = el('p', 'search-result-snippet');
    appendHighlighted(snippet, hit.snippet, hit.terms);
    item.append(snippet);
  }
  return item;
}

export function resultList(
  hits: readonly SearchHit[],
  options: { compact?: boolean; label?: string } = {},
): HTMLOListElement {
  const list = el('ol', 'search-results-list');
  if (options.label) list.setAttribute('aria-label', options.label);
  for (const hit of hits) list.append(resultItem(hit, options));
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

export const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
