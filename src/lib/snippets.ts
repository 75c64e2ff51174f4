import type { Code, Nodes } from 'mdast';
import { markdownToMdast, mdxToMdast } from 'satteri';

/** Languages a runnable snippet may use: Python runs with python3, the shell ones with bash. */
export const SNIPPET_LANGUAGES = ['python', 'bash', 'sh', 'shell'] as const;
export type SnippetLanguage = (typeof SNIPPET_LANGUAGES)[number];

/** The `needs=` entry for a snippet that must reach the network: listed, never run offline. */
export const NETWORK = 'network';

/** A fenced code block marked `runnable` in its info string (```python runnable needs=torch). */
export interface Snippet {
  /** The info string's language. */
  language: SnippetLanguage;
  /** The code as the page shows it. */
  code: string;
  /** 1-based line of the opening fence in the file. */
  line: number;
  /** Python modules the snippet imports beyond the standard set, and/or `network`. */
  needs: string[];
}

// A dotted Python module name; anything else in `needs=` is a typo, or worse, shell text that
// would reach the import check.
const MODULE = /^[A-Za-z_]\w*(\.[A-Za-z_]\w*)*$/;

/**
 * The runnable snippets of a Markdown or MDX page, in page order. Parsed with Sätteri, the
 * processor that renders the site, so a snippet is exactly the code the page shows. Throws,
 * naming the file and line, on a marked block the test could not run as written.
 */
export function parseSnippets(file: string, text: string): Snippet[] {
  const tree = file.endsWith('.mdx') ? mdxToMdast(text) : markdownToMdast(text);
  return codeBlocks(tree).flatMap((node) => {
    const snippet = readCodeBlock(node, `${file}:${node.position?.start.line ?? 0}`);
    return snippet ? [snippet] : [];
  });
}

function codeBlocks(node: Nodes): Code[] {
  if (node.type === 'code') return [node];
  return 'children' in node ? node.children.flatMap((child) => codeBlocks(child)) : [];
}

function readCodeBlock(node: Code, where: string): Snippet | undefined {
  const flags = (node.meta ?? '').split(/\s+/).filter(Boolean);
  const needsFlags = flags.filter((flag) => flag.startsWith('needs='));
  // "``` runnable" puts the flag where the language goes.
  if (!flags.includes('runnable') && node.lang !== 'runnable') {
    if (needsFlags.length) throw new Error(`${where}: "${needsFlags[0]}" on a block not marked runnable`);
    return undefined;
  }
  const language = SNIPPET_LANGUAGES.find((known) => known === node.lang);
  if (!language) {
    const written = node.lang === 'runnable' ? 'with no language' : `in "${node.lang}"`;
    throw new Error(
      `${where}: runnable block ${written}; runnable blocks are ${SNIPPET_LANGUAGES.join(', ')}`,
    );
  }
  const unknown = flags.find((flag) => flag !== 'runnable' && !flag.startsWith('needs='));
  if (unknown) throw new Error(`${where}: unknown flag "${unknown}" (known: runnable, needs=a,b)`);
  const needs = needsFlags.flatMap((flag) => flag.slice('needs='.length).split(','));
  const bad = needs.find((name) => !MODULE.test(name));
  if (bad !== undefined) {
    throw new Error(`${where}: needs= takes "network" or Python module names, got "${bad}"`);
  }
  return { language, code: node.value, line: node.position?.start.line ?? 0, needs };
}

/**
 * Why a snippet is not run here, or undefined when it runs. `importable` answers whether the
 * snippet interpreter can import a module.
 */
export function skipReason(snippet: Snippet, importable: (module: string) => boolean): string | undefined {
  if (snippet.needs.includes(NETWORK)) return 'needs=network: the snippet test runs offline';
  const missing = snippet.needs.filter((name) => name !== NETWORK && !importable(name));
  if (missing.length === 1) return `needs Python module ${missing[0]}, which is not installed`;
  if (missing.length) return `needs Python modules ${missing.join(', ')}, which are not installed`;
  return undefined;
}
