/**
 * Rehype plugin for GitHub issue bodies: GitHub renders task lists as disabled checkboxes with
 * no label, which screen readers announce as unlabeled form fields. Replace each with the
 * text GitHub's Markdown uses, "[x]" or "[ ]", so the state reads as text.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

export function rehypeTaskListText() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (
        node.tagName !== 'input' ||
        node.properties['type'] !== 'checkbox' ||
        !parent ||
        index === undefined
      )
        return;
      parent.children.splice(index, 1, { type: 'text', value: node.properties['checked'] ? '[x]' : '[ ]' });
    });
  };
}
