import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NETWORK, parseSnippets, skipReason, type Snippet } from '../../src/lib/snippets.ts';

// Runs every snippet the content marks runnable (README, "Runnable snippets"), page by page, the
// way a reader following along would: in page order, in one fresh directory, with no network.

const root = fileURLToPath(new URL('../..', import.meta.url));
/** Debian's python3 with python3-numpy, -scipy, -pandas and -sklearn (.ci/run installs them). */
const PYTHON = process.env['SNIPPET_PYTHON'] ?? '/usr/bin/python3';
const TIMEOUT_MS = 60_000;
/**
 * How many snippets the bundled content marks runnable that run here. A floor, so unmarking
 * snippets (or a parser that stops finding them) fails; pages added later only add to it.
 */
const MARKED_AND_RUN = 19;

/** Only what a snippet needs: no tokens, no proxies, no pyenv; the interpreter's directory first. */
function snippetEnv(home: string): Record<string, string> {
  const path = [dirname(PYTHON), '/usr/local/bin', '/usr/bin', '/bin'];
  return { PATH: [...new Set(path)].join(':'), LANG: 'C.UTF-8', HOME: home, TMPDIR: home };
}

function contentPages(dir = 'content'): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true })
    .flatMap((entry) => {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) return contentPages(path);
      return /\.mdx?$/.test(entry.name) ? [path] : [];
    })
    .sort();
}

const pages = contentPages().map((file) => ({
  file,
  snippets: parseSnippets(file, readFileSync(join(root, file), 'utf8')),
}));

const modules = new Set(
  pages.flatMap((p) => p.snippets.flatMap((s) => s.needs)).filter((n) => n !== NETWORK),
);
const importable = new Map(
  [...modules].map((name) => {
    const result = spawnSync(PYTHON, ['-c', `import ${name}`], {
      env: snippetEnv(tmpdir()),
      stdio: 'ignore',
    });
    return [name, result.status === 0] as const;
  }),
);
const isImportable = (name: string) => importable.get(name) ?? false;

/** Why the snippets cannot run on this machine at all, or undefined when they can. */
function unrunnable(): string | undefined {
  const isolation = spawnSync('unshare', ['-rn', 'true'], { encoding: 'utf8' });
  if (isolation.status !== 0) {
    return (
      `\`unshare -rn\` failed (${isolation.error?.message ?? isolation.stderr.trim()}). The snippet test ` +
      'turns the network off with a user and network namespace: run it as root, or where unprivileged ' +
      'user namespaces are enabled (sysctl kernel.unprivileged_userns_clone=1), as on CI.'
    );
  }
  if (spawnSync(PYTHON, ['--version'], { stdio: 'ignore' }).status !== 0) {
    return `${PYTHON} does not run: install Debian's python3, or point SNIPPET_PYTHON at an interpreter.`;
  }
  return undefined;
}

interface Outcome {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
}

/** Runs a command in its own process group, so a timeout also ends what the snippet started. */
function run(command: string[], cwd: string, env: Record<string, string>): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const [file = '', ...args] = command;
    const child = spawn(file, args, { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // The group ended on its own meanwhile.
      }
    }, TIMEOUT_MS);
    child.on('error', (error) => (clearTimeout(timer), reject(error)));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, timedOut });
    });
  });
}

const tail = (text: string, max = 3000) => (text.length > max ? `…${text.slice(-max)}` : text) || '(empty)';

function commandFor(snippet: Snippet, script: string): string[] {
  const interpreter = snippet.language === 'python' ? [PYTHON] : ['bash', '-euo', 'pipefail'];
  return ['unshare', '-rn', ...interpreter, script];
}

beforeAll(() => {
  const reason = unrunnable();
  if (reason) throw new Error(reason);
});

for (const { file, snippets } of pages.filter((p) => p.snippets.length > 0)) {
  describe(file, () => {
    let base = '';
    let work = '';
    beforeAll(async () => {
      // The scripts live beside the working directory, so a snippet listing its directory sees
      // only what earlier snippets of the page wrote.
      base = await mkdtemp(join(tmpdir(), 'tandem-snippets-'));
      work = join(base, 'work');
      await mkdir(work);
    });
    afterAll(() => rm(base, { recursive: true, force: true }));

    for (const snippet of snippets) {
      const name = `${file}:${snippet.line}`;
      const reason = skipReason(snippet, isImportable);
      if (reason) {
        it.skip(`${name} (${reason})`, () => {});
        continue;
      }
      it(
        name,
        async () => {
          const script = join(base, `line-${snippet.line}.${snippet.language === 'python' ? 'py' : 'sh'}`);
          await writeFile(script, `${snippet.code}\n`);
          const outcome = await run(commandFor(snippet, script), work, snippetEnv(work));
          if (outcome.code === 0 && !outcome.timedOut) return;
          const how = outcome.timedOut
            ? `did not finish within ${TIMEOUT_MS / 1000} s`
            : `exited with ${outcome.code ?? outcome.signal}`;
          throw new Error(
            `${name} ${how}. Line n of the snippet is line ${snippet.line}+n of the page.\n` +
              `--- stdout ---\n${tail(outcome.stdout)}\n--- stderr ---\n${tail(outcome.stderr)}`,
          );
        },
        TIMEOUT_MS + 10_000,
      );
    }
  });
}

describe('the runnable snippets as a whole', () => {
  it(`include at least the ${MARKED_AND_RUN} that the bundled content marks and that run offline here`, () => {
    const running = pages.flatMap((p) => p.snippets).filter((s) => !skipReason(s, isImportable));
    expect(running.length).toBeGreaterThanOrEqual(MARKED_AND_RUN);
  });
});
