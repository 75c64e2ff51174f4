import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { safeHtml } from '../../src/lib/safe-html.ts';
import { XSS_PAYLOADS } from '../fixtures/hostile/payloads.ts';

describe('safeHtml (build-time re-sanitising of issue bodies)', () => {
  it.each(XSS_PAYLOADS)('leaves nothing executable in %s', (payload) => {
    // Judge the result as a browser would: by the elements and attributes it parses to.
    const elements = parse(safeHtml(`<p>before</p>${payload}<p>after</p>`)).querySelectorAll('*');
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
    const html = safeHtml(
      '<ul><li><input type="checkbox" checked disabled> Done</li><li><input type="checkbox" disabled> Open</li></ul>',
    );
    expect(html).toBe('<ul><li>[x] Done</li><li>[ ] Open</li></ul>');
  });

  it('makes code blocks keyboard-focusable and keeps ordinary markup', () => {
    expect(
      safeHtml(
        '<p><strong>Summary.</strong> <a href="https://github.com/acme/r/issues/1">link</a></p><pre><code>x = 1</code></pre>',
      ),
    ).toBe(
      '<p><strong>Summary.</strong> <a href="https://github.com/acme/r/issues/1">link</a></p><pre tabindex="0"><code>x = 1</code></pre>',
    );
  });

  it('returns an empty string for an empty body', () => {
    expect(safeHtml('  ')).toBe('');
  });
});
