/**
 * <theme-toggle>: a light/dark switch. Without JavaScript the site follows the OS setting and
 * the button stays hidden. Stored state: localStorage "tandem:theme" = "light" | "dark"
 * (absent: follow the OS); any other stored value is removed. The stored choice is applied
 * before first paint by the inline script in src/lib/theme-init.ts.
 */
import { readStorage, removeStorage, writeStorage } from './storage.ts';

const KEY = 'tandem:theme';
const root = document.documentElement;
const os = () => (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');

class ThemeToggle extends HTMLElement {
  connectedCallback() {
    const stored = readStorage(KEY);
    if (stored !== null && stored !== 'light' && stored !== 'dark') removeStorage(KEY);
    const button = this.querySelector('button')!;
    const render = () =>
      button.setAttribute('aria-pressed', String((root.dataset['theme'] ?? os()) === 'dark'));
    button.hidden = false;
    render();
    button.addEventListener('click', () => {
      const next = (root.dataset['theme'] ?? os()) === 'dark' ? 'light' : 'dark';
      root.dataset['theme'] = next;
      writeStorage(KEY, next);
      render();
    });
  }
}

customElements.define('theme-toggle', ThemeToggle);
