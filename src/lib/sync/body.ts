import type { Root } from 'hast';
import { toText } from 'hast-util-to-text';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { pointAtGitHub } from './github-urls.ts';
import { truncate } from './plain-text.ts';

export type BodyMode = 'full' | 'excerpt' | 'none';

/** GitHub's own allowlist (rehype-sanitize's default), tightened: elements whose content is code or chrome go whole. */
export const schema: SanitizeSchema = {
  ...defaultSchema,
  strip: [
    'script',
    'style',
    'template',
    'noscript',
    'iframe',
    'object',
    'embed',
    'svg',
    'math',
    'form',
    'select',
    'textarea',
    'title',
  ],
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
};

/** Markdown → HTML tree, raw HTML parsed (by parse5) so the sanitiser sees what a browser would. */
const withHtml = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw);
/** The same without the costly raw-HTML pass, for bodies that contain no `<` at all. */
const plain = unified().use(remarkParse).use(remarkGfm).use(remarkRehype);
/** Sanitising runs last, after every other change to the tree. */
const clean = unified().use(rehypeSanitize, schema).use(rehypeStringify);

/**
 * Renders an untrusted issue body (GitHub-flavoured Markdown) for the board: relative links
 * point back to the issue on GitHub, expiring signed image URLs are dropped, and the result is
 * sanitised last with an allowlist. The excerpt is plain text of the sanitised tree.
 */
export function renderBody(
  markdown: string,
  issueUrl: string,
  mode: BodyMode,
): { bodyHTML: string; excerpt: string } {
  if (mode === 'none' || markdown.trim() === '') return { bodyHTML: '', excerpt: '' };
  const toTree = markdown.includes('<') ? withHtml : plain;
  const tree = toTree.runSync(toTree.parse(markdown)) as Root;
  pointAtGitHub(tree, issueUrl);
  const safe = clean.runSync(tree) as Root;
  const excerpt = truncate(toText(safe).replace(/\s+/g, ' ').trim(), 300);
  return { bodyHTML: mode === 'full' ? String(clean.stringify(safe)).trim() : '', excerpt };
}
