/**
 * Sätteri (Astro's Markdown and MDX processor) hast plugin: code blocks scroll sideways, so
 * keyboard users must be able to focus them (WCAG 2.1.1; axe rule scrollable-region-focusable).
 * The same rule for GitHub issue bodies, which go through unified, is rehype-focusable-pre.ts.
 */
import type { HastPluginEntry } from 'satteri';

export const focusablePre: HastPluginEntry = {
  name: 'focusable-pre',
  element: {
    filter: ['pre'],
    visit(node, ctx) {
      ctx.setProperty(node, 'tabIndex', 0);
    },
  },
};
