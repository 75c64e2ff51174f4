/**
 * Builds the real site in a throw-away copy of the project, so tests and benchmarks can swap the content
 * (fixtures, hostile input, generated corpora) without touching the working tree.
 * node_modules is linked, everything else is copied.
 */
import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const bin = (name: string) => join(projectRoot, 'node_modules', '.bin', name);

export interface TempProject {
  root: string;
  dispose(): Promise<void>;
}

/** Copies the project's code; content comes from `contentDir` (default: the bundled content). */
export async function makeTempProject(contentDir = join(projectRoot, 'content')): Promise<TempProject> {
  const root = await mkdtemp(join(tmpdir(), 'tandem-'));
  for (const entry of ['package.json', 'tsconfig.json', 'astro.config.mjs', 'src']) {
    await cp(join(projectRoot, entry), join(root, entry), { recursive: true });
  }
  await cp(contentDir, join(root, 'content'), { recursive: true });
  await symlink(join(projectRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  return { root, dispose: () => rm(root, { recursive: true, force: true }) };
}

export interface RunResult {
  code: number;
  output: string;
}

/** Runs `astro build` (or another astro command) in `root` on the project's pinned Node. */
export function runAstro(
  root: string,
  args: string[] = ['build'],
  env: Record<string, string> = {},
): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      bin('node'),
      [join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs'), ...args],
      {
        cwd: root,
        env: { ...buildEnv(), ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...env },
      },
    );
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/**
 * The environment a child build inherits, without the variables Vite sets in a test worker
 * (BASE_URL, MODE, DEV, PROD, SSR): Astro copies the environment into `import.meta.env`, so
 * they would override the build's own base path and mode.
 */
function buildEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[name];
  return env;
}
