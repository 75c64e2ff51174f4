/**
 * Scoring of a knowledge check. A question counts as right only when the chosen options are
 * exactly the right ones (for "select all that apply", every right option and no other); a
 * multiple-answer question with some right options chosen is "partly right" but scores 0.
 */
export type Verdict = 'right' | 'partly' | 'wrong';

export interface ScoredQuestion {
  verdict: Verdict;
  /** Options the reader chose that are wrong. */
  wrongChoices: number[];
  /** Right options the reader did not choose. */
  missed: number[];
}

export interface QuizScore {
  questions: ScoredQuestion[];
  right: number;
  total: number;
  /** right / total, 0–1. */
  score: number;
  passed: boolean;
}

/** Questions (0-based) with no option chosen; a check with any of them is not scored. */
export function unanswered(answers: number[][], total: number): number[] {
  return Array.from({ length: total }, (_, q) => q).filter((q) => (answers[q] ?? []).length === 0);
}

/** `key[q]` lists the indexes of the right options of question q; `answers[q]` the chosen ones. */
export function scoreQuiz(key: number[][], answers: number[][], passThreshold: number): QuizScore {
  const questions = key.map((rightOptions, q): ScoredQuestion => {
    const chosen = new Set(answers[q] ?? []);
    const rightSet = new Set(rightOptions);
    const wrongChoices = [...chosen].filter((o) => !rightSet.has(o)).sort((a, b) => a - b);
    const missed = rightOptions.filter((o) => !chosen.has(o));
    const hits = rightOptions.length - missed.length;
    const verdict =
      wrongChoices.length === 0 && missed.length === 0
        ? 'right'
        : rightOptions.length > 1 && hits > 0
          ? 'partly'
          : 'wrong';
    return { verdict, wrongChoices, missed };
  });
  const right = questions.filter((q) => q.verdict === 'right').length;
  const total = key.length;
  const score = total === 0 ? 0 : right / total;
  // A tiny epsilon so 4/5 passes a threshold of 0.8 despite floating point.
  return { questions, right, total, score, passed: total > 0 && score + 1e-9 >= passThreshold };
}
