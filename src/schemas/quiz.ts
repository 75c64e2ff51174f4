import { z } from 'astro/zod';
import { unknownKeysError } from '../lib/unknown-keys.ts';

/** Explanations give the reason; the interface shows whether an option was right. */
const VERDICT = /^\s*(?:not\s+)?(?:in)?correct\b/i;
/** The interface adds "(select all that apply)" to questions with more than one right option. */
const SELECT_ALL = /select all that apply/i;

/** One answer option of a knowledge-check question. */
const optionSchema = z.strictObject(
  {
    /** The option as the reader sees it. */
    text: z.string().min(1),
    /** Whether choosing this option is right. */
    correct: z.boolean().default(false),
    /** Why this option is right or wrong, shown after answering; it starts with the reason, not a verdict. */
    explanation: z
      .string()
      .min(10, 'every option needs an explanation of at least 10 characters')
      .refine(
        (e) => !VERDICT.test(e),
        'an explanation must not start with "Correct" or "Not correct": the interface shows the verdict',
      ),
  },
  { error: unknownKeysError },
);

/** One question; more than one right option makes it a multiple-choice ("select all") question. */
const questionSchema = z
  .strictObject(
    {
      /** The question text, without "(select all that apply)": the interface adds it. */
      prompt: z
        .string()
        .min(10)
        .refine(
          (p) => !SELECT_ALL.test(p),
          'leave "select all that apply" out of the prompt: the interface adds it',
        ),
      /** Two or more answer options, in any order: the page shuffles them per attempt. */
      options: z.array(optionSchema).min(2, 'a question needs at least 2 options'),
    },
    { error: unknownKeysError },
  )
  .refine((q) => q.options.some((o) => o.correct), 'a question needs at least one correct option')
  .transform((q) => ({ ...q, multiple: q.options.filter((o) => o.correct).length > 1 }));

/** Positions of the right options, e.g. "1" or "2+3". */
const rightPositions = (q: { options: Array<{ correct: boolean }> }) =>
  q.options.flatMap((o, i) => (o.correct ? [i + 1] : [])).join('+');

/** The knowledge check closing a module. */
export const quizSchema = z.strictObject(
  {
    /** Share of questions answered fully right needed to pass (0–1); default 0.8. */
    passThreshold: z.number().min(0).max(1).default(0.8),
    /** At least five questions, whose right answers do not all sit in the same position. */
    questions: z
      .array(questionSchema)
      .min(5, 'a knowledge check needs at least 5 questions')
      .superRefine((questions, ctx) => {
        const positions = new Set(questions.map(rightPositions));
        if (questions.length > 1 && positions.size === 1) {
          ctx.addIssue({
            code: 'custom',
            message: `every question puts its right answer at option ${[...positions][0]}: vary the positions so the order gives nothing away`,
          });
        }
      }),
  },
  { error: unknownKeysError },
);

export type Quiz = z.infer<typeof quizSchema>;
