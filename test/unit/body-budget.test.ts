import { describe, expect, it } from 'vitest';
import { checkBudget, checkHtml, measureMarkdown, utf8Bytes } from '../../src/lib/sync/body-budget.ts';
import { MAX_PARSER_STEPS } from '../../src/lib/sync/body-limits.ts';
import { htmlNestingDepth } from '../../src/lib/sync/html-depth.ts';

const depth = (markdown: string) => measureMarkdown(markdown).depth;
const steps = (markdown: string) => measureMarkdown(markdown).parserSteps;

/** An issue as people write them: template headings, a task list, code, a table, details, links. */
const ORDINARY = `## Summary

The **export job** drops rows when a *field* contains \`|\` or \`**kwargs\` — see [#12](https://github.com/acme/r/issues/12).

<!-- Please describe what you expected. -->

### Steps

1. Run \`export --all\`
2. Open the file
   - look at row 3
   - compare with <kbd>Ctrl</kbd>+<kbd>F</kbd>

- [x] reproduced on main
- [ ] reproduced on 1.2

\`\`\`python
def f(*args, **kwargs):
    return [x for x in args if x > 0]  # <div> **not** markup
\`\`\`

| Field | Value |
| ----- | :---: |
| a_b   | 1     |

> Quoted from the log:
> \`ERROR [exporter] row 3\`

<details><summary>Log</summary>

\`\`\`
[2024-01-01] [INFO] start
\`\`\`

</details>

Thanks! ![screenshot](https://github.com/user-attachments/assets/0b5a7c8e-1f2a-4b3c-9d8e-7f6a5b4c3d2e)
`;

