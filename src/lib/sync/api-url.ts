import { SyncError } from './errors.ts';

export interface ApiEndpoint {
  /** REST root handed to Octokit, e.g. `https://api.github.com` or `https://ghe.example.com/api/v3`. */
  apiUrl: string;
  /** Where GraphQL queries go, e.g. `https://ghe.example.com/api/graphql`. */
  graphqlUrl: string;
  /** The web origin every issue URL is built from, e.g. `https://github.com`; never the API's `url`. */
  webUrl: string;
}

const DEFAULT_API_URL = 'https://api.github.com';
const GITHUB_WEB = 'https://github.com';
const GHES_V3_SUFFIX = /\/api\/v3$/;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Reads GITHUB_API_URL and GITHUB_SERVER_URL (the variable GitHub Actions sets). GitHub
 * Enterprise Server roots end in `/api/v3` and serve GraphQL at `/api/graphql` (the same rule
 * as @octokit/graphql) and the web pages at the host's root. Plain http is refused except on
 * loopback, because the token travels in every request; a loopback API (a proxy or a test
 * stand-in) stands for github.com unless GITHUB_SERVER_URL says otherwise.
 */
export function resolveApiUrl(raw: string | undefined, rawWeb?: string): ApiEndpoint {
  const url = parse(raw, DEFAULT_API_URL, 'GITHUB_API_URL', 'https://ghe.example.com/api/v3');
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  if (!secure) {
    throw new SyncError(
      'api-url',
      `GITHUB_API_URL must use https:// (got ${url.origin}); the token would travel in clear`,
    );
  }
  const apiUrl = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  const ghes = GHES_V3_SUFFIX.test(apiUrl);
  const graphqlUrl = ghes ? apiUrl.replace(GHES_V3_SUFFIX, '/api/graphql') : `${apiUrl}/graphql`;
  return { apiUrl, graphqlUrl, webUrl: webOrigin(rawWeb, url, ghes) };
}

function webOrigin(raw: string | undefined, api: URL, ghes: boolean): string {
  if ((raw ?? '').trim()) {
    const web = parse(raw, GITHUB_WEB, 'GITHUB_SERVER_URL', 'https://ghe.example.com');
    if (web.protocol !== 'https:' || web.pathname !== '/') {
      throw new SyncError(
        'api-url',
        `GITHUB_SERVER_URL must be an https:// origin with no path (got ${web.href})`,
      );
    }
    return web.origin;
  }
  if (LOOPBACK.has(api.hostname) || api.hostname === 'api.github.com') return GITHUB_WEB;
  if (ghes) return api.origin;
  throw new SyncError(
    'api-url',
    `cannot tell GitHub's web address from GITHUB_API_URL ${api.origin}; set GITHUB_SERVER_URL, e.g. https://ghe.example.com`,
  );
}

function parse(raw: string | undefined, fallback: string, name: string, example: string): URL {
  const text = (raw ?? '').trim() || fallback;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SyncError('api-url', `${name} "${text}" is not a URL; use e.g. ${example}`);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new SyncError('api-url', `${name} must not carry credentials, a query or a fragment`);
  }
  return url;
}
