/**
 * Defence in depth for issue bodies: the sync sanitises bodyHTML before it writes the snapshot,
 * and the build sanitises it again with the same allowlist and the same image policy before it
 * reaches a page, so a hand-edited or older snapshot can neither smuggle markup into dist/ nor
 * add images from other hosts. Stored HTML over the size or depth limits is refused before it
 * is parsed (parsing and sanitising recurse once per level), and so is HTML the pipeline fails
 * on: the caller then shows the item's excerpt instead.
 */
import type { Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { rehypeFocusablePre } from './rehype-focusable-pre.ts';
import { dropOtherInputs, rehypeTaskList } from './rehype-task-list.ts';
import { checkHtml } from './sync/body-budget.ts';
import { schema } from './sync/body.ts';
import { applyImagePolicy } from './sync/image-filter.ts';
import { safeTextTree } from './sync/safe-text-tree.ts';

const parser = unified().use(rehypeParse, { fragment: true });
// Sanitising comes after every change that removes or rewrites content; the two plugins after
// it only add what the page generates itself (labelled task-list checkboxes, focusable code
// blocks), never anything taken from the body, so no allowlist needs to see it.
const pipeline = unified()
  .use(rehypeSanitize, schema)
  .use(rehypeTaskList)
  .use(rehypeFocusablePre)
  .use(rehypeStringify);

/** Safe HTML for a stored issue body, '' for an empty one, or null when it must not be shown. */
export function safeHtml(html: string, webOrigin: string): string | null {
  if (html.trim() === '') return '';
  if (checkHtml(html) !== null) return null;
  try {
    const tree = parser.parse(html) as Root;
    applyImagePolicy(tree, webOrigin);
    dropOtherInputs(tree);
    safeTextTree(tree);
    return String(pipeline.stringify(pipeline.runSync(tree) as Root)).trim();
  } catch {
    return null;
  }
}