describe('measureMarkdown', () => {
  it('counts nested list markers, block quote markers and indentation as nesting', () => {
    expect(depth(`${'- '.repeat(1100)}deep`)).toBe(1100);
    expect(depth(`${'>'.repeat(2300)} deep`)).toBe(2300);
    expect(depth('> - 1. item')).toBe(3);
    expect(depth('- a\n  - b\n    - c')).toBe(3);
  });

  it('does not count a thematic break made of list markers as nesting', () => {
    expect(depth('- - -')).toBe(0);
    expect(depth(`${'* '.repeat(100)}\n`)).toBe(0);
    expect(depth('- * * *')).toBe(1);
  });

  it('counts empty list items, which nest as deep as full ones', () => {
    expect(depth('1. '.repeat(500))).toBe(500);
  });

  it('counts raw HTML tags left open, across lines, and not those that close', () => {
    expect(depth('<div>'.repeat(1600))).toBe(1600);
    expect(depth('<div>\n\n<div>\n\n<div>')).toBe(3);
    expect(depth(`${'<div><span>x</span></div>'.repeat(1000)}`)).toBe(2);
  });

  it('does not count tags in code spans or fenced code', () => {
    expect(depth('`<Modal>` and `<div>` '.repeat(100))).toBe(0);
    expect(depth(`\`\`\`html\n${'<div>\n'.repeat(100)}\`\`\``)).toBe(0);
  });

  it('counts a long run of emphasis delimiters, and single delimiters that each open', () => {
    expect(depth(`${'*'.repeat(5100)}word${'*'.repeat(5100)}`)).toBe(5100);
    expect(depth(`${'*a '.repeat(2600)}x${' a*'.repeat(2600)}`)).toBe(2600);
    expect(depth(`${'_a '.repeat(100)}x`)).toBe(100);
  });

  it('does not count emphasis that closes, intraword underscores or delimiters inside tags', () => {
    expect(depth('*a* **b** _c_ ~~d~~ snake_case_name '.repeat(200))).toBeLessThanOrEqual(2);
    expect(depth('<a href="https://x.example" target="_blank">x</a> '.repeat(100))).toBe(1);
  });

  it('counts brackets left open', () => {
    expect(depth('['.repeat(300))).toBe(300);
    expect(depth('[a](b) [c] '.repeat(300))).toBeLessThanOrEqual(1);
  });

  it('reads a fence indented by four columns as code text, not as a fence hiding what follows', () => {
    expect(depth(`    \`\`\`\n${'- '.repeat(100)}deep`)).toBe(100);
  });

  it('ends a fence with its block quote, as the parser does', () => {
    expect(depth(`> \`\`\`\n${'- '.repeat(100)}deep`)).toBe(100);
  });

  it('multiplies each table’s columns by its rows, header row included', () => {
    expect(
      measureMarkdown(`|${'a|'.repeat(2000)}\n|${'-|'.repeat(2000)}\n${'|b\n'.repeat(2000)}`).tableCells,
    ).toBe(4_002_000);
    expect(measureMarkdown('a | b\n--- | :-:\n1 | 2\n\n| c |\n|---|\n| 3 |\n').tableCells).toBe(6);
    expect(measureMarkdown('a\n---\n').tableCells).toBe(0);
  });

  it('counts footnote references', () => {
    expect(measureMarkdown(`${'[^1]'.repeat(16_380)}`).footnoteReferences).toBe(16_380);
  });

  it('estimates the rendered size from the elements containers become', () => {
    expect(measureMarkdown(`${'>'.repeat(60)} x\n\n`.repeat(1000)).htmlBytes).toBeGreaterThan(1_000_000);
  });

  it('estimates parser steps that grow with the square of a paragraph of unmatched closers', () => {
    const one = steps('a_ '.repeat(1000));
    expect(steps('a_ '.repeat(2000))).toBeGreaterThan(3.5 * one);
    expect(steps('a_ '.repeat(1000) + '\n\n' + 'a_ '.repeat(1000))).toBeLessThan(2.5 * one);
  });

  it('estimates parser steps for lazy lines and for list items and quotes that close', () => {
    expect(steps(`> x\n${'y\n'.repeat(4000)}`)).toBeGreaterThan(MAX_PARSER_STEPS);
    expect(steps('- a\n'.repeat(4000))).toBeGreaterThan(MAX_PARSER_STEPS);
    expect(steps('> a\n\n'.repeat(4000))).toBeGreaterThan(MAX_PARSER_STEPS);
    expect(steps('- [ ] #1234 fix it\n'.repeat(1000))).toBeLessThan(MAX_PARSER_STEPS);
  });

  it('estimates parser steps for words inside an open bracket, which each walk back to it', () => {
    expect(steps(`![${'abc '.repeat(12_000)}](https://x.example/a.png)`)).toBeGreaterThan(MAX_PARSER_STEPS);
  });

  it('keeps a paragraph whole across lines that cannot interrupt it', () => {
    const paragraph = (interrupt: string) => steps(`${'a_ '.repeat(300)}\n${interrupt}\n`.repeat(20));
    const whole = paragraph('');
    expect(paragraph('2. item')).toBeGreaterThan(whole * 0.9);
    expect(paragraph('    - indented')).toBeGreaterThan(whole * 0.9);
    expect(paragraph('*')).toBeGreaterThan(whole * 0.9);
  });

  it('finds an ordinary issue well within every limit', () => {
    expect(measureMarkdown(ORDINARY)).toMatchObject({ tableCells: 4, footnoteReferences: 0 });
    expect(depth(ORDINARY)).toBeLessThanOrEqual(4);
    expect(checkBudget(ORDINARY)).toBeNull();
  });

  it('handles every kind of line ending', () => {
    expect(depth('- a\r\n  - b\r    - c\n')).toBe(3);
  });
});

