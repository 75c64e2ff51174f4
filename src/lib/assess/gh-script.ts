/**
 * A POSIX `sh` script (dash and bash alike) that files every register entry with the GitHub
 * CLI: it checks gh is installed and signed in, creates every label it uses (so `--label`
 * cannot fail on a missing one), then runs one `gh issue create` per risk with the issue body
 * on standard input. `--dry-run` prints the commands and bodies instead and calls nothing.
 *
 * Every value in the script is one single-quoted word (`'` written as `'\''`) with NUL and
 * other control characters but newline and tab removed; the body reaches gh through
 * `printf '%s' '<body>' |`, so there is no here-document whose delimiter a note could contain.
 * Whatever a system name or a note holds, it stays data.
 */
import { issueBody, issueTitle } from './issue-body.ts';
import type { RegisterEntry } from './register-entry.ts';
import { boardLabels, labelStyle } from './register-labels.ts';

/** One shell word, single-quoted. */
export function shellQuote(value: string): string {
  return `'${value.replace(/(?![\t\n])\p{Cc}/gu, '').replace(/'/g, `'\\''`)}'`;
}

/** Text for a comment line: nothing can end the comment early. */
const comment = (value: string) => value.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ').slice(0, 200);

const REPOSITORY = /^[A-Za-z0-9][A-Za-z0-9-]{0,38}\/[A-Za-z0-9._-]{1,100}$/;
const HOST =
  /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::\d{1,5})?$/;

export interface ScriptOptions {
  /** `owner/name`. */
  repository: string;
  /** The GitHub host, for GitHub Enterprise Server; github.com when left out. */
  host?: string;
  absolute: (path: string) => string;
  /** System and assessment names for the script's header; the first entry's when left out. */
  heading?: { system: string; assessment: string };
}

/** The script's fixed part: arguments, the gh wrapper that --dry-run turns into printing, the checks. */
const PRELUDE = String.raw`
usage() {
  echo "usage: sh $0 [--dry-run]" >&2
  exit 2
}

dry=0
case "$#:${'$'}{1-}" in
  0:) ;;
  1:--dry-run) dry=1 ;;
  *) usage ;;
esac

# Prints one word single-quoted, as the dry run shows each argument.
quote() {
  q_rest=$1
  q_out=
  while :; do
    case $q_rest in
      *\'*)
        q_head=${'$'}{q_rest%%\'*}
        q_out="$q_out$q_head'\\''"
        q_rest=${'$'}{q_rest#*\'}
        ;;
      *) break ;;
    esac
  done
  printf "'%s'" "$q_out$q_rest"
}

# Runs gh with these arguments; with --dry-run, prints the command instead.
run() {
  if [ "$dry" = 1 ]; then
    printf 'gh'
    for q_word in "$@"; do
      printf ' '
      quote "$q_word"
    done
    printf '\n'
  else
    gh "$@"
  fi
}

# Files one issue whose body comes on standard input; with --dry-run, prints the body indented.
file_issue() {
  run issue create "$@"
  if [ "$dry" = 1 ]; then
    sed 's/^/    /'
    printf '\n\n'
  fi
}

if [ "$dry" = 0 ]; then
  if ! command -v gh >/dev/null 2>&1; then
    echo 'The GitHub CLI (gh) is not installed: see https://cli.github.com' >&2
    exit 1
  fi
  if ! gh auth status --hostname "$host" >/dev/null 2>&1; then
    echo "gh is not signed in to $host: run gh auth login --hostname $host" >&2
    exit 1
  fi
fi
`;

export function ghScript(entries: readonly RegisterEntry[], options: ScriptOptions): string {
  const host = options.host ?? 'github.com';
  if (!REPOSITORY.test(options.repository)) throw new TypeError(`not owner/name: ${options.repository}`);
  if (!HOST.test(host)) throw new TypeError(`not a host name: ${host}`);
  // gh takes [HOST/]OWNER/REPO, so one --repo value reaches a GHES repository.
  const repo = host === 'github.com' ? options.repository : `${host}/${options.repository}`;
  const labels = [...new Set(entries.flatMap((e) => boardLabels(e)))];
  const system = options.heading?.system ?? entries[0]?.system.name ?? '';
  const assessment = options.heading?.assessment ?? entries[0]?.assessment.name ?? '';
  const risks = `${entries.length} ${entries.length === 1 ? 'risk' : 'risks'}`;
  const header = [
    '#!/bin/sh',
    `# Files ${risks} from Tandem's joint risk assessment as GitHub issues in ${repo}.`,
    `# System: ${comment(system)}`,
    `# Assessment: ${comment(assessment)}`,
    '#',
    '# Usage: sh <this file> [--dry-run]',
    '#   --dry-run   print the gh commands and issue bodies instead of running them',
    '#',
    '# Needs the GitHub CLI (https://cli.github.com), signed in with "gh auth login" as someone',
    '# who may create labels and issues in the repository. It first creates or updates every',
    '# label it uses, then files one issue per risk; each run files new issues, so run it once.',
    'set -eu',
    '',
    `repo=${shellQuote(repo)}`,
    `host=${shellQuote(host)}`,
  ];
  const labelLines = labels.map((label) => {
    const { color, description } = labelStyle(label);
    return `run label create ${shellQuote(label)} --repo "$repo" --color ${shellQuote(color)} --description ${shellQuote(description)} --force`;
  });
  const issueLines = entries.flatMap((entry, i) => [
    '',
    `printf '%s\\n' ${shellQuote(`(${i + 1}/${entries.length}) ${issueTitle(entry)}`)} >&2`,
    `printf '%s' ${shellQuote(issueBody(entry, options.absolute))} |`,
    [
      '  file_issue --repo "$repo"',
      `--title ${shellQuote(issueTitle(entry))}`,
      '--body-file -',
      ...boardLabels(entry).map((l) => `--label ${shellQuote(l)}`),
    ].join(' \\\n    '),
  ]);
  return `${[
    ...header,
    PRELUDE,
    `printf '%s\\n' ${shellQuote(`Creating or updating ${labels.length} labels in ${repo}`)} >&2`,
    ...labelLines,
    ...issueLines,
  ].join('\n')}\n`;
}
