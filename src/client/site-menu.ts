/**
 * <site-menu>: on narrow screens, a "Menu" button opens a modal drawer holding the site
 * navigation, the theme switch and, on module pages, the track navigation. The parts are moved
 * into the drawer while it is open and put back when it closes, so the page never carries them
 * twice. A modal <dialog> makes the rest of the page inert and Tab cycles inside it; it closes on Escape,
 * on "Close", on a click outside or on a link, and returns focus to the button.
 */
const NARROW = '(max-width: 56rem)';
/** In the order the drawer shows them. */
const PARTS = ['[data-drawer-part="site"]', 'theme-toggle', '[data-drawer-part="track"]'];

class SiteMenu extends HTMLElement {
  #placeholders = new Map<Element, Comment>();

  connectedCallback() {
    const button = this.querySelector<HTMLButtonElement>('.menu-button');
    const dialog = this.querySelector('dialog');
    if (!button || !dialog || this.dataset['ready']) return;
    this.dataset['ready'] = 'true';
    document.documentElement.dataset['menu'] = 'ready';
    button.hidden = false;
    const body = dialog.querySelector('[data-drawer-body]')!;

    button.addEventListener('click', () => {
      for (const selector of PARTS) {
        const part = document.querySelector(selector);
        if (!part || dialog.contains(part)) continue;
        const mark = document.createComment('drawer');
        part.before(mark);
        this.#placeholders.set(part, mark);
        body.append(part);
      }
      dialog.showModal();
      button.setAttribute('aria-expanded', 'true');
      dialog.querySelector<HTMLElement>('[aria-current="page"]')?.scrollIntoView({ block: 'nearest' });
    });
    dialog.addEventListener('close', () => {
      for (const [part, mark] of this.#placeholders) mark.replaceWith(part);
      this.#placeholders.clear();
      button.setAttribute('aria-expanded', 'false');
      button.focus();
    });
    dialog.addEventListener('click', (event) => {
      const target = event.target as Element;
      // A click on the backdrop lands on the dialog itself; a followed link leaves the page.
      if (target === dialog || target.closest('[data-drawer-close]') || target.closest('a[href]'))
        dialog.close();
    });
    // The browser lets Tab leave a modal dialog for its own toolbar; keep it cycling inside.
    dialog.addEventListener('keydown', (event) => {
      if (event.key !== 'Tab') return;
      const focusable = [
        ...dialog.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), input, select, textarea'),
      ].filter((e) => e.offsetParent !== null);
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (!first || !last) return;
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    });
    matchMedia(NARROW).addEventListener('change', (e) => {
      if (!e.matches && dialog.open) dialog.close();
    });
  }
}

customElements.define('site-menu', SiteMenu);
