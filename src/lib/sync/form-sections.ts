/**
 * Reads the answers out of an issue body that GitHub rendered from an issue form: each question
 * becomes `### <label>`, a blank line and the answer (`_No response_` when left empty), up to the
 * next `### ` line. Anyone can write or edit a body, so this reads at most the first
 * MAX_BODY_CHARS characters in one pass, splitting on plain strings (no regular expression
 * runs over the body), and keeps at most MAX_ANSWER characters of each answer.
 */
import { MAX_BODY_CHARS } from './body-limits.ts';

/** Longest answer kept, in UTF-16 units: dropdown and short-input answers are a line or two. */
export const MAX_ANSWER = 2_000;

/** How headings compare: trimmed, letter case aside. */
export function headingKey(heading: string): string {
  return heading.trim().toLowerCase();
}

/**
 * The answer under each wanted heading, keyed by `headingKey`: its non-blank lines, trimmed and
 * joined by `\n`. The first of a repeated heading wins, so text further down (a description that
 * quotes the form) cannot override an answer. Line endings may be LF, CRLF or CR.
 */
export function formSections(body: string, headings: readonly string[]): Map<string, string> {
  const wanted = new Set(headings.map(headingKey));
  const answers = new Map<string, string>();
  const lines = body.slice(0, MAX_BODY_CHARS).replaceAll('\r\n', '\n').replaceAll('\r', '\n').split('\n');
  let current: string | null = null;
  let kept: string[] = [];
  let size = 0;
  const close = () => {
    if (current !== null) answers.set(current, kept.join('\n').slice(0, MAX_ANSWER));
    [current, kept, size] = [null, [], 0];
  };
  for (const line of lines) {
    const heading = headingOf(line);
    if (heading !== null) {
      close();
      if (wanted.has(heading) && !answers.has(heading)) current = heading;
    } else if (current !== null && size < MAX_ANSWER) {
      const text = line.trim();
      if (text === '') continue;
      kept.push(text);
      size += text.length + 1;
    }
  }
  close();
  return answers;
}

/** The heading of a `### ` line (up to three spaces before it, as in Markdown), else null. */
function headingOf(line: string): string | null {
  const start = line.length - line.trimStart().length;
  if (start > 3 || !line.startsWith('###', start)) return null;
  const rest = line.slice(start + 3);
  if (rest !== '' && rest[0] !== ' ' && rest[0] !== '\t') return null;
  return headingKey(rest);
}
