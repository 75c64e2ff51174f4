import { Octokit } from '@octokit/core';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import Bottleneck from 'bottleneck';
import type { NetworkSettings } from '../../schemas/sources.ts';
import type { ApiEndpoint } from './api-url.ts';
import { classifyError } from './classify-error.ts';
import { SyncError } from './errors.ts';
import { cleanText } from './plain-text.ts';

/** What the sync needs from GitHub: one query at a time, and counts for the summary. */
export interface GraphqlClient {
  /** Sends one named operation; resolves to its `data`, or throws a SyncError. */
  query(document: string, variables: Record<string, unknown>): Promise<unknown>;
  /** HTTP requests sent (retries included) and rate-limit points reported by GitHub. */
  readonly stats: { requests: number; points: number; remaining: number | null };
}

export interface ClientOptions {
  token: string;
  endpoint: ApiEndpoint;
  network: NetworkSettings;
  /** Where retries and rate-limit waits are reported. */
  log: (message: string) => void;
}

const SyncOctokit = Octokit.plugin(retry, throttling);

/** Same-origin redirects followed before giving up. */
const MAX_REDIRECTS = 3;

/** Octokit with the maintained retry and throttling plugins, a timeout per request and counting. */
export function createGraphqlClient({ token, endpoint, network, log }: ClientOptions): GraphqlClient {
  const stats = { requests: 0, points: 0, remaining: null as number | null };
  const state = { rateLimitWaitSeconds: null as number | null, refusedRedirect: null as string | null };
  const timedFetch: typeof fetch = async (input, init) => {
    stats.requests += 1;
    const timeout = AbortSignal.timeout(network.timeoutMs);
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout;
    // Redirects are followed by hand, and only within the API's origin: a 307 or 308 to another
    // host would otherwise receive the token and the query.
    let url = new URL(input instanceof Request ? input.url : String(input));
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
  const octokit = new SyncOctokit({
    auth: token,
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
  const count = (data: unknown) => {
    const rateLimit = (data as { rateLimit?: { cost?: unknown; remaining?: unknown } } | null)?.rateLimit;
    if (typeof rateLimit?.cost === 'number') stats.points += rateLimit.cost;
    if (typeof rateLimit?.remaining === 'number') stats.remaining = rateLimit.remaining;
  };
  return {
    stats,
    async query(document, variables) {
      try {
        const data = await octokit.graphql<unknown>(document, variables);
        count(data);
        return data;
      } catch (error) {
        count((error as { data?: unknown }).data);
        throw classifyError(error, {
          endpoint: endpoint.graphqlUrl,
          network,
          rateLimitWaitSeconds: state.rateLimitWaitSeconds,
        });
      }
    },
  };
}
