/**
 * Scoring of a knowledge check. A question counts as right only when the chosen options are
 * exactly the correct ones (for "select all that apply", every correct option and no other).
 */
export interface ScoredQuestion {
  correct: boolean;
  /** Options the reader chose that are wrong. */
  wrongChoices: number[];
  /** Correct options the reader did not choose. */
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

/** `key[q]` lists the indexes of the correct options of question q; `answers[q]` the chosen ones. */
export function scoreQuiz(key: number[][], answers: number[][], passThreshold: number): QuizScore {
  const questions = key.map((correctOptions, q) => {
    const chosen = new Set(answers[q] ?? []);
    const correctSet = new Set(correctOptions);
    const wrongChoices = [...chosen].filter((o) => !correctSet.has(o)).sort((a, b) => a - b);
    const missed = correctOptions.filter((o) => !chosen.has(o));
    return { correct: wrongChoices.length === 0 && missed.length === 0, wrongChoices, missed };
  });
  const right = questions.filter((q) => q.correct).length;
  const total = key.length;
  const score = total === 0 ? 0 : right / total;
  // A tiny epsilon so 4/5 passes a threshold of 0.8 despite floating point.
  return { questions, right, total, score, passed: total > 0 && score + 1e-9 >= passThreshold };
}