describe('checkBudget', () => {
  it('says why a body is over a limit, in words for the reader', () => {
    expect(checkBudget('x'.repeat(71_680))).toBe('the body is 70 KB, over the 64 KB limit');
    expect(checkBudget(`${'- '.repeat(1100)}deep`)).toBe(
      'the body is nested 1,100 levels deep, over the limit of 64',
    );
    expect(checkBudget(`|${'a|'.repeat(100)}\n|${'-|'.repeat(100)}\n${'|b\n'.repeat(100)}`)).toBe(
      "the body's tables have 10,100 cells, over the limit of 5,000",
    );
    expect(checkBudget('[^1] '.repeat(600))).toBe(
      'the body has 600 footnote references, over the limit of 500',
    );
    expect(checkBudget(`${'>'.repeat(60)} x\n\n`.repeat(200))).toMatch(
      /^the body would render to about [\d,]+ KB, over the 256 KB limit$/,
    );
    expect(checkBudget('a_ '.repeat(20_000))).toMatch(
      /^the body would take an estimated [\d,]+ parser steps to render, over the limit of 100,000,000$/,
    );
  });

  it('counts the length in code points, so an emoji body is not over for its UTF-16 length', () => {
    expect(checkBudget('😀'.repeat(40_000))).toBeNull();
    expect(checkBudget('😀'.repeat(65_537))).toBe('the body is 65 KB, over the 64 KB limit');
  });

  it('accepts a body at GitHub’s own limit of plain text', () => {
    expect(checkBudget('word '.repeat(13_107))).toBeNull();
  });
});

describe('htmlNestingDepth', () => {
  it('gives the exact depth of well-formed HTML', () => {
    expect(htmlNestingDepth('<p>a <b>b</b></p><ul><li><p>c</p></li></ul>')).toBe(3);
    expect(
      htmlNestingDepth('<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>b</td></tr></tbody></table>'),
    ).toBe(4);
    expect(htmlNestingDepth(`${'<div>'.repeat(8000)}${'</div>'.repeat(8000)}`)).toBe(8000);
  });

  it('does not count void elements', () => {
    expect(htmlNestingDepth('<br><img src="x"><hr><input><p>x<br></p>')).toBe(1);
  });

  it('counts start tags even inside comments and attribute values, where the parser may yet see them', () => {
    expect(htmlNestingDepth('<!-- <div> --><p title="<div>">x</p>')).toBe(3);
  });

  it('never lets an end tag close more than the parser surely does', () => {
    // `</div>` cannot close across the span, `</span>` cannot close a `<div>`, and a `</p>` in a
    // comment or an attribute closes nothing: each of these nests deeper in a browser.
    expect(htmlNestingDepth('<div><span></div>'.repeat(100))).toBe(200);
    expect(htmlNestingDepth('<div></span>'.repeat(100))).toBe(100);
    expect(htmlNestingDepth('<p title="</p>">'.repeat(100))).toBeGreaterThanOrEqual(1);
    expect(htmlNestingDepth('<div title="</div>">'.repeat(100))).toBe(100);
    expect(htmlNestingDepth('<div><!-- </div> -->'.repeat(100))).toBe(100);
  });

  it('closes siblings as the parser does: an unclosed <li> or <p> does not nest', () => {
    expect(htmlNestingDepth('<ul>' + '<li>x'.repeat(100) + '</ul>')).toBe(2);
    expect(htmlNestingDepth('<p>a'.repeat(100))).toBe(1);
  });

  it('counts the rows and sections the parser inserts in tables', () => {
    expect(htmlNestingDepth('<table><td>x</table>')).toBe(4);
    expect(htmlNestingDepth('<table><tr><td>x</table>')).toBe(4);
  });

  it('is robust to garbage: unclosed quotes, stray brackets, bogus comments', () => {
    expect(htmlNestingDepth('<<<>>> </> <!x> <? a ?> <div title="unclosed <div> <div>')).toBe(3);
    expect(htmlNestingDepth('<'.repeat(10_000))).toBe(0);
    expect(htmlNestingDepth('<a b="'.repeat(10_000))).toBeGreaterThanOrEqual(1);
  });
});

describe('checkHtml', () => {
  it('says why stored HTML is too large or too deep', () => {
    expect(checkHtml(`<p>${'x'.repeat(300_000)}</p>`)).toBe(
      'the rendered body is 293 KB, over the 256 KB limit',
    );
    expect(checkHtml('<div>'.repeat(300))).toBe(
      'the rendered body is nested 300 levels deep, over the limit of 256',
    );
    expect(checkHtml('<p>fine</p>')).toBeNull();
  });

  it('counts UTF-8 bytes, four for an astral character and three for a lone surrogate', () => {
    expect(utf8Bytes('aé€😀\ud800')).toBe(1 + 2 + 3 + 4 + 3);
  });
});
