/**
 * npm run sync: pulls open risk and threat issues from GitHub into content/board/snapshot.json.
 * Reads the credentials (a GitHub App or a token) and API root from the environment; all logic is in src/lib/sync/.
 */
import { parseArgs } from 'node:util';
import { runSync } from '../src/lib/sync/run.ts';

const HELP = `Usage: npm run sync -- [options]

Pulls open risk and threat issues from GitHub into the board snapshot.

Options:
  --config FILE     sources file (default content/board/sources.yaml)
  --snapshot FILE   snapshot to update (default content/board/snapshot.json)
  --full            ignore the watermark: re-read every source, dropping deleted and transferred issues
  --dry-run         fetch and report, write nothing
  --allow-empty     allow replacing a board that has items with an empty one
  --help            show this help

Environment (a GitHub App, or a token):
  GITHUB_APP_ID               the App's ID or client ID; when set, the sync signs in as the App
  GITHUB_APP_PRIVATE_KEY      the App's private key: the PEM (line breaks or \\n escapes) or the .pem file's path
  GITHUB_APP_INSTALLATION_ID  optional; else found from the owners in sources.yaml
  GITHUB_TOKEN (or GH_TOKEN)  fine-grained token with Issues: Read-only on the source repositories
  GITHUB_API_URL              API root (default https://api.github.com; GitHub Enterprise Server: https://HOST/api/v3)
  GITHUB_SERVER_URL           web origin issue links are built from (default: derived from GITHUB_API_URL,
                              https://github.com for github.com; GitHub Actions sets it)

Exit codes: 0 synced; 1 failed, snapshot left unchanged; 2 written, but some sources failed and kept their last good items, marked stale.
`;

function options() {
  return parseArgs({
    options: {
      config: { type: 'string', default: 'content/board/sources.yaml' },
      snapshot: { type: 'string', default: 'content/board/snapshot.json' },
      full: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      'allow-empty': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  }).values;
}

let values: ReturnType<typeof options> | null = null;
try {
  values = options();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n\n${HELP}`);
  process.exitCode = 1;
}

if (values?.help) {
  process.stdout.write(HELP);
} else if (values) {
  process.exitCode = await runSync({
    configPath: values.config,
    snapshotPath: values.snapshot,
    full: values.full,
    dryRun: values['dry-run'],
    allowEmpty: values['allow-empty'],
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
  });
}
