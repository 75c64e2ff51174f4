/**
 * <knowledge-check>: turns the question list of KnowledgeCheck.astro into a check that measures.
 * On upgrade it reads the answer section that follows the questions (what a reader without
 * JavaScript gets) into memory and removes it, so nothing in the live page tells right options
 * from wrong before the reader submits; it shuffles each question's options for this attempt
 * ("Try again" reshuffles). A submission with unanswered questions is refused and names them.
 * After a scored submission: a verdict per question and per option, every explanation, the score
 * at the top and beside the button, focus on the result, and the attempt saved to progress.
 */
import { recordAttempt } from '../lib/learn/progress-store.ts';
import { scoreQuiz, unanswered, type QuizScore, type Verdict } from '../lib/learn/quiz-scoring.ts';
import { permutation } from '../lib/learn/shuffle.ts';
import { el } from './dom.ts';
import { loadProgress, saveProgress } from './progress.ts';

const VERDICT_TEXT: Record<Verdict, string> = { right: 'Right', partly: 'Partly right', wrong: 'Wrong' };
interface Question {
  fieldset: HTMLFieldSetElement;
  options: HTMLUListElement;
  inputs: HTMLInputElement[];
  right: number[];
  explanations: string[];
}

class KnowledgeCheck extends HTMLElement {
  #questions: Question[] = [];
  #threshold = 0.8;

  connectedCallback() {
    const form = this.querySelector('form');
    const answers = this.querySelector('[data-quiz-answers]');
    const submit = this.querySelector<HTMLButtonElement>('[data-quiz-submit]');
    const retry = this.querySelector<HTMLButtonElement>('[data-quiz-retry]');
    if (!form || !answers || !submit || !retry || this.#questions.length > 0) return;
    this.#threshold = Number(this.dataset['pass'] ?? '0.8');
    const keys = [...answers.querySelectorAll<HTMLElement>('[data-answer]')];
    this.#questions = [...this.querySelectorAll<HTMLFieldSetElement>('fieldset[data-question]')].map(
      (fieldset, qi) => {
        const key = keys[qi];
        return {
          fieldset,
          options: fieldset.querySelector('ul')!,
          inputs: [...fieldset.querySelectorAll('input')],
          right: (key?.dataset['key'] ?? '').split(' ').filter(Boolean).map(Number),
          explanations: [...(key?.querySelectorAll('[data-explains]') ?? [])].map((e) => e.textContent ?? ''),
        };
      },
    );
    answers.remove();
    this.#shuffle();
    submit.hidden = false;
    this.#setSubmittable();
    form.addEventListener('change', () => this.#setSubmittable());
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (this.dataset['state'] === 'scored') return;
      this.#check();
    });
    retry.addEventListener('click', () => this.#retry());
  }

