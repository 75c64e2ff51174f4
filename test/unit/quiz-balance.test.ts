/**
 * The bundled knowledge checks give nothing away by their shape: right answers are spread over
 * positions, the right option of a single-answer question is rarely the longest, explanations do
 * not announce their verdict, and prompts leave "select all that apply" to the interface.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

interface Option {
  text: string;
  correct?: boolean;
  explanation: string;
}
interface Question {
  prompt: string;
  options: Option[];
}

const root = join(import.meta.dirname, '../../content/modules');
const modules = readdirSync(root, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.mdx'))
  .sort()
  .map((file) => {
    const text = readFileSync(join(root, file), 'utf8');
    const front = parse(text.split(/^---$/m)[1]!) as { quiz: { questions: Question[] } };
    return { file, questions: front.quiz.questions };
  });
const all = modules.flatMap((m) => m.questions.map((q) => ({ file: m.file, ...q })));
const single = all.filter((q) => q.options.filter((o) => o.correct).length === 1);
const isLongest = (q: Question) => {
  const right = q.options.find((o) => o.correct)!;
  return q.options.every((o) => o === right || o.text.length < right.text.length);
};

describe('bundled knowledge checks', () => {
  it('finds every module', () => {
    expect(modules.length).toBeGreaterThanOrEqual(18);
  });

  it('makes the right option the longest in at most 40 % of single-answer questions, overall and per module', () => {
    expect(single.filter(isLongest).length / single.length).toBeLessThanOrEqual(0.4);
    for (const m of modules) {
      const own = single.filter((q) => q.file === m.file);
      expect({ file: m.file, longest: own.filter(isLongest).length <= Math.ceil(own.length * 0.4) }).toEqual({
        file: m.file,
        longest: true,
      });
    }
  });

  it('spreads right answers over positions: no position holds more than 40 % of them', () => {
    const first = all.map((q) => q.options.findIndex((o) => o.correct));
    const counts = new Map<number, number>();
    for (const p of first) counts.set(p, (counts.get(p) ?? 0) + 1);
    expect(Math.max(...counts.values()) / all.length).toBeLessThanOrEqual(0.4);
    // Always ticking the first option (or all but the last in "select all") passes no module.
    for (const m of modules) {
      const right = m.questions.filter((q) => {
        const key = q.options.map((o) => Boolean(o.correct));
        const multiple = key.filter(Boolean).length > 1;
        const guess = key.map((_, i) => (multiple ? i < key.length - 1 : i === 0));
        return guess.every((g, i) => g === key[i]);
      }).length;
      expect({ file: m.file, passesBlind: right / m.questions.length >= 0.8 }).toEqual({
        file: m.file,
        passesBlind: false,
      });
    }
  });

  it('leaves verdicts and "select all" to the interface', () => {
    const verdicts = all.flatMap((q) =>
      q.options
        .filter((o) => /^\s*(not\s+)?(in)?correct\b/i.test(o.explanation))
        .map((o) => `${q.file}: ${o.explanation.slice(0, 40)}`),
    );
    expect(verdicts).toEqual([]);
    expect(all.filter((q) => /select all/i.test(q.prompt)).map((q) => `${q.file}: ${q.prompt}`)).toEqual([]);
  });
});
