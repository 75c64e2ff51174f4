/**
 * <glossary-term>: the first use of a glossary term in a module, a link to its entry (written
 * by src/lib/learn/satteri-glossary-links.ts). On hover and on keyboard focus it shows the
 * term's definition in a popover under the term, as WCAG 1.4.13 asks: Escape hides it without
 * moving the pointer or focus, the pointer can move onto it, and it stays until both hover
 * and focus have left. The text comes from the term's entry in "Terms used here"
 * (TermsUsed.astro), which the link's aria-describedby names; while the popover shows, the
 * link is described by the popover instead, the WAI-ARIA tooltip pattern.
 * Nothing runs before interaction: a few listeners on the document wait for the pointer or
 * focus to reach a term, and the one popover element is built then. Position and looks are
 * CSS only (src/styles/glossary.css): the strict content security policy forbids inline styles.
 */
const POPOVER_ID = 'glossary-popover';
/** Time the pointer has to cross from a term to its popover, or back, before it hides. */
const HIDE_DELAY_MS = 300;

let popover: HTMLElement | undefined;
let shown: GlossaryTerm | undefined;

class GlossaryTerm extends HTMLElement {
  #hovered = false;
  #focused = false;
  /** Escape was pressed: stay hidden until hover and focus have both left. */
  #dismissed = false;
  #hideTimer: ReturnType<typeof setTimeout> | undefined;
  /** The id of the definition in "Terms used here", as the build wrote it on the link. */
  #definitionId: string | null = null;

  get #link() {
    return this.querySelector('a');
  }

  setHovered(on: boolean) {
    this.#hovered = on;
    this.#update(on ? 0 : HIDE_DELAY_MS);
  }

  setFocused(on: boolean) {
    this.#focused = on;
    this.#update(0);
  }

  dismiss() {
    this.#dismissed = true;
    this.#update(0);
  }

  #update(delay: number) {
    clearTimeout(this.#hideTimer);
    if (!this.#hovered && !this.#focused) this.#dismissed = false;
    const wanted = (this.#hovered || this.#focused) && !this.#dismissed;
    if (wanted) this.#show();
    else if (delay > 0) this.#hideTimer = setTimeout(() => this.close(), delay);
    else this.close();
  }

  #show() {
    const link = this.#link;
    if (shown === this || !link) return;
    this.#definitionId ??= link.getAttribute('aria-describedby');
    // Nothing to show on a page without the list.
    const text = document.getElementById(this.#definitionId ?? '')?.textContent?.trim();
    if (!text) return;
    shown?.close();
    popover ??= Object.assign(document.createElement('span'), {
      id: POPOVER_ID,
      className: 'glossary-popover',
    });
    popover.setAttribute('role', 'tooltip');
    popover.textContent = text;
    link.after(popover);
    link.setAttribute('aria-describedby', POPOVER_ID);
    this.classList.add('is-open');
    shown = this;
  }

  /** Hides the popover if it is this term's. */
  close() {
    if (shown !== this) return;
    popover?.remove();
    if (this.#definitionId) this.#link?.setAttribute('aria-describedby', this.#definitionId);
    this.classList.remove('is-open');
    shown = undefined;
  }
}

customElements.define('glossary-term', GlossaryTerm);

const termOf = (target: EventTarget | null) =>
  target instanceof Element ? target.closest<GlossaryTerm>('glossary-term') : null;

/** The term an event leaves, unless it moves to somewhere else inside that term. */
function left(event: PointerEvent | FocusEvent) {
  const term = termOf(event.target);
  return term && !(event.relatedTarget instanceof Node && term.contains(event.relatedTarget)) ? term : null;
}

document.addEventListener('pointerover', (event) => termOf(event.target)?.setHovered(true));
document.addEventListener('pointerout', (event) => left(event)?.setHovered(false));
document.addEventListener('focusin', (event) => termOf(event.target)?.setFocused(true));
document.addEventListener('focusout', (event) => left(event)?.setFocused(false));
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && shown) shown.dismiss();
});
