import { markdownToHtml } from 'satteri';
import { describe, expect, it } from 'vitest';
import { focusablePre } from '../../src/lib/satteri-focusable-pre.ts';

const render = async (md: string) => (await markdownToHtml(md, { hastPlugins: [focusablePre] })).html;

describe('focusablePre (Sätteri hast plugin)', () => {
  it('makes code blocks keyboard-focusable', async () => {
    expect(await render('```js\nlet x = 1;\n```\n')).toMatch(/<pre[^>]* tabindex="0"/);
  });

  it('wraps a table in a focusable region named by its column headers', async () => {
    const html = await render('| Stage | What *can* go wrong |\n|---|---|\n| data | poisoning |\n');
    expect(html).toMatch(
      /^<section class="table-scroll" aria-label="Table: Stage, What can go wrong" tabindex="0"><table>/,
    );
    expect(html.trim()).toMatch(/<\/table><\/section>$/);
  });

  it('wraps every table of a document once', async () => {
    const table = '| A |\n|---|\n| 1 |\n';
    const html = await render(`${table}\ntext\n\n${table}`);
    expect(html.match(/class="table-scroll"/g)).toHaveLength(2);
    expect(html.match(/<table>/g)).toHaveLength(2);
  });
});
