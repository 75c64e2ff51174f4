/** Browser side of the checklist run store: load (resetting unreadable data with a notice) and save. */
import { parseRunStore, runStoreKey, type RunStore } from '../lib/checklist-run-store.ts';
import { showNotice } from './progress.ts';
import { readStorage, writeStorage } from './storage.ts';

export function loadRuns(checklistId: string): RunStore {
  const key = runStoreKey(checklistId);
  const { store, notice } = parseRunStore(readStorage(key));
  if (notice) {
    writeStorage(key, JSON.stringify(store));
    showNotice(notice);
  }
  return store;
}

/** False when the browser refused (storage full, disabled or private mode). */
export function saveRuns(checklistId: string, store: RunStore): boolean {
  return writeStorage(runStoreKey(checklistId), JSON.stringify(store));
}
