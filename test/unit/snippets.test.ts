import { describe, expect, it } from 'vitest';
import { parseSnippets, skipReason, type Snippet } from '../../src/lib/snippets.ts';

const FILE = 'content/modules/track/page.mdx';

const page = [
  '---',
  'title: A page',
  'quiz:',
  '  - explanation: "Mark it with ```python runnable in the info string"',
  '---',
  "import Callout from '../../components/Callout.astro';",
  '',
  '## Section',
  '',
  '```python runnable',
  'print("one")',
  '```',
  '',
  '```python',
  'shown, not run',
  '```',
  '',
  '<Callout>',
  '',
  '```bash runnable needs=network',
  'curl -fsS https://pypi.org/simple/ >/dev/null',
  '```',
  '',
  '</Callout>',
  '',
  '1. In a list item:',
  '',
  '   ```sh runnable needs=torch,transformers',
  '   python3 -c "import torch"',
  '   ```',
  '',
  '~~~shell runnable',
  'echo tilde',
  '~~~',
  '',
].join('\n');

describe('parseSnippets', () => {
  it('returns the runnable blocks in page order with their language, code, fence line and needs', () => {
    expect(parseSnippets(FILE, page)).toEqual<Snippet[]>([
      { language: 'python', code: 'print("one")', line: 10, needs: [] },
      {
        language: 'bash',
        code: 'curl -fsS https://pypi.org/simple/ >/dev/null',
        line: 20,
        needs: ['network'],
      },
      { language: 'sh', code: 'python3 -c "import torch"', line: 28, needs: ['torch', 'transformers'] },
      { language: 'shell', code: 'echo tilde', line: 32, needs: [] },
    ]);
  });

  it('ignores unmarked blocks and fences quoted in the front matter', () => {
    const snippets = parseSnippets(FILE, page);
    expect(snippets.map((s) => s.code)).not.toContain('shown, not run');
    expect(snippets.every((s) => s.line > 5)).toBe(true);
  });

  it('keeps the code as the page renders it, without the list indentation', () => {
    const [, , inList] = parseSnippets(FILE, page);
    expect(inList?.code).toBe('python3 -c "import torch"');
  });

  it('reads plain Markdown files as Markdown, where JSX is only text', () => {
    const md = '<Callout>\n\n```python runnable\nprint(1)\n```\n';
    expect(parseSnippets('content/notes.md', md)).toEqual([
      { language: 'python', code: 'print(1)', line: 3, needs: [] },
    ]);
  });

  it('accepts needs= given twice, and dotted module names', () => {
    const md = '```python runnable needs=network needs=google.protobuf\nimport google.protobuf\n```\n';
    expect(parseSnippets(FILE, md)[0]?.needs).toEqual(['network', 'google.protobuf']);
  });

  it('returns nothing for a page without runnable blocks', () => {
    expect(parseSnippets(FILE, '# Title\n\n```text\nplain\n```\n')).toEqual([]);
  });
});

describe('parseSnippets fails loudly, naming the file and the line', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['an unsupported language', '```js runnable\nconsole.log(1)\n```', /page\.mdx:3: runnable block in "js"/],
    ['a block with no language', '``` runnable\necho\n```', /page\.mdx:3: runnable block with no language/],
    [
      'an unknown flag',
      '```python runnable title="x.py"\nx = 1\n```',
      /page\.mdx:3: unknown flag "title="x\.py""/,
    ],
    [
      'a misspelt flag',
      '```bash runnable need=network\necho\n```',
      /page\.mdx:3: unknown flag "need=network"/,
    ],
    [
      'needs= on an unmarked block',
      '```python needs=torch\nimport torch\n```',
      /page\.mdx:3: "needs=torch" on a block not marked runnable/,
    ],
    ['an empty needs=', '```python runnable needs=\nx = 1\n```', /page\.mdx:3: .*got ""/],
    ['a trailing comma in needs=', '```python runnable needs=torch,\nx = 1\n```', /page\.mdx:3: .*got ""/],
    ['shell text in needs=', '```python runnable needs=os;id\nx = 1\n```', /page\.mdx:3: .*got "os;id"/],
  ];

  it.each(cases)('on %s', (_name, block, message) => {
    expect(() => parseSnippets(FILE, `# Title\n\n${block}\n`)).toThrow(message);
  });
});

describe('skipReason', () => {
  const snippet = (needs: string[]): Snippet => ({ language: 'python', code: '', line: 1, needs });
  const installed = (module: string) => module === 'numpy';

  it('runs a snippet with no needs, or only installed modules', () => {
    expect(skipReason(snippet([]), installed)).toBeUndefined();
    expect(skipReason(snippet(['numpy']), installed)).toBeUndefined();
  });

  it('skips a snippet that needs the network, whatever is installed', () => {
    expect(skipReason(snippet(['network', 'numpy']), installed)).toBe(
      'needs=network: the snippet test runs offline',
    );
  });

  it('skips a snippet whose module is missing and names every missing module', () => {
    expect(skipReason(snippet(['torch', 'numpy', 'safetensors']), installed)).toBe(
      'needs Python modules torch, safetensors, which are not installed',
    );
    expect(skipReason(snippet(['torch', 'numpy']), installed)).toBe(
      'needs Python module torch, which is not installed',
    );
  });
});
