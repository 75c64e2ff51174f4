/**
 * <progress-report>: the "My progress" page's export (Markdown, JSON) and reset. The module
 * catalogue comes from data-catalogue; progress from the store.
 */
import { progressJson, progressMarkdown, type ModuleInfo } from '../lib/progress-export.ts';
import { downloadText } from './export.ts';
import { loadProgress, resetProgress } from './progress.ts';

class ProgressReport extends HTMLElement {
  connectedCallback() {
    const catalogue = JSON.parse(this.dataset['catalogue'] ?? '[]') as ModuleInfo[];
    const actions = this.querySelector<HTMLElement>('[data-report-actions]')!;
    const status = this.querySelector<HTMLElement>('[data-report-status]')!;
    const preview = this.querySelector<HTMLTextAreaElement>('[data-report-preview]')!;
    actions.hidden = false;
    const refresh = () => (preview.value = progressMarkdown(loadProgress(), catalogue, new Date()));
    refresh();

    this.querySelectorAll<HTMLButtonElement>('[data-export]').forEach((button) =>
      button.addEventListener('click', () => {
        const now = new Date();
        const day = now.toISOString().slice(0, 10);
        if (button.dataset['export'] === 'json') {
          downloadText(
            `tandem-progress-${day}.json`,
            'application/json',
            progressJson(loadProgress(), catalogue, now),
          );
        } else {
          downloadText(
            `tandem-progress-${day}.md`,
            'text/markdown',
            progressMarkdown(loadProgress(), catalogue, now),
          );
        }
        status.textContent = 'Downloaded.';
      }),
    );

    this.querySelector('[data-reset]')!.addEventListener('click', () => {
      if (!confirm('Reset all your learning progress in this browser? This cannot be undone.')) return;
      resetProgress();
      refresh();
      document.dispatchEvent(new CustomEvent('tandem:progress'));
      status.textContent = 'Your progress has been reset.';
    });
  }
}

customElements.define('progress-report', ProgressReport);
