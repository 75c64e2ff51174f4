import type { Root } from 'hast';
import { toText } from 'hast-util-to-text';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { checkBudget, checkHtml } from './body-budget.ts';
import { EXCERPT_CODE_POINTS, MAX_BODY_CHARS } from './body-limits.ts';
import { pointAtGitHub } from './github-urls.ts';
import { applyImagePolicy } from './image-filter.ts';
import { plainExcerpt } from './plain-excerpt.ts';
import { cleanText, safeText } from './plain-text.ts';
import { safeTextTree } from './safe-text-tree.ts';

export { plainExcerpt };

export type BodyMode = 'full' | 'excerpt' | 'none';

export interface RenderedBody {
  bodyHTML: string;
  excerpt: string;
  /** Why the body was not rendered, for a reader ("the body is nested 1,100 levels deep…"), or null. */
  bodySkipped: string | null;
}

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

const NOTHING: RenderedBody = { bodyHTML: '', excerpt: '', bodySkipped: null };

/**
 * Renders an untrusted issue body (GitHub-flavoured Markdown) for the board, and never throws.
 * The body is normalised to safe text first; one over the budget (body-budget.ts) is not parsed
 * at all and gets an excerpt from its plain text instead, as does one the parser fails on.
 * Otherwise relative links point back to the issue on GitHub, images follow the image policy,
 * text and attributes are normalised again (character references decode after parsing), and
 * the result is sanitised last with an allowlist. Rendered HTML over the size or depth limit is
 * dropped, keeping the excerpt, which is plain text of the sanitised tree.
 */
export function renderBody(
  markdown: string,
  issueUrl: string,
  mode: BodyMode,
  webOrigin: string,
): RenderedBody {
  if (mode === 'none') return NOTHING;
  // Far over the size limit: refuse before even normalising, which is slow on long runs of marks.
  if (markdown.length > 2 * MAX_BODY_CHARS) {
    const size = `the body is ${Math.round(markdown.length / 1024)} KB, over the ${MAX_BODY_CHARS / 1024} KB limit`;
    return skipped(safeText(markdown.slice(0, 4 * EXCERPT_CODE_POINTS).toWellFormed()), size);
  }
  const text = safeText(markdown);
  if (text.trim() === '') return NOTHING;
  const overBudget = checkBudget(text);
  if (overBudget) return skipped(text, overBudget);
  try {
    return render(text, issueUrl, mode, webOrigin);
  } catch (error) {
    // A stack overflow the budget did not foresee, or any other parser failure.
    return skipped(text, `the body could not be rendered (${cleanText(String(error), 120)})`);
  }
}

function render(text: string, issueUrl: string, mode: BodyMode, webOrigin: string): RenderedBody {
  const toTree = text.includes('<') ? withHtml : plain;
  const tree = toTree.runSync(toTree.parse(text)) as Root;
  pointAtGitHub(tree, issueUrl);
  applyImagePolicy(tree, webOrigin);
  safeTextTree(tree);
  const safe = clean.runSync(tree) as Root;
  const excerpt = cleanText(toText(safe), EXCERPT_CODE_POINTS);
  if (mode !== 'full') return { bodyHTML: '', excerpt, bodySkipped: null };
  const bodyHTML = String(clean.stringify(safe)).trim();
  const tooLarge = checkHtml(bodyHTML);
  return tooLarge
    ? { bodyHTML: '', excerpt, bodySkipped: tooLarge }
    : { bodyHTML, excerpt, bodySkipped: null };
}

function skipped(text: string, reason: string): RenderedBody {
  return { bodyHTML: '', excerpt: plainExcerpt(text), bodySkipped: reason };
}
