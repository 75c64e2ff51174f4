/**
 * The gh script run for real under sh, dash and bash, with a fake `gh` first on PATH: a tiny
 * shell script that logs each call's arguments (one per line, each followed by a separator
 * line) and, for `issue create`, its standard input. Hostile system names, titles and notes
 * must arrive as exactly the intended arguments and body, byte for byte, and nothing in them
 * may run: no marker file, and the (temporary) home directory still there.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ghScript, shellQuote } from '../../src/lib/assess/gh-script.ts';
import { issueBody, issueTitle } from '../../src/lib/assess/issue-body.ts';
import { boardLabels, labelStyle } from '../../src/lib/assess/register-labels.ts';
import { hostile, injection, PWNED, specialCategory } from '../fixtures/assess/register-entries.ts';

const absolute = (path: string) => new URL(path, 'https://risks.tandem.test/').href;
const dir = mkdtempSync(join(tmpdir(), 'tandem-gh-'));
const bin = join(dir, 'bin');
const home = join(dir, 'home');
const log = join(dir, 'calls.log');
mkdirSync(bin);
mkdirSync(home);
writeFileSync(join(home, 'keep'), 'still here');
// RS (\036) and US (\037) cannot reach gh: the script strips control characters.
writeFileSync(
  join(bin, 'gh'),
  `#!/bin/sh
{
  for arg in "$@"; do printf '%s\\n\\036\\n' "$arg"; done
  if [ "$1" = issue ]; then printf '\\037'; cat; printf '\\037'; fi
  printf '\\035\\n'
} >> '${log}'
[ "$1 $2" = 'auth status' ] && [ -n "\${FAKE_GH_SIGNED_OUT-}" ] && exit 1
exit 0
`,
);
chmodSync(join(bin, 'gh'), 0o755);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Call {
  args: string[];
  stdin?: string;
}
function calls(): Call[] {
  if (!existsSync(log)) return [];
  return readFileSync(log, 'utf8')
    .split('\u001d\n')
    .slice(0, -1)
    .map((record) => {
      const [args = '', stdin] = record.split('\u001f');
      return { args: args.split('\n\u001e\n').slice(0, -1), ...(stdin === undefined ? {} : { stdin }) };
    });
}

const shells = [
  '/bin/sh',
  ['/usr/bin/dash', '/bin/dash'].find(existsSync),
  ['/usr/bin/bash', '/bin/bash'].find(existsSync),
].filter((s): s is string => s !== undefined && existsSync(s));
const entries = [injection, specialCategory, hostile];
const script = ghScript(entries, { repository: 'tandem-test/risks', absolute });
const file = join(dir, 'file-issues.sh');
writeFileSync(file, script);

function run(shell: string, args: string[] = [], env: Record<string, string> = {}, source = file) {
  const result = spawnSync(shell, [source, ...args], {
    env: { PATH: `${bin}:/usr/bin:/bin`, HOME: home, ...env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, calls: calls() };
}

beforeEach(() => {
  rmSync(log, { force: true });
  rmSync(PWNED, { force: true });
});

function expectNothingRan() {
  expect(existsSync(PWNED)).toBe(false);
  expect(readFileSync(join(home, 'keep'), 'utf8')).toBe('still here');
}

const allLabels = [...new Set(entries.flatMap((e) => boardLabels(e)))];
const labelCall = (label: string): Call => {
  const { color, description } = labelStyle(label);
  return {
    args: [
      'label',
      'create',
      label,
      '--repo',
      'tandem-test/risks',
      '--color',
      color,
      '--description',
      description,
      '--force',
    ],
  };
};
const issueCall = (entry: (typeof entries)[number]): Call => ({
  args: [
    'issue',
    'create',
    '--repo',
    'tandem-test/risks',
    '--title',
    issueTitle(entry),
    '--body-file',
    '-',
    ...boardLabels(entry).flatMap((l) => ['--label', l]),
  ],
  stdin: issueBody(entry, absolute),
});

describe.each(shells)('the gh script under %s', (shell) => {
  it('checks sign-in, creates every label, then files each risk with exactly the intended arguments and body', () => {
    const result = run(shell);
    expect(result.stderr).not.toMatch(/not found|syntax|unexpected/i);
    expect(result.code).toBe(0);
    expectNothingRan();
    expect(result.calls).toEqual([
      { args: ['auth', 'status', '--hostname', 'github.com'] },
      ...allLabels.map(labelCall),
      ...entries.map(issueCall),
    ]);
  });

  it('hands gh the hostile title and body as typed, not as shell', () => {
    const filed = run(shell).calls.at(-1)!;
    const title = filed.args[filed.args.indexOf('--title') + 1]!;
    expect(title).toContain(`'; rm -rf ~; echo '$(touch ${PWNED}) \`touch ${PWNED}\``);
    expect(title).toContain(
      '"; touch /tmp/tandem-pwned; " \\\'; touch /tmp/tandem-pwned # ${HOME} $HOME \\ \\\\',
    );
    expect(title).toContain('EOF --label=x &labels=pwned');
    expect(filed.stdin).toContain('\nEOF\n\\--label=x\n');
    expect(filed.stdin).toContain('A long note about the risk, written in the workshop. '.repeat(100).trim());
    expect(filed.stdin!.length).toBeGreaterThan(5_000);
    expect(filed.args.filter((a) => a === '--label')).toHaveLength(boardLabels(hostile).length);
    expectNothingRan();
  });

  it('with --dry-run calls nothing and prints commands that run to the same gh calls', () => {
    const dry = run(shell, ['--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.calls).toEqual([]);
    expectNothingRan();
    const commands = dry.stdout.split('\n').filter((line) => line.startsWith('gh '));
    expect(commands).toHaveLength(allLabels.length + entries.length);
    // Each printed command, run by a shell with the fake gh, makes the call the script makes.
    const replay = join(dir, 'replay.sh');
    writeFileSync(replay, `${commands.join(' </dev/null\n')} </dev/null\n`);
    const replayed = run(shell, [], {}, replay);
    expect(replayed.code).toBe(0);
    expectNothingRan();
    expect(replayed.calls.map((c) => c.args)).toEqual([
      ...allLabels.map((l) => labelCall(l).args),
      ...entries.map((e) => issueCall(e).args),
    ]);
    // The bodies are shown too, indented.
    expect(dry.stdout).toContain(
      issueBody(injection, absolute)
        .split('\n')
        .map((l) => `    ${l}`)
        .join('\n'),
    );
  });

  it('stops before creating anything when gh is not signed in', () => {
    const result = run(shell, [], { FAKE_GH_SIGNED_OUT: '1' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('gh is not signed in to github.com');
    expect(result.calls.map((c) => c.args.slice(0, 2))).toEqual([['auth', 'status']]);
  });

  it('stops when gh is not installed', () => {
    const result = run(shell, [], { PATH: join(dir, 'empty') });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('The GitHub CLI (gh) is not installed');
    expect(result.calls).toEqual([]);
  });

  it('refuses an unknown or extra argument', () => {
    for (const args of [['--force'], ['--dry-run', 'x'], ['']]) {
      const result = run(shell, args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('usage:');
      expect(result.calls).toEqual([]);
    }
  });
});

describe('the script text', () => {
  it('is POSIX sh with set -eu, a usage comment, and every label created before the first issue', () => {
    const plain = ghScript([injection, specialCategory], { repository: 'tandem-test/risks', absolute });
    expect(plain).not.toMatch(/\[\[|^\s*(?:function|local|source|declare)\s|\$'|==|<<<|\$\{[^}]*\/\//m);
    // No here-document, so no delimiter a note could contain.
    expect(plain).not.toMatch(/<</);
    expect(script.startsWith('#!/bin/sh\n')).toBe(true);
    expect(script).toMatch(/^set -eu$/m);
    expect(script).toContain('# Usage: sh <this file> [--dry-run]');
    expect(script.lastIndexOf('run label create')).toBeLessThan(script.indexOf('file_issue --repo'));
  });

  it('keeps hostile names out of the header comments’ control: each stays on its comment line', () => {
    const lines = script.split('\n');
    expect(lines[2]).toMatch(/^# System: /);
    expect(lines[3]).toMatch(/^# Assessment: /);
    const other = ghScript([hostile], { repository: 'tandem-test/risks', absolute });
    const otherLines = other.split('\n');
    expect(otherLines[2]).toMatch(/^# System: \$\(touch/);
    expect(otherLines[3]).toMatch(/^# Assessment: /);
    expect(otherLines[4]).toBe('#');
  });

  it('names a GitHub Enterprise host in --repo and the sign-in check', () => {
    const ghes = join(dir, 'ghes.sh');
    writeFileSync(ghes, ghScript([injection], { repository: 'ml/risks', host: 'ghe.tandem.test', absolute }));
    const result = run('/bin/sh', [], {}, ghes);
    expect(result.code).toBe(0);
    expect(result.calls[0]!.args).toEqual(['auth', 'status', '--hostname', 'ghe.tandem.test']);
    expect(result.calls.at(-1)!.args.slice(2, 4)).toEqual(['--repo', 'ghe.tandem.test/ml/risks']);
  });

  it('refuses a repository or host that is not one', () => {
    expect(() => ghScript([injection], { repository: "o/r'; touch x; '", absolute })).toThrow(TypeError);
    expect(() => ghScript([injection], { repository: 'https://github.com/o/r', absolute })).toThrow(
      TypeError,
    );
    expect(() => ghScript([injection], { repository: 'o/r', host: 'a b', absolute })).toThrow(TypeError);
  });
});

describe('shell quoting', () => {
  it('makes any string one inert word', () => {
    const values = [
      `'`,
      `''`,
      `a'b`,
      `$(touch ${PWNED})`,
      '`id`',
      '\\',
      '"',
      '\n',
      'é✓\uFFFF',
      '--x=y',
      '',
      'EOF',
    ];
    for (const shell of shells)
      for (const value of values) {
        const out = spawnSync(shell, ['-c', `printf '%s' ${shellQuote(value)}`], { encoding: 'utf8' });
        expect(out.stdout, `${shell}: ${JSON.stringify(value)}`).toBe(value);
      }
    expect(existsSync(PWNED)).toBe(false);
  });

  it('drops NUL and control characters but keeps newlines and tabs', () => {
    expect(shellQuote('a\u0000b\u0007c\u001b[0m\r\nd\te\u0085')).toBe(`'abc[0m\nd\te'`);
  });
});
