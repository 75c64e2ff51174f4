import { z } from 'astro/zod';

/** One answer option of a knowledge-check question. */
const optionSchema = z.object({
  /** The option as the reader sees it. */
  text: z.string().min(1),
  /** Whether choosing this option is right. */
  correct: z.boolean().default(false),
  /** Why this option is right or wrong, shown after answering. */
  explanation: z.string().min(10, 'every option needs an explanation of at least 10 characters'),
});

/** One question; more than one correct option makes it a multiple-choice ("select all") question. */
const questionSchema = z
  .object({
    /** The question text. */
    prompt: z.string().min(10),
    /** Two or more answer options. */
    options: z.array(optionSchema).min(2, 'a question needs at least 2 options'),
  })
  .refine((q) => q.options.some((o) => o.correct), 'a question needs at least one correct option')
  .transform((q) => ({ ...q, multiple: q.options.filter((o) => o.correct).length > 1 }));

/** The knowledge check closing a module. */
export const quizSchema = z.object({
  /** Share of questions answered fully right needed to pass (0–1); default 0.8. */
  passThreshold: z.number().min(0).max(1).default(0.8),
  /** At least five questions. */
  questions: z.array(questionSchema).min(5, 'a knowledge check needs at least 5 questions'),
});

export type Quiz = z.infer<typeof quizSchema>;
