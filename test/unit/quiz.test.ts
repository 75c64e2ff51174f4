import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { permutation } from '../../src/lib/learn/shuffle.ts';
import { scoreQuiz, unanswered } from '../../src/lib/learn/quiz-scoring.ts';
import { quizSchema } from '../../src/schemas/quiz.ts';

const fixture = readFileSync(
  new URL('../fixtures/content/modules/basics/first-module.mdx', import.meta.url),
  'utf8',
);
const good = parse(fixture.split(/^---$/m)[1]!).quiz;
const messages = (input: unknown) =>
  (quizSchema.safeParse(input).error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('quiz scoring', () => {
  const key = [[0], [1, 2], [3], [0], [2]];

  it('counts a multiple-answer question right only with exactly the right options, and calls a subset partly right', () => {
    const result = scoreQuiz(key, [[0], [1], [3], [0], [2]], 0.8);
    expect(result.questions[1]).toEqual({ verdict: 'partly', wrongChoices: [], missed: [2] });
    expect(result.right).toBe(4);
    expect(result.passed).toBe(true);
  });

  it('passes at exactly the threshold and fails just below it', () => {
    expect(scoreQuiz(key, [[0], [1, 2], [3], [0], [1]], 0.8)).toMatchObject({ score: 0.8, passed: true });
    expect(scoreQuiz(key, [[0], [1, 2], [3], [1], [1]], 0.8)).toMatchObject({ score: 0.6, passed: false });
  });

  it('calls a single-answer miss wrong, and a multiple-answer pick with no right option wrong', () => {
    const result = scoreQuiz(key, [[1], [0, 3]], 0.8);
    expect(result.questions[0]).toEqual({ verdict: 'wrong', wrongChoices: [1], missed: [0] });
    expect(result.questions[1]).toEqual({ verdict: 'wrong', wrongChoices: [0, 3], missed: [1, 2] });
    expect(result.questions[4]!.verdict).toBe('wrong');
    expect(result.right).toBe(0);
  });

  it('calls a multiple-answer pick with a right and a wrong option partly right', () => {
    expect(scoreQuiz(key, [[0], [1, 3]], 0.8).questions[1]!.verdict).toBe('partly');
  });

  it('lists the questions with no answer, so an incomplete check is not scored', () => {
    expect(unanswered([[0], [], [3]], 5)).toEqual([1, 3, 4]);
    expect(unanswered([[0], [1], [3], [0], [2]], 5)).toEqual([]);
  });
});

describe('option order per attempt', () => {
  it('is a permutation, reproducible for one random source and different across attempts', () => {
    const seeded = (seed: number) => () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const a = permutation(6, seeded(7));
    expect([...a].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(permutation(6, seeded(7))).toEqual(a);
    const orders = new Set(Array.from({ length: 50 }, () => permutation(4).join()));
    expect(orders.size).toBeGreaterThan(5);
  });

  it('puts the first option first in about a quarter of attempts, not always', () => {
    const firsts = Array.from({ length: 4000 }, () => permutation(4)[0]).filter((p) => p === 0).length;
    expect(firsts).toBeGreaterThan(800);
    expect(firsts).toBeLessThan(1200);
  });
});

describe('quiz schema', () => {
  it('accepts a quiz whose right answers vary in position', () => {
    expect(messages(good)).toEqual([]);
  });

  it('fails a quiz that puts the right answer in the same position in every question', () => {
    const same = {
      questions: Array.from({ length: 5 }, (_, i) => ({
        prompt: `Question number ${i + 1} asks something?`,
        options: [
          { text: 'B', explanation: 'Because B is the wrong one here.' },
          { text: 'A', correct: true, explanation: 'Because A is what the module teaches.' },
        ],
      })),
    };
    expect(messages(same)).toEqual([
      'questions: every question puts its right answer at option 2: vary the positions so the order gives nothing away',
    ]);
  });

  it('fails an explanation that starts with a verdict and a prompt that says "select all that apply"', () => {
    const quiz = structuredClone(good);
    quiz.questions[0].options[0].explanation = 'Correct. This is what the module says.';
    quiz.questions[1].prompt = 'Which of these apply? (Select all that apply.)';
    expect(messages(quiz)).toEqual([
      'questions.0.options.0.explanation: an explanation must not start with "Correct" or "Not correct": the interface shows the verdict',
      'questions.1.prompt: leave "select all that apply" out of the prompt: the interface adds it',
    ]);
  });
});
