/**
 * Cleaning for the short untrusted strings GitHub hands back (titles, label names, logins,
 * colours). They are stored as plain text and rendered as text; this only removes what can
 * mislead a reader or a terminal: control characters and bidirectional overrides.
 */
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const LOGIN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,38}(?:\[bot\])?$/;
const COLOR = /^[0-9a-fA-F]{6}$/;

/** One line of text: unsafe characters become spaces, whitespace collapses, at most `max` UTF-16 units. */
export function cleanText(value: string, max: number): string {
  return truncate(value.replace(UNSAFE_CHARACTERS, ' ').replace(/\s+/g, ' ').trim(), max);
}

/** Cuts to at most `max` UTF-16 units with an ellipsis, never splitting a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  for (const char of text) {
    if (out.length + char.length > max - 1) break;
    out += char;
  }
  return `${out.trimEnd()}…`;
}

/** A GitHub login, or null when the value does not look like one. */
export function cleanLogin(value: string | null | undefined): string | null {
  return value && LOGIN.test(value) ? value : null;
}

/** A label colour as six lowercase hex digits, or undefined (the schema's default applies). */
export function cleanColor(value: string | null | undefined): string | undefined {
  return value && COLOR.test(value) ? value.toLowerCase() : undefined;
}
