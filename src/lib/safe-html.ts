/**
 * Defence in depth for issue bodies: the sync sanitises bodyHTML before it writes the snapshot,
 * and the build sanitises it again with the same allowlist before it reaches a page, so a
 * hand-edited or older snapshot cannot smuggle markup into dist/.
 */
import rehypeParse from 'rehype-parse';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { rehypeFocusablePre } from './rehype-focusable-pre.ts';
import { rehypeTaskListText } from './rehype-task-list-text.ts';
import { schema } from './sync/body.ts';

// Sanitising comes right after parsing; the two plugins after it only replace checkboxes with
// text and make code blocks focusable, which no allowlist needs to see.
const pipeline = unified()
  .use(rehypeParse, { fragment: true })
  .use(rehypeSanitize, schema)
  .use(rehypeTaskListText)
  .use(rehypeFocusablePre)
  .use(rehypeStringify);

export function safeHtml(html: string): string {
  return html.trim() === '' ? '' : String(pipeline.processSync(html)).trim();
}
