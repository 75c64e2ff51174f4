/**
 * Records that the reader opened a module page (its lastVisitedAt), for the module named by
 * the page's `[data-visit-module]` element. Exports nothing: importing it is the visit.
 */
import { recordVisit } from '../lib/learn/progress-store.ts';
import { loadProgress, PROGRESS_EVENT, saveProgress } from './progress.ts';

const moduleId = document.querySelector<HTMLElement>('[data-visit-module]')?.dataset['visitModule'];
if (moduleId) {
  saveProgress(recordVisit(loadProgress(), moduleId, new Date()), { quiet: true });
  document.dispatchEvent(new CustomEvent(PROGRESS_EVENT));
}
