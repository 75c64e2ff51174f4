import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highlight, matchRanges } from '../../src/lib/search/highlight.ts';

const marked = (text: string, forms: string[]) =>
  highlight(text, forms)
    .map((s) => (s.mark ? `[${s.text}]` : s.text))
    .join('');

describe('highlight', () => {
  it('marks every written form the query matched, keeping the text’s own case', () => {
    expect(
      marked('Poisoning: attackers poison data; poisoned samples.', ['poisoning', 'poison', 'poisoned']),
    ).toBe('[Poisoning]: attackers [poison] data; [poisoned] samples.');
  });

  it('marks only those forms, not other words that share their stem or start', () => {
    expect(marked('poisons and poisonous poison', ['poison'])).toBe('poisons and poisonous [poison]');
  });

  it('leaves punctuation around a word and words joined by hyphens unmarked', () => {
    expect(marked('(drift), pre-deployment drift-monitoring', ['drift', 'deployment'])).toBe(
      '([drift]), pre-[deployment] [drift]-monitoring',
    );
  });

  it('marks taxonomy IDs as the index reads them', () => {
    expect(marked('Tagged ML02:2023 and AML.T0020.', ['ml02:2023', 'aml.t0020'])).toBe(
      'Tagged [ML02:2023] and [AML.T0020].',
    );
  });

  it('returns the whole text as one plain segment when nothing matches', () => {
    expect(highlight('nothing here', ['drift'])).toEqual([{ text: 'nothing here', mark: false }]);
    expect(highlight('nothing here', [])).toEqual([{ text: 'nothing here', mark: false }]);
    expect(highlight('', [])).toEqual([{ text: '', mark: false }]);
  });

  it('keeps markup in the text as text, for the browser to put in text nodes', () => {
    expect(highlight('<img src=x onerror=alert(1)> poison', ['poison'])).toEqual([
      { text: '<img src=x onerror=alert(1)> ', mark: false },
      { text: 'poison', mark: true },
    ]);
    expect(marked('<mark>poison</mark>', ['poison'])).toBe('<mark>poison</mark>');
  });

  it('always covers the text exactly, in order, with ranges inside it that hold a form', () => {
    fc.assert(
      fc.property(
        fc
          .array(
            fc.oneof(
              fc.constantFrom('Poison', 'poisoned', ' ', '-', '(', 'ML02:2023'),
              fc.string({ unit: 'grapheme' }),
            ),
          )
          .map((parts) => parts.join('')),
        fc.array(fc.constantFrom('poison', 'poisoned', 'data', 'a', 'ml02:2023', ''), { maxLength: 4 }),
        (text, forms) => {
          expect(
            highlight(text, forms)
              .map((s) => s.text)
              .join(''),
          ).toBe(text);
          let last = 0;
          for (const [start, end] of matchRanges(text, new Set(forms))) {
            expect(start).toBeGreaterThanOrEqual(last);
            expect(end).toBeGreaterThan(start);
            expect(forms).toContain(text.slice(start, end).toLowerCase());
            last = end;
          }
          expect(last).toBeLessThanOrEqual(text.length);
        },
      ),
      { numRuns: 400 },
    );
  });
});
