/** Browser side of the progress store: load (resetting bad data with a notice) and save. */
import { emptyProgress, parseProgress, PROGRESS_KEY, type ProgressRecord } from '../lib/progress-store.ts';
import { readStorage, removeStorage, writeStorage } from './storage.ts';

export function loadProgress(): ProgressRecord {
  const { record, notice } = parseProgress(readStorage(PROGRESS_KEY));
  if (notice) {
    writeStorage(PROGRESS_KEY, JSON.stringify(record));
    showNotice(notice);
  }
  return record;
}

/** Saves the record; when the browser refuses (storage full or disabled) the reader is told. */
export function saveProgress(record: ProgressRecord): boolean {
  const saved = writeStorage(PROGRESS_KEY, JSON.stringify(record));
  if (!saved) {
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
