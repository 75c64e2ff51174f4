/**
 * Defence in depth for issue bodies: the sync sanitises bodyHTML before it writes the snapshot,
 * and the build sanitises it again with the same allowlist before it reaches a page, so a
 * hand-edited or older snapshot cannot smuggle markup into dist/.
 */
import rehypeParse from 'rehype-parse';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { schema } from './sync/body.ts';

const pipeline = unified().use(rehypeParse, { fragment: true }).use(rehypeSanitize, schema).use(rehypeStringify);

export function safeHtml(html: string): string {
  return html.trim() === '' ? '' : String(pipeline.processSync(html)).trim();
}
