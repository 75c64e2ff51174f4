/**
 * <glossary-filter>: narrows the glossary page as you type. An entry stays when every word typed
 * appears in its term, its aliases or its definition (case and accents ignored); letter
 * sections and letter links with no entry left are hidden. The count goes to a polite status
 * region once typing pauses. The box is `hidden` in the HTML and shown here, so without
 * JavaScript the page is the full list it always was.
 */
const ANNOUNCE_DELAY_MS = 400;

const normalise = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

interface Entry {
  element: HTMLElement;
  text: string;
}

class GlossaryFilter extends HTMLElement {
  #entries: Entry[] = [];
  #status!: HTMLElement;
  #timer: ReturnType<typeof setTimeout> | undefined;

  connectedCallback() {
    const box = this.querySelector<HTMLElement>('[data-filter-box]');
    const input = box?.querySelector<HTMLInputElement>('input[type="search"]');
    const status = box?.querySelector<HTMLElement>('[role="status"]');
    if (!box || !input || !status) return;
    this.#status = status;
    this.#entries = [...this.querySelectorAll<HTMLElement>('[data-glossary-entry]')].map((element) => ({
      element,
      text: normalise(
        [...element.querySelectorAll('dt, [data-definition]')].map((n) => n.textContent ?? '').join(' '),
      ),
    }));
    box.hidden = false;
    input.addEventListener('input', () => this.#filter(input.value));
    // A value the browser restored (back and forward) filters straight away.
    if (input.value) this.#filter(input.value);
  }

  #filter(query: string) {
    const words = normalise(query).split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const { element, text } of this.#entries) {
      element.hidden = !words.every((w) => text.includes(w));
      if (!element.hidden) shown += 1;
    }
    for (const section of this.querySelectorAll<HTMLElement>('[data-letter-section]')) {
      section.hidden = !section.querySelector('[data-glossary-entry]:not([hidden])');
      const link = this.querySelector<HTMLElement>(
        `[data-letter-link="${section.dataset['letterSection']}"]`,
      );
      if (link) link.hidden = section.hidden;
    }
    const total = this.#entries.length;
    const message =
      words.length === 0
        ? `Showing all ${total} terms.`
        : shown === 0
          ? `No term matches “${query.trim()}”.`
          : `${shown} of ${total} terms match.`;
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => (this.#status.textContent = message), ANNOUNCE_DELAY_MS);
  }
}

customElements.define('glossary-filter', GlossaryFilter);