  #part<T extends HTMLElement>(name: string): T {
    return this.querySelector<T>(`[data-quiz-${name}]`)!;
  }

  #answers(): number[][] {
    return this.#questions.map((q) =>
      q.inputs.flatMap((input) => (input.checked ? [Number(input.value)] : [])),
    );
  }

  /** "Check answers" reads as unavailable until something changes; it stays focusable and explains itself. */
  #setSubmittable() {
    const untouched = this.#answers().every((a) => a.length === 0) || this.dataset['state'] === 'scored';
    this.#part('submit').setAttribute('aria-disabled', String(untouched));
    for (const q of this.#questions) {
      if (q.inputs.some((i) => i.checked)) q.fieldset.querySelector('[data-missing]')?.remove();
    }
  }

  #shuffle() {
    for (const q of this.#questions) {
      const items = [...q.options.children];
      for (const i of permutation(items.length)) q.options.append(items[i]!);
    }
  }

  #check() {
    const status = this.#part('status');
    const answers = this.#answers();
    const missing = unanswered(answers, this.#questions.length);
    this.querySelectorAll('[data-missing]').forEach((m) => m.remove());
    if (missing.length > 0) {
      status.replaceChildren(
        missing.length === this.#questions.length
          ? `Choose your answers first: none of the ${missing.length} questions is answered yet.`
          : `Answer every question before checking: question${missing.length > 1 ? 's' : ''} `,
      );
      if (missing.length < this.#questions.length) {
        missing.forEach((q, i) => {
          if (i > 0) status.append(i === missing.length - 1 ? ' and ' : ', ');
          status.append(el('a', { href: `#question-${q + 1}` }, String(q + 1)));
        });
        status.append(` ${missing.length > 1 ? 'have' : 'has'} no answer yet.`);
        for (const q of missing) {
          const note = el('p', { className: 'notice' }, 'Choose an answer.');
          note.dataset['missing'] = '';
          this.#questions[q]!.fieldset.append(note);
        }
      }
      status.focus();
      return;
    }
    const result = scoreQuiz(
      this.#questions.map((q) => q.right),
      answers,
      this.#threshold,
    );
    this.#questions.forEach((q, qi) => this.#showFeedback(q, result.questions[qi]!.verdict));
    const moduleId = this.dataset['moduleId'] ?? '';
    const record = recordAttempt(loadProgress(), moduleId, result.score, result.passed, new Date());
    saveProgress(record);
    this.#showResult(result, Boolean(record.modules[moduleId]?.completedAt));
    this.dataset['state'] = 'scored';
    this.dataset['passed'] = String(result.passed);
    status.textContent = '';
    this.#setSubmittable();
    this.#part('retry').hidden = false;
    this.#part('result').focus();
    document.dispatchEvent(new CustomEvent('tandem:progress'));
  }

  #showFeedback(q: Question, verdict: Verdict) {
    q.fieldset.dataset['verdict'] = verdict;
    q.fieldset
      .querySelector('legend')!
      .after(el('p', { className: `question-verdict verdict-${verdict}` }, `${VERDICT_TEXT[verdict]}.`));
    for (const input of q.inputs) {
      const option = Number(input.value);
      const right = q.right.includes(option);
      const feedback = input.checked
        ? right
          ? 'Your choice: right.'
          : 'Your choice: wrong.'
        : right
          ? 'Missed: this option is right.'
          : 'Not chosen, and rightly so.';
      const li = input.closest('li')!;
      li.dataset['feedback'] = input.checked ? (right ? 'right' : 'wrong') : right ? 'missed' : 'none';
      li.append(
        el(
          'p',
          { className: 'option-feedback' },
          el('strong', {}, feedback),
          ' ',
          q.explanations[option] ?? '',
        ),
      );
      input.disabled = true;
    }
  }

  #showResult(result: QuizScore, completed: boolean) {
    const percent = `${Math.round(result.score * 100)} %`;
    const needed = Math.ceil(this.#threshold * result.total);
    const summary = `${result.right} of ${result.total} right (${percent})`;
    const headline = result.passed
      ? `Passed: ${summary}. This module is marked complete.`
      : `Not passed yet: ${summary}; ${needed} needed.${completed ? ' You passed it earlier, so it stays complete.' : ''}`;
    const box = this.#part('result');
    box.replaceChildren(
      el('p', {}, el('strong', {}, headline)),
      el('p', {}, 'Each question below now shows its verdict and why every option is right or wrong.'),
    );
    box.hidden = false;
    box.dataset['passed'] = String(result.passed);
    this.#part('score').textContent = `${summary}${result.passed ? ', passed' : ', not passed'}`;
  }

  #retry() {
    this.querySelector('form')!.reset();
    for (const q of this.#questions) {
      delete q.fieldset.dataset['verdict'];
      q.fieldset
        .querySelectorAll('.question-verdict, .option-feedback, [data-missing]')
        .forEach((n) => n.remove());
      q.fieldset.querySelectorAll('li').forEach((li) => delete li.dataset['feedback']);
      q.inputs.forEach((i) => (i.disabled = false));
    }
    this.#shuffle();
    delete this.dataset['state'];
    delete this.dataset['passed'];
    this.#part('result').hidden = true;
    this.#part('score').textContent = '';
    this.#part('status').textContent = 'New attempt: the options are in a new order.';
    this.#part('retry').hidden = true;
    this.#setSubmittable();
    this.#questions[0]?.options.querySelector('input')?.focus();
  }
}

customElements.define('knowledge-check', KnowledgeCheck);
