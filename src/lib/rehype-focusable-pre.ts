/**
 * Rehype plugin: code blocks scroll sideways, so keyboard users must be able to focus them to
 * scroll (WCAG 2.1.1; axe rule scrollable-region-focusable). Adds tabindex="0" to every <pre>.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

export function rehypeFocusablePre() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName === 'pre') node.properties['tabIndex'] = 0;
    });
  };
}
