import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { highlight, matchRanges } from '../../src/lib/search/highlight.ts';

const marked = (text: string, terms: string[]) =>
  highlight(text, terms)
    .map((s) => (s.mark ? `[${s.text}]` : s.text))
    .join('');

describe('highlight', () => {
  it('marks every form of a matched stem, keeping the text’s own case', () => {
    expect(marked('Poisoning: attackers poison data; poisoned samples.', ['poison'])).toBe(
      '[Poisoning]: attackers [poison] data; [poisoned] samples.',
    );
  });

  it('leaves punctuation around a word and words joined by hyphens unmarked', () => {
    expect(marked('(drift), pre-deployment drift-monitoring', ['drift', 'deploy'])).toBe(
      '([drift]), pre-[deployment] [drift]-monitoring',
    );
  });

  it('marks taxonomy IDs as the index tokenised them', () => {
    expect(marked('Tagged ML02:2023 and AML.T0020.', ['ml02:2023', 'aml.t0020'])).toBe(
      'Tagged [ML02:2023] and [AML.T0020].',
    );
  });

  it('returns the whole text as one plain segment when nothing matches', () => {
    expect(highlight('nothing here', ['drift'])).toEqual([{ text: 'nothing here', mark: false }]);
    expect(highlight('', [])).toEqual([{ text: '', mark: false }]);
  });

  it('keeps markup in the text as text, for the browser to put in text nodes', () => {
    expect(highlight('<img src=x onerror=alert(1)> poison', ['poison'])).toEqual([
      { text: '<img src=x onerror=alert(1)> ', mark: false },
      { text: 'poison', mark: true },
    ]);
  });

  it('always covers the text exactly, in order, with ranges inside it', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 200, unit: 'grapheme' }),
        fc.array(fc.constantFrom('poison', 'data', 'a', 'ml02:2023', ''), { maxLength: 4 }),
        (text, terms) => {
          expect(
            highlight(text, terms)
              .map((s) => s.text)
              .join(''),
          ).toBe(text);
          let last = 0;
          for (const [start, end] of matchRanges(text, new Set(terms))) {
            expect(start).toBeGreaterThanOrEqual(last);
            expect(end).toBeGreaterThan(start);
            last = end;
          }
          expect(last).toBeLessThanOrEqual(text.length);
        },
      ),
      { numRuns: 400 },
    );
  });
});
