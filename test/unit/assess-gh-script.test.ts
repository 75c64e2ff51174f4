/**
 * The gh script run for real under sh, dash and bash with a fake `gh` first on PATH that
 * records every call's arguments: hostile system names, titles and notes must arrive as the
 * exact intended arguments, and nothing in them may run.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ghScript, shellQuote } from '../../src/lib/assess/gh-script.ts';
import { issueBody, issueTitle } from '../../src/lib/assess/issue-body.ts';
import { boardLabels } from '../../src/lib/assess/register-labels.ts';
import { hostile, injection, specialCategory } from '../fixtures/assess/register-entries.ts';

const absolute = (path: string) => new URL(path, 'https://risks.tandem.test/').href;
const dir = mkdtempSync(join(tmpdir(), 'tandem-gh-'));
const log = join(dir, 'calls.jsonl');
const marker = '/tmp/tandem-pwned';
// The fake gh: node records argv as one JSON line per call; `auth status` succeeds.
writeFileSync(
  join(dir, 'fake-gh.mjs'),
  `import { appendFileSync } from 'node:fs';\nappendFileSync(${JSON.stringify(log)}, JSON.stringify(process.argv.slice(2)) + '\\n');\n`,
);
writeFileSync(
  join(dir, 'gh'),
  `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(join(dir, 'fake-gh.mjs'))} "$@"\n`,
);
chmodSync(join(dir, 'gh'), 0o755);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const shells = ['/bin/sh', '/bin/dash', '/usr/bin/dash', '/bin/bash'].filter(existsSync);
const entries = [injection, specialCategory, hostile];
const script = ghScript(entries, { repository: 'tandem-test/risks', absolute });

function run(shell: string, args: string[] = []) {
  rmSync(log, { force: true });
  rmSync(marker, { force: true });
  const file = join(dir, 'file-issues.sh');
  writeFileSync(file, script);
  const stdout = execFileSync(shell, [file, ...args], {
    env: { PATH: `${dir}:/usr/bin:/bin`, HOME: dir },
    encoding: 'utf8',
  });
  const calls: string[][] = existsSync(log)
    ? readFileSync(log, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l))
    : [];
  return { stdout, calls };
}

describe.each(shells)('the gh script under %s', (shell) => {
  it('creates every label first, then files each risk with exactly the intended arguments', () => {
    const { calls } = run(shell);
    expect(existsSync(marker)).toBe(false);
    expect(calls[0]).toEqual(['auth', 'status', '--hostname', 'github.com']);
    const labels = [...new Set(entries.flatMap((e) => boardLabels(e)))];
    const creates = calls.filter((c) => c[0] === 'label');
    expect(creates.map((c) => c[2])).toEqual(labels);
    expect(creates[0]).toEqual(expect.arrayContaining(['--repo=tandem-test/risks', '--force']));
    const issues = calls.filter((c) => c[0] === 'issue');
    expect(issues).toEqual(
      entries.map((e) => [
        'issue',
        'create',
        '--repo=tandem-test/risks',
        `--title=${issueTitle(e)}`,
        `--body=${issueBody(e, absolute).replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')}`,
        ...boardLabels(e).map((l) => `--label=${l}`),
      ]),
    );
    // Labels are all created before the first issue.
    expect(calls.findIndex((c) => c[0] === 'issue')).toBeGreaterThan(
      calls.findLastIndex((c) => c[0] === 'label'),
    );
  });

  it('with --dry-run prints the commands and calls nothing', () => {
    const { stdout, calls } = run(shell, ['--dry-run']);
    expect(calls).toEqual([]);
    expect(existsSync(marker)).toBe(false);
    expect(stdout.match(/^gh 'issue' 'create'/gm)).toHaveLength(entries.length);
    expect(stdout).toContain(`gh 'label' 'create' 'risk'`);
  });

  it('refuses an unknown argument', () => {
    expect(() => run(shell, ['--force'])).toThrow();
  });
});

describe('shell quoting', () => {
  it('makes any string one inert word', () => {
    for (const value of [`'`, `''`, `a'b`, '$(id)', '`id`', '\\', '"', '\n', 'é✓', '--x=y', ''])
      expect(execFileSync('/bin/sh', ['-c', `printf '%s' ${shellQuote(value)}`], { encoding: 'utf8' })).toBe(
        value,
      );
  });

  it('drops NUL and control characters but keeps newlines and tabs', () => {
    expect(shellQuote('a\u0000b\u0007c\nd\te')).toBe(`'abc\nd\te'`);
  });
});

it('names a GitHub Enterprise host in the repository and the sign-in check', () => {
  const ghe = ghScript([injection], { repository: 'ml/risks', host: 'ghe.tandem.test', absolute });
  expect(ghe).toContain(`repo='ghe.tandem.test/ml/risks'`);
  expect(ghe).toContain(`host='ghe.tandem.test'`);
});
