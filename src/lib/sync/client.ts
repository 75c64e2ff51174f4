import { createAppAuth } from '@octokit/auth-app';
import { Octokit } from '@octokit/core';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck';
import type { NetworkSettings } from '../../schemas/sources.ts';
import type { ApiEndpoint } from './api-url.ts';
import { findInstallation, refreshingTokenCache } from './app-auth.ts';
import { classifyError } from './classify-error.ts';
import type { Credentials } from './credentials.ts';
import { SyncError } from './errors.ts';
import { cleanText } from './plain-text.ts';

/** What the sync needs from GitHub: one query at a time, and counts for the summary. */
export interface GraphqlClient {
  /** Sends one named operation; resolves to its `data`, or throws a SyncError. */
  query(document: string, variables: Record<string, unknown>): Promise<unknown>;
  /**
   * GraphQL requests sent (retries included), rate-limit points reported by GitHub, and, for a
   * GitHub App, the REST requests that found the installation and issued its tokens.
   */
  readonly stats: ClientStats;
  /** Who the sync signed in as, for the summary: null for a personal token. */
  identity?(): string | null;
}

export interface ClientStats {
  requests: number;
  points: number;
  remaining: number | null;
  authRequests: number;
  readonly tokensIssued: number;
}

export interface ClientOptions {
  credentials: Credentials;
  /** The sources' owners, where a GitHub App's installation is looked for when not given. */
  owners: readonly string[];
  endpoint: ApiEndpoint;
  network: NetworkSettings;
  /** Where retries and rate-limit waits are reported. */
  log: (message: string) => void;
  /** Told each credential the client sends (an App's JWT, every installation token), for redaction. */
  onSecret?: (secret: string) => void;
}

const SyncOctokit = Octokit.plugin(retry, throttling);

/** Same-origin redirects followed before giving up. */
const MAX_REDIRECTS = 3;

