/** Browser side of the progress store: load (resetting bad data with a notice), save, and hear changes. */
import {
  emptyProgress,
  parseProgress,
  PROGRESS_KEY,
  type ProgressRecord,
} from '../lib/learn/progress-store.ts';
import { readStorage, removeStorage, writeStorage } from './storage.ts';

/** Fired on document whenever this page changed the stored progress. */
export const PROGRESS_EVENT = 'tandem:progress';

export function loadProgress(): ProgressRecord {
  const { record, notice } = parseProgress(readStorage(PROGRESS_KEY));
  if (notice) {
    writeStorage(PROGRESS_KEY, JSON.stringify(record));
    showNotice(notice);
  }
  return record;
}

/**
 * Saves the record; when the browser refuses (storage full or disabled) the reader is told,
 * unless `quiet` (a page visit is not worth a warning on every page).
 */
export function saveProgress(record: ProgressRecord, { quiet = false } = {}): boolean {
  const saved = writeStorage(PROGRESS_KEY, JSON.stringify(record));
  if (!saved && !quiet) {
    showNotice(
      'Your browser would not save your progress (its storage is full or turned off), so it will be lost when you leave.',
    );
  }
  return saved;
}

export function resetProgress(): ProgressRecord {
  removeStorage(PROGRESS_KEY);
  return emptyProgress();
}

/** Calls `render` when this page or another tab changes the stored progress. */
export function onProgressChange(render: () => void): void {
  document.addEventListener(PROGRESS_EVENT, render);
  addEventListener('storage', (event) => {
    if (event.key === PROGRESS_KEY || event.key === null) render();
  });
}

/** A polite, dismissible notice at the top of main; shown once per page. */
export function showNotice(text: string): void {
  if (document.querySelector('[data-storage-notice]')) return;
  const notice = document.createElement('p');
  notice.className = 'notice';
  notice.setAttribute('role', 'status');
  notice.dataset['storageNotice'] = '';
  notice.textContent = text;
  document.querySelector('main')?.prepend(notice);
}
