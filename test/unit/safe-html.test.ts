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
        /^(script|iframe|object|embed|style|link|meta|base|form|input|svg|math|template|video|marquee)$/,
      );
      for (const [name, value] of Object.entries(el.attributes)) {
        expect(name).not.toMatch(/^(on|style$|srcdoc$|formaction$)/i);
        expect(value.replace(/[\s\u0000-\u001f]/g, '')).not.toMatch(/^(javascript|vbscript|data):/i);
      }
    }
  });

  it('turns task-list checkboxes into text so they need no label', () => {
    const html = clean(
      '<ul><li><input type="checkbox" checked disabled> Done</li><li><input type="checkbox" disabled> Open</li></ul>',
    );
    expect(html).toBe('<ul><li>[x] Done</li><li>[ ] Open</li></ul>');
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

  it('leaves what renderBody stored as it was, apart from focusable code blocks and task boxes', () => {
    const { bodyHTML } = renderBody(
      '# Title\n\n*Some* [link](https://example.com) ![ok](https://user-images.githubusercontent.com/1/a.png)\n\n- [x] done\n\n```\ncode\n```',
      'https://github.com/acme/r/issues/1',
      'full',
      WEB,
    );
    expect(clean(bodyHTML)).toBe(
      bodyHTML
        .replace('<input type="checkbox" checked disabled>', '[x]')
        .replace('<pre>', '<pre tabindex="0">'),
    );
  });
});
