/**
 * Knowledge checks in tests: the answer key is read from the built HTML's answer section (what a
 * reader without JavaScript gets), never from the live page, which must not reveal it.
 */
import type { Page } from 'playwright-core';
import type { BuiltPage } from '../site/dist.ts';

export interface QuestionKey {
  /** Source-order values of the right options. */
  right: string[];
  explanations: string[];
}

export function quizKey(page: BuiltPage): QuestionKey[] {
  return page.dom.querySelectorAll('[data-quiz-answers] [data-answer]').map((li) => ({
    right: (li.getAttribute('data-key') ?? '').split(' ').filter(Boolean),
    explanations: li.querySelectorAll('[data-explains]').map((e) => e.text.trim()),
  }));
}

/** Ticks the right options (or, for the first `wrong` questions, only wrong ones). */
export async function answerQuiz(page: Page, key: QuestionKey[], wrong = 0): Promise<void> {
  for (const [q, k] of key.entries()) {
    const inputs = page.locator(`knowledge-check input[name="q${q}"]`);
    const count = await inputs.count();
    for (let o = 0; o < count; o++) {
      const input = inputs.nth(o);
      const right = k.right.includes((await input.getAttribute('value'))!);
      if (q < wrong ? !right : right) {
        await input.check();
        if (q < wrong) break;
      }
    }
  }
}

/** Presses "Check answers" the way a keyboard user does (it may read as unavailable). */
export async function submitQuiz(page: Page): Promise<void> {
  await page.locator('[data-quiz-submit]').focus();
  await page.keyboard.press('Enter');
}
