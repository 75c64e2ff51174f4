/**
 * The only search code a page loads before the reader asks for search: on intent (focus in
 * a search box, the pointer over it, the "/" key, or a /search/ page) it imports
 * search-ui.ts, a separate chunk that upgrades <search-box> and <search-page>, and fetches
 * the search manifest alongside, so neither waits for the other. Keep this file tiny; its
 * size counts against every page (bench:search reports it).
 */
import { fetchJson } from './search-fetch.ts';

let loading: Promise<unknown> | undefined;

function load(from: Element | null): void {
  const manifest = from?.closest<HTMLElement>('[data-search-manifest]')?.dataset['searchManifest'];
  if (manifest) fetchJson(manifest).catch(() => {}); // reported where it is used
  loading ??= import('./search-ui.ts').catch((error: unknown) => {
    loading = undefined; // let the next intent try again
    console.error('Search could not be loaded', error);
  });
}

const editable = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';
const boxes = 'search-box, search-page';

document.addEventListener('focusin', (event) => {
  if (event.target instanceof Element && event.target.closest(boxes)) load(event.target);
});

document.addEventListener('pointerover', (event) => {
  if (!loading && event.target instanceof Element && event.target.closest(boxes)) load(event.target);
});

document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
  if (event.target instanceof Element && event.target.closest(editable)) return;
  const input = document.querySelector<HTMLInputElement>('search-box input[type="search"]');
  if (!input) return;
  event.preventDefault();
  input.focus();
});

const page = document.querySelector('search-page');
if (page) load(page);
