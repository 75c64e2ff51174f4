/**
 * <module-toc>: marks the section in view in the module's table of contents (aria-current and
 * "Section 3 of 8"), as the reader scrolls. One IntersectionObserver; no work while idle.
 */
class ModuleToc extends HTMLElement {
  connectedCallback() {
    const links = [...this.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')];
    const position = this.querySelector<HTMLElement>('[data-toc-position]');
    const sections = links
      .map((a) => document.getElementById(decodeURIComponent(a.hash.slice(1))))
      .filter((h): h is HTMLElement => h !== null);
    if (sections.length === 0) return;
    const mark = () => {
      // The current section is the last heading above the upper third of the screen.
      const line = innerHeight / 3;
      let current = 0;
      sections.forEach((h, i) => {
        if (h.getBoundingClientRect().top <= line) current = i;
      });
      links.forEach((a, i) =>
        i === current ? a.setAttribute('aria-current', 'true') : a.removeAttribute('aria-current'),
      );
      // On narrower screens the folded contents bar under the header names the section.
      const inline = document.querySelector<HTMLElement>('[data-toc-current]');
      if (inline) inline.textContent = `: ${links[current]!.textContent}`;
      if (position) {
        position.hidden = false;
        position.textContent = `Section ${current + 1} of ${sections.length}`;
      }
    };
    const observer = new IntersectionObserver(mark, { rootMargin: '0px 0px -66% 0px' });
    sections.forEach((s) => observer.observe(s));
    // Following a link in the folded contents closes it.
    const folded = document.querySelector<HTMLDetailsElement>('[data-toc-inline]');
    folded?.addEventListener('click', (e) => {
      if ((e.target as Element).closest('a')) folded.open = false;
    });
    addEventListener('scrollend', mark, { passive: true });
    mark();
  }
}

customElements.define('module-toc', ModuleToc);
