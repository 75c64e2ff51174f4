import type { Quiz } from '../../schemas/quiz.ts';

export interface QuestionKey {
  /** Indexes (in source order) of the right options. */
  right: number[];
  /** Their texts, for the answer section readers without JavaScript get. */
  rightText: string[];
}

/** The answer key of a knowledge check, rendered only in the answer section after the questions. */
export function answerKey(quiz: Quiz): QuestionKey[] {
  return quiz.questions.map((q) => {
    const right = q.options.flatMap((o, i) => (o.correct ? [i] : []));
    return { right, rightText: right.map((i) => q.options[i]!.text) };
  });
}
