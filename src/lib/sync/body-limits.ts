/**
 * The limits on an issue body, in one place: the sync refuses to parse a body over the Markdown
 * limits (see body-budget.ts), drops rendered HTML over the HTML limits, and the snapshot schema
 * and the build refuse stored HTML over them. Each is far above what a real issue needs and far
 * below what makes a parser overflow its stack or run for seconds. No imports, so schemas
 * and astro.config.mjs can load it.
 */

/** Longest body parsed, in code points: GitHub's own limit on an issue body. */
export const MAX_BODY_CHARS = 65_536;

/** Deepest estimated nesting (block quotes, lists, raw HTML, emphasis, brackets); parsers overflow past ~1,000. */
export const MAX_MARKDOWN_DEPTH = 64;

/** Most table cells (columns × rows, header row included): GFM pads every row to the header's width. */
export const MAX_TABLE_CELLS = 5_000;

/** Most footnote references: each one adds a back-link to its footnote. */
export const MAX_FOOTNOTE_REFERENCES = 500;

/** Most estimated steps on the Markdown parser's quadratic paths (about 5 ns each, so half a second; see body-budget.ts). */
export const MAX_PARSER_STEPS = 100_000_000;

/** Largest rendered body kept, in UTF-8 bytes. */
export const MAX_BODY_HTML_BYTES = 262_144;

/** Deepest stored HTML: well above the ~2 levels per Markdown level a body within the limits renders to. */
export const MAX_HTML_DEPTH = 256;

/** Longest excerpt, in code points. */
export const EXCERPT_CODE_POINTS = 300;
