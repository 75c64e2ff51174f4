/**
 * <knowledge-check>: progressive enhancement of the plain question list rendered by
 * KnowledgeCheck.astro. Adds "Check answers", per-option feedback, a score announced through
 * aria-live, saving a pass to the progress store, and "Try again".
 */
import { recordAttempt } from '../lib/progress-store.ts';
import { scoreQuiz } from '../lib/quiz-scoring.ts';
import { loadProgress, saveProgress } from './progress.ts';

class KnowledgeCheck extends HTMLElement {
  connectedCallback() {
    const form = this.querySelector('form');
    const status = this.querySelector<HTMLElement>('[data-quiz-status]');
    const retry = this.querySelector<HTMLButtonElement>('[data-quiz-retry]');
    const submit = this.querySelector<HTMLButtonElement>('[data-quiz-submit]');
    if (!form || !status || !retry || !submit) return;
    submit.hidden = false;
    const moduleId = this.dataset['moduleId'] ?? '';
    const threshold = Number(this.dataset['pass'] ?? '0.8');
    const questions = [...this.querySelectorAll<HTMLFieldSetElement>('fieldset[data-question]')];
    // The explanations stay available but closed until the reader has answered.
    questions.forEach((q) => q.querySelectorAll('details').forEach((d) => (d.hidden = true)));

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const inputs = questions.map((q) => [...q.querySelectorAll<HTMLInputElement>('input')]);
      const key = inputs.map((opts) => opts.flatMap((o, i) => (o.dataset['correct'] === 'true' ? [i] : [])));
      const answers = inputs.map((opts) => opts.flatMap((o, i) => (o.checked ? [i] : [])));
      const result = scoreQuiz(key, answers, threshold);
      questions.forEach((q, qi) => {
        const scored = result.questions[qi]!;
        q.dataset['result'] = scored.correct ? 'right' : 'wrong';
        inputs[qi]!.forEach((input) => {
          const li = input.closest('li')!;
          const verdict = li.querySelector<HTMLElement>('[data-verdict]')!;
          const chosen = input.checked;
          const correct = input.dataset['correct'] === 'true';
          verdict.textContent = chosen
            ? correct
              ? 'Right choice.'
              : 'Wrong choice.'
            : correct
              ? 'Missed: this option is correct.'
              : '';
          li.dataset['feedback'] = chosen ? (correct ? 'right' : 'wrong') : correct ? 'missed' : '';
          const details = li.querySelector('details')!;
          details.hidden = false;
          details.open = chosen || correct;
          input.disabled = true;
        });
      });
      const record = recordAttempt(loadProgress(), moduleId, result.score, result.passed, new Date());
      saveProgress(record);
      const passedBefore = record.modules[moduleId]?.completedAt;
      status.textContent = `${result.right} of ${result.total} right (${Math.round(result.score * 100)}%). ${
        result.passed
          ? 'Passed: this module is marked complete.'
          : `Not passed yet: ${Math.ceil(threshold * result.total)} needed.${passedBefore ? ' (You passed it earlier; it stays complete.)' : ''}`
      }`;
      this.dataset['state'] = result.passed ? 'passed' : 'failed';
      submit.hidden = true;
      retry.hidden = false;
      status.focus();
      document.dispatchEvent(new CustomEvent('tandem:progress'));
    });

    retry.addEventListener('click', () => {
      form.reset();
      questions.forEach((q) => {
        delete q.dataset['result'];
        q.querySelectorAll('input').forEach((i) => (i.disabled = false));
        q.querySelectorAll<HTMLElement>('[data-verdict]').forEach((v) => (v.textContent = ''));
        q.querySelectorAll('li').forEach((li) => delete li.dataset['feedback']);
        q.querySelectorAll('details').forEach((d) => ((d.open = false), (d.hidden = true)));
      });
      status.textContent = '';
      delete this.dataset['state'];
      retry.hidden = true;
      submit.hidden = false;
      questions[0]?.querySelector('input')?.focus();
    });
  }
}

customElements.define('knowledge-check', KnowledgeCheck);