/** Octokit with the maintained retry and throttling plugins, a timeout per request and counting. */
export function createGraphqlClient({
  credentials,
  owners,
  endpoint,
  network,
  log,
  onSecret = () => {},
}: ClientOptions): GraphqlClient {
  const cache = refreshingTokenCache();
  const stats: ClientStats = {
    requests: 0,
    points: 0,
    remaining: null,
    authRequests: 0,
    get tokensIssued() {
      return cache.issued;
    },
  };
  const state = { rateLimitWaitSeconds: null as number | null, refusedRedirect: null as string | null };
  const timedFetch: typeof fetch = async (input, init) => {
    const authorization = new Headers(init?.headers).get('authorization');
    if (authorization) onSecret(authorization.replace(/^\S+\s+/, ''));
    const timeout = AbortSignal.timeout(network.timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    // Redirects are followed by hand, and only within the API's origin: a 307 or 308 to another
    // host would otherwise receive the token and the query.
    let url = new URL(input instanceof Request ? input.url : String(input));
    if (url.pathname.endsWith('/graphql')) stats.requests += 1;
    else stats.authRequests += 1;
    for (let hop = 0; ; hop += 1) {
      const response = await fetch(url, { ...init, signal, redirect: 'manual' });
      const location = response.headers.get('location');
      if (response.status < 300 || response.status > 399 || location === null) return response;
      const next = URL.parse(location, url);
      if (next?.origin !== url.origin || hop >= MAX_REDIRECTS) {
        state.refusedRedirect = !next
          ? 'an invalid location'
          : next.origin === url.origin
            ? `more than ${MAX_REDIRECTS} redirects`
            : next.origin;
        return response;
      }
      url = next;
    }
  };
  const waitable = (seconds: number, retryCount: number) =>
    retryCount < network.retries && seconds <= network.maxRateLimitWaitSeconds;
  const appAuth = (installationId?: number) =>
    credentials.kind === 'app'
      ? {
          authStrategy: createAppAuth,
          auth: {
            appId: credentials.appId,
            privateKey: credentials.privateKey,
            cache,
            ...(installationId === undefined ? {} : { installationId }),
          },
        }
      : { auth: credentials.token };
  const build = (auth: ReturnType<typeof appAuth>) => {
    const octokit = new SyncOctokit({
      ...auth,
      baseUrl: endpoint.apiUrl,
      userAgent: 'tandem-board-sync',
      request: { fetch: timedFetch },
      log: { debug: () => {}, info: () => {}, warn: log, error: log },
      // 429 is left to the throttling plugin, which honours retry-after.
      retry: {
        retries: network.retries,
        retryAfterBaseValue: network.retryBaseMs,
        doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
      },
      throttle: {
        // The plugin spaces GraphQL like writes (1 s); the sync sends only queries, one at a time.
        write: new Bottleneck.Group({ maxConcurrent: 1, minTime: network.minIntervalMs }),
        onSecondaryRateLimit: (retryAfter, _options, _octokit, retryCount) => {
          const wait = waitable(retryAfter, retryCount);
          log(`GitHub secondary rate limit: ${wait ? `waiting ${retryAfter} s as asked` : 'giving up'}`);
          return wait;
        },
        onRateLimit: (retryAfter, _options, _octokit, retryCount) => {
          state.rateLimitWaitSeconds = retryAfter;
          const wait = waitable(retryAfter, retryCount);
          log(
            `GitHub rate limit used up: ${wait ? `waiting ${retryAfter} s for the reset` : 'reset too far away'}`,
          );
          return wait;
        },
      },
    });
    // Outermost hook: an answer that is not JSON (an HTML login page, a proxy) is a wrong URL, not a retry.
    octokit.hook.wrap('request', async (request, options) => {
      const response = await request(options);
      if (state.refusedRedirect !== null) {
        throw new SyncError(
          'redirect',
          `${endpoint.graphqlUrl} redirected to ${cleanText(state.refusedRedirect, 200)}; the sync follows redirects only within the API's own origin, so the token was not sent there. Check GITHUB_API_URL`,
        );
      }
      if (typeof response.data !== 'object' || response.data === null) {
        const type = String(response.headers['content-type'] ?? 'no content type').split(';')[0];
        throw new SyncError(
          'not-json',
          `${endpoint.graphqlUrl} answered with ${type}, not GraphQL JSON; check GITHUB_API_URL (GitHub Enterprise Server: https://HOST/api/v3)`,
        );
      }
      return response;
    });
    return octokit;
  };
  const classify = (error: unknown) =>
    classifyError(error, {
      endpoint: endpoint.graphqlUrl,
      network,
      rateLimitWaitSeconds: state.rateLimitWaitSeconds,
      app: credentials.kind === 'app',
    });
  // A GitHub App signs in in two steps: its JWT finds the installation (unless given), whose
  // tokens then sign every query, refreshed before they expire.
  let identity: string | null = null;
  const ready = (async () => {
    if (credentials.kind === 'token') return build(appAuth());
    let installation = credentials.installationId;
    let account: string | null = null;
    if (installation === null) {
      const app = build(appAuth());
      const found = await findInstallation(
        (route, parameters) => app.request(route, parameters),
        owners,
      ).catch((error: unknown) => {
        throw classify(error);
      });
      installation = found.id;
      account = found.account;
    }
    identity = `GitHub App ${credentials.appId}, installation ${installation}${account ? ` on ${account}` : ''}`;
    return build(appAuth(installation));
  })();
  // Without a listener, a failed lookup would be an unhandled rejection until the first query.
  ready.catch(() => {});
  const count = (data: unknown) => {
    const rateLimit = (data as { rateLimit?: { cost?: unknown; remaining?: unknown } } | null)?.rateLimit;
    if (typeof rateLimit?.cost === 'number') stats.points += rateLimit.cost;
    if (typeof rateLimit?.remaining === 'number') stats.remaining = rateLimit.remaining;
  };
  return {
    stats,
    identity: () => identity,
    async query(document, variables) {
      const octokit = await ready;
      try {
        const data = await octokit.graphql<unknown>(document, variables);
        count(data);
        return data;
      } catch (error) {
        count((error as { data?: unknown }).data);
        throw classify(error);
      }
    },
  };
}
