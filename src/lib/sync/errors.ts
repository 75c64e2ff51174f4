/**
 * Everything that can stop a sync, with a message that says what failed and what to do.
 * `fatal` errors stop the whole run and leave the snapshot untouched; the others fail one
 * source, whose last good items are kept and marked stale.
 */
export type SyncErrorKind =
  | 'config'
  | 'token-missing'
  | 'token-invalid'
  | 'redirect'
  | 'api-url'
  | 'auth'
  | 'app-installation'
  | 'forbidden'
  | 'endpoint'
  | 'unreachable'
  | 'timeout'
  | 'not-json'
  | 'rate-limit'
  | 'secondary-limit'
  | 'all-failed'
  | 'empty'
  | 'not-found'
  | 'graphql'
  | 'server'
  | 'cursor'
  | 'shape';

const SOURCE_KINDS: ReadonlySet<SyncErrorKind> = new Set([
  'not-found',
  'graphql',
  'server',
  'cursor',
  'shape',
]);

export class SyncError extends Error {
  readonly kind: SyncErrorKind;
  /** Stops the whole run (true) or only the source being read (false). */
  readonly fatal: boolean;

  constructor(kind: SyncErrorKind, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SyncError';
    this.kind = kind;
    this.fatal = !SOURCE_KINDS.has(kind);
  }
}

/** Shown when neither GITHUB_TOKEN nor GH_TOKEN is set. */
export const MISSING_TOKEN_MESSAGE = [
  'no GitHub token: set GITHUB_TOKEN (or GH_TOKEN) before running the sync.',
  'Create a fine-grained personal access token at https://github.com/settings/personal-access-tokens/new',
  '(GitHub Enterprise Server: <your host>/settings/personal-access-tokens/new):',
  '  1. Resource owner: the organisation that owns the repositories in sources.yaml.',
  '  2. Repository access: "Only select repositories", and pick those repositories.',
  '  3. Permissions → Repository permissions → Issues: Read-only (Metadata: Read-only is added for you).',
  'Then run: GITHUB_TOKEN=<token> npm run sync. In GitHub Actions use a secret, never a committed value.',
  'An organisation can sign in as a GitHub App instead: set GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY (see the README).',
].join('\n');

/** Shown when GITHUB_APP_ID is set without a private key. */
export const APP_KEY_MESSAGE = [
  'GITHUB_APP_ID is set but GITHUB_APP_PRIVATE_KEY is not: the sync signs in as the GitHub App with its private key.',
  "Generate one on the App's settings page (Private keys → Generate a private key), store it as a secret, and set",
  'GITHUB_APP_PRIVATE_KEY to the PEM (line breaks or \\n escapes) or to the path of the downloaded .pem file.',
].join('\n');

/** Shown when the token holds whitespace: a newline or space pasted with it would corrupt every request. */
export const TOKEN_WHITESPACE_MESSAGE = [
  'the GitHub token contains whitespace (often a line break pasted with it), so GitHub would refuse it.',
  'Set GITHUB_TOKEN (or GH_TOKEN) to the token alone, on one line, with nothing before or after it.',
].join('\n');
