/**
 * Sätteri (Astro's Markdown and MDX processor) hast plugin: code blocks and tables scroll sideways
 * on narrow screens, so keyboard users must be able to focus them to scroll (WCAG 2.1.1; axe rule
 * scrollable-region-focusable). A `<pre>` scrolls itself and gets tabindex="0". A table keeps
 * its table semantics and scrolls inside a named, focusable region (a `<section>` with a label),
 * the pattern of Adrian Roselli's "Under-Engineered Responsive Tables"
 * (https://adrianroselli.com/2020/11/under-engineered-responsive-tables.html); the wrapper's
 * class is styled in src/styles/reflow.css.
 * The same rule for GitHub issue bodies, which go through unified, is rehype-focusable-pre.ts.
 */
import type { Element, ElementContent } from 'hast';
import type { HastPluginEntry, HastVisitorContext } from 'satteri';

/** Class of the element that wraps every Markdown table. */
export const TABLE_SCROLL_CLASS = 'table-scroll';

const isElement = (node: ElementContent): node is Element => node.type === 'element';

/** The header cells of a table's first row, wherever the row sits (thead or the body). */
function headerCells(table: Element): Element[] {
  for (const section of table.children.filter(isElement)) {
    const rows = section.tagName === 'tr' ? [section] : section.children.filter(isElement);
    const first = rows.find((r) => r.tagName === 'tr');
    if (first) return first.children.filter(isElement).filter((c) => c.tagName === 'th');
  }
  return [];
}

/** A region needs a name; Markdown tables have no caption, so their column headers name them. */
export function tableLabel(table: Element, text: (node: Element) => string): string {
  const names = headerCells(table)
    .map((th) => text(th).replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  return names.length > 0 ? `Table: ${names.join(', ')}` : 'Table';
}

export const focusablePre: HastPluginEntry = {
  name: 'focusable-pre',
  element: [
    {
      filter: ['pre'],
      visit(node, ctx) {
        ctx.setProperty(node, 'tabIndex', 0);
      },
    },
    {
      filter: ['table'],
      visit(node, ctx: HastVisitorContext) {
        ctx.wrapNode(node, {
          type: 'element',
          tagName: 'section',
          properties: {
            className: [TABLE_SCROLL_CLASS],
            ariaLabel: tableLabel(node, (n) => ctx.textContent(n)),
            tabIndex: 0,
          },
          children: [],
        });
      },
    },
  ],
};
