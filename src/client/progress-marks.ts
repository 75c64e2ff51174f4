/**
 * <progress-marks>: shows each module's state wherever a list names modules with
 * data-module-id (track pages, the Learn index, My progress, module navigation). Text, not
 * colour alone: "Completed", "In progress · best 60 %" and when it was last visited; nothing
 * for a module not started. Each item gets data-progress-state (not-started, in-progress,
 * completed) and its [data-progress-mark] placeholder is filled in and shown.
 */
import { moduleStatus, visitedLabel } from '../lib/learn/progress-view.ts';
import { el } from './dom.ts';
import { loadProgress, onProgressChange } from './progress.ts';

class ProgressMarks extends HTMLElement {
  connectedCallback() {
    this.render();
    onProgressChange(() => this.render());
  }

  render() {
    const record = loadProgress();
    for (const item of this.querySelectorAll<HTMLElement>('[data-module-id]')) {
      const status = moduleStatus(record.modules[item.dataset['moduleId']!]);
      item.dataset['progressState'] = status.state;
      const mark = item.querySelector<HTMLElement>('[data-progress-mark]');
      if (!mark) continue;
      mark.hidden = status.state === 'not-started';
      mark.replaceChildren(
        ...(mark.hidden ? [] : [el('span', { className: 'badge' }, status.label)]),
        ...(status.state === 'in-progress' && status.lastActive
          ? [' ', el('span', { className: 'muted progress-mark-date' }, visitedLabel(status.lastActive))]
          : []),
      );
    }
  }
}

customElements.define('progress-marks', ProgressMarks);
