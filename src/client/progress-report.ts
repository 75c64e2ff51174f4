/**
 * <progress-report>: the "My progress" page's export (Markdown, JSON), import (a JSON export,
 * merged into this browser's progress, or refused with the reason and nothing changed) and
 * reset. The module catalogue comes from data-catalogue; progress from the store.
 */
import type { CatalogueEntry } from '../lib/learn/progress-catalogue.ts';
import { progressJson, progressMarkdown } from '../lib/learn/progress-export.ts';
import {
  MAX_IMPORT_BYTES,
  readProgressImport,
  TOO_LARGE,
  type ImportRead,
} from '../lib/learn/progress-import.ts';
import { mergeProgress, mergeSummary } from '../lib/learn/progress-merge.ts';
import { downloadText } from './export.ts';
import { loadProgress, onProgressChange, PROGRESS_EVENT, resetProgress, saveProgress } from './progress.ts';

/** The chosen file's text, refused unread when it is too large. */
async function readImport(file: File): Promise<ImportRead> {
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, error: TOO_LARGE };
  try {
    return readProgressImport(await file.text());
  } catch {
    return { ok: false, error: 'This file could not be read, so nothing was imported.' };
  }
}

class ProgressReport extends HTMLElement {
  connectedCallback() {
    const catalogue = JSON.parse(this.dataset['catalogue'] ?? '[]') as CatalogueEntry[];
    const actions = this.querySelector<HTMLElement>('[data-report-actions]')!;
    const status = this.querySelector<HTMLElement>('[data-report-status]')!;
    const importStatus = this.querySelector<HTMLElement>('[data-import-status]')!;
    const preview = this.querySelector<HTMLTextAreaElement>('[data-report-preview]')!;
    const input = this.querySelector<HTMLInputElement>('[data-import]')!;
    actions.hidden = false;
    const refresh = () => (preview.value = progressMarkdown(loadProgress(), catalogue, new Date()));
    const changed = () => document.dispatchEvent(new CustomEvent(PROGRESS_EVENT));
    refresh();
    onProgressChange(refresh);

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

    input.addEventListener('change', async () => {
      const file = input.files?.[0];
      if (!file) return;
      importStatus.textContent = '';
      const read = await readImport(file);
      input.value = '';
      const report = (text: string, outcome: 'imported' | 'refused') => {
        importStatus.dataset['outcome'] = outcome;
        importStatus.textContent = text;
      };
      if (!read.ok) return report(read.error, 'refused');
      const merged = mergeProgress(loadProgress(), read.record);
      if (merged.added + merged.updated > 0) {
        if (!saveProgress(merged.record))
          return report(
            'Your browser would not save the imported progress, so nothing was imported.',
            'refused',
          );
        changed();
      }
      report(mergeSummary(merged), 'imported');
    });

    this.querySelector('[data-reset]')!.addEventListener('click', () => {
      if (!confirm('Reset all your learning progress in this browser? This cannot be undone.')) return;
      resetProgress();
      changed();
      status.textContent = 'Your progress has been reset.';
    });
  }
}

customElements.define('progress-report', ProgressReport);
