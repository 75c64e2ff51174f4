/**
 * Markdown (and the Markdown subset of MDX) to plain text for the index: headings apart,
 * everything a reader sees as prose in one string. Fenced code is left out (identifiers and
 * imports are noise to people searching guidance); inline code, table cells and link text stay.
 */
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/** The little of mdast this needs (its types are not a direct dependency). */
interface Node {
  type: string;
  value?: unknown;
  alt?: unknown;
  children?: Node[];
}

export interface MarkdownText {
  headings: string[];
  text: string;
}

// MDX ESM lines (`import X from './x.astro'`) are not prose; Python's `import numpy` never matches.
const MDX_ESM = /^(?:import|export)\s.*?\bfrom\s+['"][^'"]+['"];?\s*$/gm;
const SKIPPED = new Set([
  'code',
  'html',
  'yaml',
  'definition',
  'mdxjsEsm',
  'mdxFlowExpression',
  'mdxTextExpression',
]);
const BLOCKS = new Set([
  'paragraph',
  'listItem',
  'tableCell',
  'blockquote',
  'heading',
  'tableRow',
  'list',
  'table',
  'break',
]);

const parser = unified().use(remarkParse).use(remarkGfm);

function textOf(node: Node, out: string[]): void {
  if (SKIPPED.has(node.type)) return;
  if (typeof node.value === 'string') out.push(node.value);
  if (typeof node.alt === 'string') out.push(node.alt);
  for (const child of node.children ?? []) textOf(child, out);
  if (BLOCKS.has(node.type)) out.push(' ');
}

const squash = (parts: string[]) => parts.join('').replace(/\s+/g, ' ').trim();

export function markdownToText(markdown: string): MarkdownText {
  const tree: Node = parser.parse(markdown.replace(MDX_ESM, ''));
  const headings: string[] = [];
  const body: string[] = [];
  for (const node of tree.children ?? []) {
    if (node.type === 'heading') {
      const parts: string[] = [];
      textOf(node, parts);
      headings.push(squash(parts));
    } else {
      textOf(node, body);
      body.push(' ');
    }
  }
  return { headings: headings.filter(Boolean), text: squash(body) };
}
