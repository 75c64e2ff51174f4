/**
 * Rehype plugin for sanitised GitHub issue bodies: task lists as GitHub shows them, disabled
 * checkboxes, but each with a label so a screen reader announces "Logged in the register,
 * checkbox, checked, unavailable" rather than an unlabeled form field. Runs after the sanitiser:
 * every checkbox is rebuilt from scratch (`type`, `disabled` and `checked` only, never an
 * attribute copied from the body), and the label wraps the item's own text.
 * A checkbox that does not open a list item (raw HTML elsewhere in a body) becomes "[x]" or
 * "[ ]" text, as in GitHub's Markdown, since there is no item text to label it with.
 */
import type { Element, ElementContent, Parents, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';

/** What a label may hold besides its checkbox: text and phrasing elements (no lists or blocks). */
const PHRASING = new Set(
  'a abbr b bdi bdo br cite code del dfn em i img ins kbd mark picture q rp rt ruby s samp small span strike strong sub sup time u var wbr'.split(
    ' ',
  ),
);

const isInput = (node: ElementContent | undefined): boolean =>
  node?.type === 'element' && node.tagName === 'input';
const isBlank = (node: ElementContent) => node.type === 'text' && node.value.trim() === '';
const isPhrasing = (node: ElementContent) =>
  node.type === 'text' || (node.type === 'element' && PHRASING.has(node.tagName));

/** The element whose first child is the item's checkbox: the `li`, or its first `p` in a loose list. */
function checkboxHolder(li: Element): Element | null {
  const first = li.children.find((c) => !isBlank(c));
  if (first?.type !== 'element') return null;
  if (first.tagName === 'input') return li;
  return first.tagName === 'p' && isInput(first.children.find((c) => !isBlank(c))) ? first : null;
}

function labelTask(li: Element, list: Element): Element | null {
  const holder = checkboxHolder(li);
  if (!holder) return null;
  const at = holder.children.findIndex(isInput);
  const original = holder.children[at] as Element;
  let end = at + 1;
  while (end < holder.children.length && isPhrasing(holder.children[end]!)) end++;
  const text = holder.children.slice(at + 1, end);
  const checkbox: Element = {
    type: 'element',
    tagName: 'input',
    properties: {
      type: 'checkbox',
      disabled: true,
      checked: Boolean(original.properties['checked']),
      // An item with no text still needs a name.
      ...(toText({ type: 'root', children: text }).trim() === '' ? { ariaLabel: 'Task with no text' } : {}),
    },
    children: [],
  };
  const label: Element = { type: 'element', tagName: 'label', properties: {}, children: [checkbox, ...text] };
  holder.children.splice(at, end - at, label);
  li.properties['className'] = ['task-list-item'];
  list.properties['className'] = ['contains-task-list'];
  return checkbox;
}

/**
 * Before sanitising: removes every input that is not a checkbox. GitHub's allowlist would keep a
 * text field or an image button and turn it into a checkbox, and no body means one of those.
 */
export function dropOtherInputs(tree: Root): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName !== 'input' || !parent || index === undefined) return;
    const type = String(node.properties['type'] ?? '').toLowerCase();
    if (type === 'checkbox') return;
    parent.children.splice(index, 1);
    return index;
  });
}

/** After sanitising: labelled, disabled checkboxes in task lists; "[x]" / "[ ]" text elsewhere. */
export function rehypeTaskList() {
  return (tree: Root) => {
    const ours = new Set<Element>();
    visit(tree, 'element', (node: Element, _index, parent: Parents | undefined) => {
      if (node.tagName !== 'li' || parent?.type !== 'element') return;
      if (parent.tagName !== 'ul' && parent.tagName !== 'ol') return;
      const checkbox = labelTask(node, parent);
      if (checkbox) ours.add(checkbox);
    });
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName !== 'input' || ours.has(node) || !parent || index === undefined) return;
      parent.children.splice(index, 1, { type: 'text', value: node.properties['checked'] ? '[x]' : '[ ]' });
    });
  };
}
