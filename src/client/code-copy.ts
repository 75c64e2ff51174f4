/**
 * <code-copy>: adds a "Copy" button to every code block inside it. The button copies the
 * block's text to the clipboard and says so ("Copied"); when the browser refuses, it selects
 * the code so the reader can copy it by hand.
 */
import { el } from './dom.ts';

class CodeCopy extends HTMLElement {
  connectedCallback() {
    for (const pre of this.querySelectorAll('pre')) {
      if (pre.parentElement?.classList.contains('code-block')) continue;
      const button = el('button', { type: 'button', className: 'copy-button' }, 'Copy');
      const label = pre.querySelector('code')?.className.match(/language-(\w+)/)?.[1];
      button.setAttribute('aria-label', label ? `Copy ${label} code` : 'Copy code');
      const status = el('span', { className: 'visually-hidden' });
      status.setAttribute('role', 'status');
      const block = el('div', { className: 'code-block' });
      pre.replaceWith(block);
      block.append(pre, button, status);
      button.addEventListener('click', async () => {
        try {
          await navigator.clipboard.writeText(pre.innerText.replace(/\n$/, ''));
          button.textContent = 'Copied';
          status.textContent = 'Code copied to the clipboard.';
        } catch {
          getSelection()?.selectAllChildren(pre);
          status.textContent = 'Copying is not allowed here: the code is selected, press Ctrl+C or ⌘C.';
        }
        setTimeout(() => (button.textContent = 'Copy'), 2000);
      });
    }
  }
}

customElements.define('code-copy', CodeCopy);
