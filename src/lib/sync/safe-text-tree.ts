/**
 * Applies safeText (plain-text.ts) to every text node, comment and attribute value of a tree.
 * Normalising the Markdown is not enough: character references decode after it, and `&#1;` or
 * `&#xFFFF;` in raw HTML become code points that XML forbids (a feed with one does not parse).
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';
import { safeText } from './plain-text.ts';

export function safeTextTree(tree: Root): void {
  visit(tree, (node) => {
    if (node.type === 'text' || node.type === 'comment') node.value = safeText(node.value);
    if (node.type !== 'element') return;
    for (const [name, value] of Object.entries(node.properties)) {
      if (typeof value === 'string') node.properties[name] = safeText(value);
      else if (Array.isArray(value))
        node.properties[name] = value.map((v) => (typeof v === 'string' ? safeText(v) : v));
    }
  });
}
