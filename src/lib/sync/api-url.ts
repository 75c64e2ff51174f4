import { SyncError } from './errors.ts';

export interface ApiEndpoint {
  /** REST root handed to Octokit, e.g. `https://api.github.com` or `https://ghe.example.com/api/v3`. */
  apiUrl: string;
  /** Where GraphQL queries go, e.g. `https://ghe.example.com/api/graphql`. */
  graphqlUrl: string;
}

const DEFAULT_API_URL = 'https://api.github.com';
const GHES_V3_SUFFIX = /\/api\/v3$/;
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Reads GITHUB_API_URL. GitHub Enterprise Server roots end in `/api/v3` and serve GraphQL at
 * `/api/graphql` (the same rule as @octokit/graphql). Plain http is refused except on
 * loopback, because the token travels in every request.
 */
export function resolveApiUrl(raw: string | undefined): ApiEndpoint {
  const text = (raw ?? '').trim() || DEFAULT_API_URL;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new SyncError(
      'api-url',
      `GITHUB_API_URL "${text}" is not a URL; use e.g. https://ghe.example.com/api/v3`,
    );
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new SyncError('api-url', 'GITHUB_API_URL must not carry credentials, a query or a fragment');
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.has(url.hostname));
  if (!secure) {
    throw new SyncError(
      'api-url',
      `GITHUB_API_URL must use https:// (got ${url.origin}); the token would travel in clear`,
    );
  }
  const apiUrl = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  const graphqlUrl = GHES_V3_SUFFIX.test(apiUrl)
    ? apiUrl.replace(GHES_V3_SUFFIX, '/api/graphql')
    : `${apiUrl}/graphql`;
  return { apiUrl, graphqlUrl };
}
