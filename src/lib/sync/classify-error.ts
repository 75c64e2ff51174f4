import type { NetworkSettings } from '../../schemas/sources.ts';
import { SyncError } from './errors.ts';
import { cleanText } from './plain-text.ts';

interface Context {
  /** GraphQL URL, named in messages about reaching it. */
  endpoint: string;
  network: NetworkSettings;
  /** Seconds to the primary rate-limit reset, when the throttling plugin reported one. */
  rateLimitWaitSeconds: number | null;
  /** Signed in as a GitHub App rather than with a personal token. */
  app?: boolean;
}

interface HttpErrorLike {
  status: number;
  message: string;
  response?: { headers: Record<string, string | number | undefined> };
  request?: { url?: string };
  errors?: Array<{ type?: string; message?: string }>;
  cause?: unknown;
}

/** Turns what Octokit throws into a SyncError that says what failed and what to do. */
export function classifyError(
  error: unknown,
  { endpoint, network, rateLimitWaitSeconds, app = false }: Context,
): SyncError {
  if (error instanceof SyncError) return error;
  const e = error as HttpErrorLike;
  const attempts = `${network.retries + 1} attempt${network.retries === 0 ? '' : 's'}`;
  const rateLimit = () => {
    const wait =
      rateLimitWaitSeconds === null
        ? 'later'
        : `in about ${Math.max(1, Math.round(rateLimitWaitSeconds / 60))} min`;
    return new SyncError(
      'rate-limit',
      `GitHub's rate limit for this token is used up and resets ${wait}, beyond network.maxRateLimitWaitSeconds (${network.maxRateLimitWaitSeconds} s); run the sync again after the reset`,
      { cause: error },
    );
  };
  if (Array.isArray(e.errors)) {
    const types = e.errors.map((item) => item.type);
    if (types.includes('NOT_FOUND')) {
      return new SyncError(
        'not-found',
        'repository not found, or the token cannot read it; check the name in sources.yaml and that the token has access to it',
        { cause: error },
      );
    }
    if (types.includes('RATE_LIMITED')) return rateLimit();
    const messages = cleanText(
      e.errors.map((item) => String(item.message ?? item.type ?? 'unknown error')).join('; '),
      300,
    );
    return new SyncError(
      'graphql',
      `GitHub answered with GraphQL errors (${messages}); nothing from that answer was used`,
      { cause: error },
    );
  }
  if (e?.message === 'GraphQL Rate Limit Exceeded') return rateLimit();
  if (typeof e?.status !== 'number') {
    return new SyncError('unreachable', `request to ${endpoint} failed: ${String(e?.message ?? error)}`, {
      cause: error,
    });
  }
  const headers = e.response?.headers ?? {};
  // Octokit appends " - <documentation_url>" to GitHub's message.
  const said = /^\s*<[!a-z]/i.test(e.message)
    ? 'an HTML error page'
    : oneLine(e.message.replace(/ - https?:\/\/\S+$/, ''));
  if (app) {
    const appError = classifyAppError(e, said, error);
    if (appError) return appError;
  }
  if (e.status === 401) {
    return new SyncError(
      'auth',
      `GitHub rejected the token (401 ${said}): it is invalid, expired or revoked. Create a new fine-grained token with Issues: Read-only and set GITHUB_TOKEN`,
      { cause: error },
    );
  }
  if ((e.status === 403 || e.status === 429) && /\bsecondary rate\b/i.test(e.message)) {
    return new SyncError(
      'secondary-limit',
      `GitHub's secondary rate limit still applied after ${attempts}; wait a few minutes and run the sync again`,
      { cause: error },
    );
  }
  if (e.status === 403 && String(headers['x-ratelimit-remaining']) === '0') return rateLimit();
  if (e.status === 403) {
    return new SyncError(
      'forbidden',
      `GitHub refused the request (403 ${said}); the token may lack Issues: Read-only, or the organisation requires SSO authorisation for it`,
      { cause: error },
    );
  }
  if (e.status === 404) {
    return new SyncError(
      'endpoint',
      `no GraphQL API at ${endpoint} (404); set GITHUB_API_URL to https://api.github.com or, for GitHub Enterprise Server, https://HOST/api/v3`,
      { cause: error },
    );
  }
  if (e.response) {
    return new SyncError('server', `GitHub answered ${e.status} (${said}) after ${attempts}`, {
      cause: error,
    });
  }
  if (causes(error).some((c) => c.name === 'TimeoutError' || c.name === 'AbortError')) {
    return new SyncError(
      'timeout',
      `no answer from ${endpoint} within ${network.timeoutMs} ms (${attempts}); check GITHUB_API_URL and the network, or raise network.timeoutMs`,
      { cause: error },
    );
  }
  const code = causes(error)
    .map((c) => (c as { code?: unknown }).code)
    .find((c) => typeof c === 'string');
  return new SyncError(
    'unreachable',
    `could not reach ${endpoint} (${code ?? oneLine(e.message)}, ${attempts}); check GITHUB_API_URL and the network`,
    { cause: error },
  );
}

/**
 * A GitHub App's own failures: its JWT refused (wrong App ID for the key, a deleted key, a
 * clock far off), its installation gone or suspended, or an installation token refused.
 */
function classifyAppError(e: HttpErrorLike, said: string, cause: unknown): SyncError | null {
  const path = URL.parse(e.request?.url ?? '')?.pathname ?? '';
  const signedWithJwt = /\/app\/installations\/|\/installation$/.test(path);
  if (signedWithJwt && e.status === 401)
    return new SyncError(
      'auth',
      `GitHub rejected the GitHub App's signature (401 ${said}): check that GITHUB_APP_ID names the App this private key belongs to, that the key has not been deleted from the App's settings, and that this machine's clock is right`,
      { cause },
    );
  if (/\/access_tokens$/.test(path) && (e.status === 404 || e.status === 403))
    return new SyncError(
      'app-installation',
      `GitHub would not issue an installation token (${e.status} ${said}): the installation in GITHUB_APP_INSTALLATION_ID does not belong to this App, was removed or is suspended; check the App's Install App page, or unset GITHUB_APP_INSTALLATION_ID to find it from sources.yaml`,
      { cause },
    );
  if (e.status === 401)
    return new SyncError(
      'auth',
      `GitHub rejected the GitHub App's installation token (401 ${said}): the installation may have been removed or suspended; check the App's Install App page and run the sync again`,
      { cause },
    );
  if (e.status === 403 && !/\brate limit\b/i.test(e.message))
    return new SyncError(
      'forbidden',
      `GitHub refused the GitHub App (403 ${said}); give the App Issues: Read-only (and Metadata: Read-only) and make sure its installation includes the source repositories`,
      { cause },
    );
  return null;
}

function causes(error: unknown): Error[] {
  const chain: Error[] = [];
  for (let c = error; c instanceof Error && chain.length < 10; c = c.cause) chain.push(c);
  return chain;
}

function oneLine(text: string): string {
  return cleanText(text, 120);
}
