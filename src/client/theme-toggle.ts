/**
 * <theme-toggle>: a three-state theme switch. Each press moves system → light → dark → system,
 * and the button's label names the current state ("Theme: dark"). Stored state: localStorage
 * "tandem:theme" = "light" | "dark"; absent means follow the OS; any other stored value is
 * removed. The stored choice is applied before first paint by src/lib/theme-init.ts.
 */
import { readStorage, removeStorage, writeStorage } from './storage.ts';

const KEY = 'tandem:theme';
type Choice = 'system' | 'light' | 'dark';
const NEXT: Record<Choice, Choice> = { system: 'light', light: 'dark', dark: 'system' };
const root = document.documentElement;

function stored(): Choice {
  const value = readStorage(KEY);
  if (value === 'light' || value === 'dark') return value;
  if (value !== null) removeStorage(KEY);
  return 'system';
}

class ThemeToggle extends HTMLElement {
  connectedCallback() {
    const button = this.querySelector('button');
    // The phone menu moves this element into its drawer and back: set up only once.
    if (!button || this.dataset['ready']) return;
    this.dataset['ready'] = 'true';
    const render = (choice: Choice) => {
      button.textContent = `Theme: ${choice}`;
      button.dataset['theme'] = choice;
    };
    let current = stored();
    button.hidden = false;
    render(current);
    button.addEventListener('click', () => {
      const next = NEXT[current];
      current = next;
      if (next === 'system') {
        removeStorage(KEY);
        delete root.dataset['theme'];
      } else {
        writeStorage(KEY, next);
        root.dataset['theme'] = next;
      }
      render(next);
    });
  }
}

customElements.define('theme-toggle', ThemeToggle);
