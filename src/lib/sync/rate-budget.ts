import type { GraphqlClient } from './client.ts';
import { SyncError } from './errors.ts';

/**
 * Wraps a client so the sync stops before the rate limit runs out instead of in the middle of
 * a step: every answer reports its cost, the points left and the reset time (`rateLimit` is in
 * every query), and a request whose expected cost (the most that document has cost so far, else
 * the most any request has) is more than what is left is not sent. The run then stops as a
 * fatal error, so the last good snapshot stays as it was and the message says when to retry.
 */
export function withRateBudget(client: GraphqlClient, now: () => Date = () => new Date()): GraphqlClient {
  const costs = new Map<string, number>();
  let highest = 1;
  let resetAt: string | null = null;
  const learn = (document: string, data: unknown) => {
    const rateLimit = (data as { rateLimit?: { cost?: unknown; resetAt?: unknown } } | null)?.rateLimit;
    if (typeof rateLimit?.cost === 'number') {
      costs.set(document, Math.max(costs.get(document) ?? 0, rateLimit.cost));
      highest = Math.max(highest, rateLimit.cost);
    }
    if (typeof rateLimit?.resetAt === 'string') resetAt = rateLimit.resetAt;
  };
  return {
    get stats() {
      return client.stats;
    },
    identity: () => client.identity?.() ?? null,
    async query(document, variables) {
      const { remaining } = client.stats;
      const expected = costs.get(document) ?? highest;
      if (remaining !== null && remaining < expected) {
        throw new SyncError('rate-limit', stopMessage(remaining, expected, resetAt, now()));
      }
      const data = await client.query(document, variables);
      learn(document, data);
      return data;
    },
  };
}

function stopMessage(remaining: number, expected: number, resetAt: string | null, now: Date): string {
  const reset = resetAt === null ? NaN : Date.parse(resetAt);
  const when = Number.isNaN(reset)
    ? 'within the hour'
    : `at ${new Date(reset).toISOString().slice(11, 16)} UTC (in about ${Math.max(1, Math.ceil((reset - now.getTime()) / 60_000))} min)`;
  return `GitHub's rate limit has ${remaining} point(s) left and the next request needs about ${expected}, so the sync stopped before running out. The limit resets ${when}; run the sync again after that (a GitHub App installation has a higher limit than a personal token)`;
}
