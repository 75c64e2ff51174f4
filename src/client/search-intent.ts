/**
 * The only search code a page loads before the reader asks for search: it waits for intent
 * (focus in a search box, the "/" key, or a /search/ page) and then imports search-ui.ts, a
 * separate chunk with lunr, which upgrades <search-box> and <search-page> and fetches the
 * indexes. Keep this file tiny; its size counts against every page (bench:search reports it).
 */
let loading: Promise<unknown> | undefined;

function load(): void {
  loading ??= import('./search-ui.ts').catch((error: unknown) => {
    loading = undefined; // let the next intent try again
    console.error('Search could not be loaded', error);
  });
}

const editable = 'input, textarea, select, [contenteditable]:not([contenteditable="false"])';

document.addEventListener('focusin', (event) => {
  if (event.target instanceof Element && event.target.closest('search-box, search-page')) load();
});

document.addEventListener('keydown', (event) => {
  if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
  if (event.target instanceof Element && event.target.closest(editable)) return;
  const input = document.querySelector<HTMLInputElement>('search-box input[type="search"]');
  if (!input) return;
  event.preventDefault();
  input.focus();
});

if (document.querySelector('search-page')) load();
