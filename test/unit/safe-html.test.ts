import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { safeHtml } from '../../src/lib/safe-html.ts';
import { renderBody } from '../../src/lib/sync/body.ts';
import { XSS_PAYLOADS } from '../fixtures/hostile/payloads.ts';

const WEB = 'https://github.com';
/** safeHtml for input it must accept. */
const clean = (html: string) => {
  const out = safeHtml(html, WEB);
  if (out === null) throw new Error('safeHtml refused the input');
  return out;
};

describe('safeHtml (build-time re-sanitising of issue bodies)', () => {
  it.each(XSS_PAYLOADS)('leaves nothing executable in %s', (payload) => {
    // Judge the result as a browser would: by the elements and attributes it parses to.
    const elements = parse(clean(`<p>before</p>${payload}<p>after</p>`)).querySelectorAll('*');
    for (const el of elements) {
      expect(el.tagName.toLowerCase()).not.toMatch(
        /^(script|iframe|object|embed|style|link|meta|base|form|svg|math|template|video|marquee)$/,
      );
      // The only form field that survives is an inert task-list checkbox the page built itself.
      if (el.tagName.toLowerCase() === 'input') {
        expect(el.attributes).toMatchObject({ type: 'checkbox', disabled: '' });
        expect(
          Object.keys(el.attributes).filter((a) => !/^(type|disabled|checked|aria-label)$/.test(a)),
        ).toEqual([]);
      }
      for (const [name, value] of Object.entries(el.attributes)) {
        expect(name).not.toMatch(/^(on|style$|srcdoc$|formaction$)/i);
        expect(value.replace(/[\s\u0000-\u001f]/g, '')).not.toMatch(/^(javascript|vbscript|data):/i);
      }
    }
  });

  it('renders task lists as disabled checkboxes, each labelled by its item text', () => {
    const html = clean(
      '<ul class="contains-task-list"><li class="task-list-item"><input type="checkbox" checked disabled> Done</li>' +
        '<li class="task-list-item"><input type="checkbox" disabled> Open <strong>now</strong></li></ul>',
    );
    expect(html).toBe(
      '<ul class="contains-task-list">' +
        '<li class="task-list-item"><label><input type="checkbox" disabled checked> Done</label></li>' +
        '<li class="task-list-item"><label><input type="checkbox" disabled> Open <strong>now</strong></label></li></ul>',
    );
  });

  it('labels only the item text of a nested task list, never the sub-list, and keeps plain items plain', () => {
    const { bodyHTML } = renderBody(
      '- [x] parent\n  - [ ] child\n  - plain\n- after',
      'https://github.com/acme/r/issues/1',
      'full',
      WEB,
    );
    const dom = parse(clean(bodyHTML));
    const labels = dom.querySelectorAll('label');
    expect(labels.map((l) => [l.text.trim(), l.querySelector('input')!.hasAttribute('checked')])).toEqual([
      ['parent', true],
      ['child', false],
    ]);
    expect(labels.every((l) => l.querySelectorAll('ul, li, label').length === 0)).toBe(true);
    expect(dom.querySelectorAll('li.task-list-item')).toHaveLength(2);
    expect(dom.querySelectorAll('li:not(.task-list-item)').map((li) => li.text.trim())).toEqual([
      'plain',
      'after',
    ]);
  });

  it('labels the checkbox of a loose task list inside its paragraph', () => {
    const { bodyHTML } = renderBody(
      '1. [x] first\n\n   more\n2. [ ] second',
      'https://github.com/acme/r/issues/1',
      'full',
      WEB,
    );
    expect(clean(bodyHTML)).toContain(
      '<p><label><input type="checkbox" disabled checked> first</label></p>\n<p>more</p>',
    );
  });

  it('rebuilds each checkbox, so no attribute from the body reaches the page', () => {
    const html = clean(
      '<ul><li><input type="checkbox" checked id="x" name="n" value="v" form="f" tabindex="0" accesskey="k" title="t"' +
        ' aria-label="Click me" aria-labelledby="evil" aria-describedby="evil" onclick="alert(1)" style="x" autofocus> Item</li></ul>',
    );
    expect(html).toBe(
      '<ul class="contains-task-list"><li class="task-list-item"><label><input type="checkbox" disabled checked> Item</label></li></ul>',
    );
  });

  it('drops inputs that are not checkboxes instead of letting the allowlist turn them into one', () => {
    expect(
      clean(
        '<ul><li><input type="text" value="typed"> a</li><li><input> b</li><li><input type="image" src="https://x.example/i.png"> c</li></ul>',
      ),
    ).toBe('<ul><li> a</li><li> b</li><li> c</li></ul>');
  });

  it('writes a checkbox outside a task list as text, and names a task that has no text', () => {
    expect(clean('<p>see <input type="checkbox" checked> and <input type="checkbox"></p>')).toBe(
      '<p>see [x] and [ ]</p>',
    );
    expect(clean('<ul><li><input type="checkbox"></li></ul>')).toBe(
      '<ul class="contains-task-list"><li class="task-list-item"><label><input type="checkbox" disabled aria-label="Task with no text"></label></li></ul>',
    );
  });

  it('makes code blocks keyboard-focusable and keeps ordinary markup', () => {
    expect(
      clean(
        '<p><strong>Summary.</strong> <a href="https://github.com/acme/r/issues/1">link</a></p><pre><code>x = 1</code></pre>',
      ),
    ).toBe(
      '<p><strong>Summary.</strong> <a href="https://github.com/acme/r/issues/1">link</a></p><pre tabindex="0"><code>x = 1</code></pre>',
    );
  });

  it('returns an empty string for an empty body', () => {
    expect(safeHtml('  ', WEB)).toBe('');
  });

  it('refuses stored HTML nested 8,000 <div> deep, without throwing', () => {
    expect(safeHtml(`${'<div>'.repeat(8000)}x${'</div>'.repeat(8000)}`, WEB)).toBeNull();
    expect(safeHtml('<div>'.repeat(8000), WEB)).toBeNull();
  });

  it('refuses stored HTML over 256 KB', () => {
    expect(safeHtml(`<p>${'x'.repeat(262_144)}</p>`, WEB)).toBeNull();
  });

  it('keeps stored HTML as deep as a body within the Markdown limits renders to', () => {
    const deep = `${'<ul>\n<li>'.repeat(70)}x${'</li>\n</ul>'.repeat(70)}`;
    expect(clean(deep)).toContain('<li>x</li>');
  });

  it('drops images a hand-edited snapshot adds from other hosts', () => {
    const html = clean(
      '<p><img src="https://tracker.example/pixel.png?reader=1" alt="chart"> <img src="//tracker.example/p.png">' +
        ' <img src="/logout" alt="out"> <img src="https://user-images.githubusercontent.com@evil.example/x.png">' +
        ' <img src="https://github.com/user-attachments/assets/0b5a7c8e-1f2a-4b3c-9d8e-7f6a5b4c3d2e" alt="ok"></p>' +
        '<picture><source srcset="https://tracker.example/a.png 1x, https://user-images.githubusercontent.com/1/a.png 2x">' +
        '<source srcset="https://tracker.example/b.png"><img src="https://tracker.example/c.png" alt="c"></picture>',
    );
    expect(html).not.toMatch(/tracker\.example|evil\.example|logout/);
    expect(html).toContain('[image: chart]');
    expect(html).toContain(
      '<img src="https://github.com/user-attachments/assets/0b5a7c8e-1f2a-4b3c-9d8e-7f6a5b4c3d2e" alt="ok">',
    );
    expect(html).toContain('<source srcset="https://user-images.githubusercontent.com/1/a.png 2x">');
    expect(html.match(/<source/g)).toHaveLength(1);
  });

  it('removes characters XML forbids, raw or decoded from character references', () => {
    const html = clean('<p title="&#1;a&#xFFFF;">b\u0001&#1;&#xFFFF;\uffffc</p>');
    expect(html).toBe('<p title="a">bc</p>');
  });

  it('leaves what renderBody stored as it was, apart from focusable code blocks and labelled task boxes', () => {
    const { bodyHTML } = renderBody(
      '# Title\n\n*Some* [link](https://example.com) ![ok](https://user-images.githubusercontent.com/1/a.png)\n\n- [x] done\n\n```\ncode\n```',
      'https://github.com/acme/r/issues/1',
      'full',
      WEB,
    );
    expect(clean(bodyHTML)).toBe(
      bodyHTML
        .replace(
          '<input type="checkbox" checked disabled> done',
          '<label><input type="checkbox" disabled checked> done</label>',
        )
        .replace('<pre>', '<pre tabindex="0">'),
    );
  });
});
