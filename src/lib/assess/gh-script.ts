/**
 * A POSIX shell script that files every register entry with the GitHub CLI: it checks gh is
 * installed and signed in, creates the labels the board reads (so `--label` cannot fail on a
 * missing one), then runs one `gh issue create` per risk. `--dry-run` prints the commands.
 *
 * Every value is one single-quoted word (`'` written as `'\''`), flags are passed as
 * `--flag=value` so no value can be read as another flag, and control characters other than
 * tab and newline are removed: whatever a system name or note holds, it stays data.
 */
import { issueBody, issueTitle } from './issue-body.ts';
import type { RegisterEntry } from './register-entry.ts';
import { boardLabels, labelStyle } from './register-labels.ts';

/** One shell word, single-quoted. */
export function shellQuote(value: string): string {
  const clean = value.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');
  return `'${clean.replace(/'/g, `'\\''`)}'`;
}

/** A single-line value for a comment: no line break can end the comment. */
const comment = (value: string) => value.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').slice(0, 200);

export interface ScriptOptions {
  /** `owner/name`. */
  repository: string;
  /** The GitHub host, for GitHub Enterprise Server; github.com when left out. */
  host?: string;
  absolute: (path: string) => string;
  /** Assessment and system, for the script's header. */
  heading?: { system: string; assessment: string };
}

export function ghScript(entries: readonly RegisterEntry[], options: ScriptOptions): string {
  const host = options.host ?? 'github.com';
  const repo = host === 'github.com' ? options.repository : `${host}/${options.repository}`;
  const labels = [...new Set(entries.flatMap((e) => boardLabels(e)))];
  const system = options.heading?.system ?? entries[0]?.system.name ?? '';
  const assessment = options.heading?.assessment ?? entries[0]?.assessment.name ?? '';
  const lines = [
    '#!/bin/sh',
    `# Files ${entries.length} ${entries.length === 1 ? 'risk' : 'risks'} from Tandem's joint risk assessment as GitHub issues in ${comment(repo)}.`,
    `# System: ${comment(system)}. Assessment: ${comment(assessment)}.`,
    '#',
    '# Usage: sh <this file> [--dry-run]',
    '#   --dry-run   print the gh commands instead of running them',
    '# Needs the GitHub CLI (https://cli.github.com), signed in with `gh auth login`, and permission',
    '# to create labels and issues in the repository. Labels are created or updated first (--force).',
    'set -eu',
    '',
    `repo=${shellQuote(repo)}`,
    `host=${shellQuote(host)}`,
    'dry=0',
    'case "${1:-}" in',
    '  --dry-run) dry=1 ;;',
    "  '') ;;",
    '  *) echo "usage: sh $0 [--dry-run]" >&2; exit 2 ;;',
    'esac',
    '',
    '# Runs gh, or prints the command (each word single-quoted) with --dry-run.',
    'run() {',
    '  if [ "$dry" = 1 ]; then',
    "    printf 'gh'",
    '    for word in "$@"; do',
    `      printf " '%s'" "$(printf '%s' "$word" | sed "s/'/'\\\\\\\\''/g")"`,
    '    done',
    "    printf '\\n'",
    '  else',
    '    gh "$@"',
    '  fi',
    '}',
    '',
    'if [ "$dry" = 0 ]; then',
    '  command -v gh >/dev/null 2>&1 || { echo "The GitHub CLI (gh) is not installed: see https://cli.github.com" >&2; exit 1; }',
    '  gh auth status --hostname "$host" >/dev/null 2>&1 || { echo "gh is not signed in to $host: run gh auth login --hostname $host" >&2; exit 1; }',
    'fi',
    '',
    '# The labels the board reads.',
    ...labels.map((label) => {
      const style = labelStyle(label);
      return `run label create ${shellQuote(label)} --repo="$repo" --color=${shellQuote(style.color)} --description=${shellQuote(style.description)} --force`;
    }),
    '',
    ...entries.flatMap((entry, i) => [
      `printf '%s\\n' ${shellQuote(`(${i + 1}/${entries.length}) ${comment(issueTitle(entry))}`)}`,
      [
        'run issue create --repo="$repo"',
        `--title=${shellQuote(issueTitle(entry))}`,
        `--body=${shellQuote(issueBody(entry, options.absolute))}`,
        ...boardLabels(entry).map((l) => `--label=${shellQuote(l)}`),
      ].join(' \\\n  '),
      '',
    ]),
  ];
  return `${lines.join('\n')}\n`;
}
