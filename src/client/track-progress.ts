/**
 * <track-progress>: fills in TrackProgress.astro from the stored progress and the catalogue in
 * data-catalogue: the count and bar ("3 of 9 modules complete") and the module to continue with.
 * data-scope="overall" (the home page) has no bar and stays hidden with nothing to continue.
 */
import type { CatalogueEntry } from '../lib/learn/progress-catalogue.ts';
import {
  continueDetail,
  continueInTrack,
  continueLead,
  continueOverall,
} from '../lib/learn/progress-continue.ts';
import { trackCount } from '../lib/learn/progress-view.ts';
import { loadProgress, onProgressChange } from './progress.ts';

class TrackProgress extends HTMLElement {
  #catalogue: CatalogueEntry[] = [];

  connectedCallback() {
    this.#catalogue = JSON.parse(this.dataset['catalogue'] ?? '[]') as CatalogueEntry[];
    this.render();
    onProgressChange(() => this.render());
  }

  render() {
    const record = loadProgress();
    const ids = this.#catalogue.map((m) => m.id);
    const overall = this.dataset['scope'] === 'overall';
    const target = overall ? continueOverall(record, ids) : continueInTrack(record, ids);
    const entry = target && this.#catalogue.find((m) => m.id === target.id);

    const bar = this.querySelector('progress');
    const count = this.querySelector('[data-progress-count]');
    if (bar && count) {
      const { done, total, label } = trackCount(record, ids);
      bar.max = Math.max(total, 1);
      bar.value = done;
      count.textContent = label;
    }
    const line = this.querySelector<HTMLElement>('[data-continue]')!;
    line.hidden = !entry;
    if (target && entry) {
      const link = line.querySelector<HTMLAnchorElement>('[data-continue-link]')!;
      link.href = entry.href;
      link.textContent = entry.title;
      line.querySelector('[data-continue-lead]')!.textContent = continueLead(target);
      line.querySelector('[data-continue-detail]')!.textContent = continueDetail(
        record,
        target,
        overall ? entry.track : null,
      );
    }
    this.hidden = overall && !entry;
  }
}

customElements.define('track-progress', TrackProgress);
