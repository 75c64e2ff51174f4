/**
 * <progress-marks>: marks completed modules wherever a list names them with data-module-id
 * (track pages, the Learn index, module navigation). Text, not colour alone: "Completed".
 */
import { isCompleted } from '../lib/progress-store.ts';
import { loadProgress } from './progress.ts';

class ProgressMarks extends HTMLElement {
  connectedCallback() {
    this.render();
    document.addEventListener('tandem:progress', () => this.render());
  }

  render() {
    const record = loadProgress();
    const items = [...this.querySelectorAll<HTMLElement>('[data-module-id]')];
    let done = 0;
    for (const item of items) {
      const id = item.dataset['moduleId']!;
      const complete = isCompleted(record, id);
      if (complete) done += 1;
      item.dataset['completed'] = String(complete);
      let mark = item.querySelector<HTMLElement>('.completed-mark');
      if (complete && !mark) {
        mark = document.createElement('span');
        mark.className = 'completed-mark badge';
        mark.textContent = 'Completed';
        item.querySelector('a')?.after(' ', mark);
      } else if (!complete) mark?.remove();
    }
    const summary = this.querySelector<HTMLElement>('[data-progress-summary]');
    if (summary) {
      summary.hidden = false;
      summary.textContent = `You have completed ${done} of ${items.length} modules.`;
    }
  }
}

customElements.define('progress-marks', ProgressMarks);
