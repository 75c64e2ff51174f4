/**
 * Markdown links built from untrusted text, for every Markdown file Tandem hands out (agenda,
 * checklist runs). The text is escaped so it cannot change the Markdown's structure; the
 * target is written in the `<…>` form with the characters that could end it (`<`, `>`, space,
 * parentheses, backslash and line breaks) percent-encoded, so it stays one link whatever it holds.
 */

/** Untrusted text for Markdown link text or prose: the characters that could change its structure, escaped. */
export function markdownText(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()<>#|!~&]/g, (c) => `\\${c}`)
    .replace(/\s+/g, ' ')
    .trim();
}

/** A link destination in the `<…>` form, with `()<> `, backslash and whitespace percent-encoded. */
export function markdownDestination(url: string): string {
  return `<${url.replace(/[()<>\\\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)}>`;
}

/** `[text](<url>)`, both parts made inert. */
export function markdownLink(text: string, url: string): string {
  return `[${markdownText(text)}](${markdownDestination(url)})`;
}
