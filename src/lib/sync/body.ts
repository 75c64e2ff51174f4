import type { Element, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { truncate } from './plain-text.ts';

export type BodyMode = 'full' | 'excerpt' | 'none';

/** GitHub's own allowlist (rehype-sanitize's default), tightened: elements whose content is code or chrome go whole. */
const schema: SanitizeSchema = {
  ...defaultSchema,
  strip: ['script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'svg', 'math', 'form', 'select', 'textarea', 'title'],
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'], src: ['http', 'https'] },
};

/** Markdown → HTML tree, raw HTML parsed (by parse5) so the sanitiser sees what a browser would. */
const toTree = unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeRaw);
/** Sanitising runs last, after every other change to the tree. */
const clean = unified().use(rehypeSanitize, schema).use(rehypeStringify);

/** Query parameters that mark a signed, expiring URL (GitHub attachments, S3, Azure). */
const SIGNED = ['jwt', 'x-amz-signature', 'x-amz-credential', 'signature', 'sig', 'token', 'expires'];

/**
 * Renders an untrusted issue body (GitHub-flavoured Markdown) for the board: relative links
 * point back to the issue on GitHub, expiring signed image URLs are dropped, and the result is
 * sanitised last with an allowlist. The excerpt is plain text of the sanitised tree.
 */
export function renderBody(markdown: string, issueUrl: string, mode: BodyMode): { bodyHTML: string; excerpt: string } {
  if (mode === 'none' || markdown.trim() === '') return { bodyHTML: '', excerpt: '' };
  const tree = toTree.runSync(toTree.parse(markdown)) as Root;
  pointAtGitHub(tree, issueUrl);
  const safe = clean.runSync(tree) as Root;
  const excerpt = truncate(toText(safe).replace(/\s+/g, ' ').trim(), 300);
  return { bodyHTML: mode === 'full' ? String(clean.stringify(safe)).trim() : '', excerpt };
}

function pointAtGitHub(tree: Root, issueUrl: string): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    for (const property of ['href', 'src'] as const) {
      const value = node.properties[property];
      if (typeof value !== 'string') continue;
      const url = absolute(value, issueUrl);
      if (url === null) delete node.properties[property];
      else node.properties[property] = url.href;
      if (node.tagName === 'img' && property === 'src' && url && isSigned(url) && parent && index !== undefined) {
        const alt = typeof node.properties['alt'] === 'string' ? node.properties['alt'] : '';
        parent.children.splice(index, 1, ...(alt ? [{ type: 'text' as const, value: `[image: ${alt}]` }] : []));
        return index;
      }
    }
    return undefined;
  });
}

function absolute(value: string, base: string): URL | null {
  try {
    const url = new URL(value, base);
    return ['http:', 'https:', 'mailto:'].includes(url.protocol) ? url : null;
  } catch {
    return null;
  }
}

function isSigned(url: URL): boolean {
  if (url.hostname === 'private-user-images.githubusercontent.com') return true;
  return [...url.searchParams.keys()].some((key) => SIGNED.includes(key.toLowerCase()));
}
