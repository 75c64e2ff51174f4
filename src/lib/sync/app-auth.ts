import type { Source } from '../../schemas/sources.ts';
import { SyncError } from './errors.ts';

/**
 * The cache @octokit/auth-app keeps installation tokens in. Its own cache keeps a token for 59
 * minutes whatever GitHub said; this one reads the token's `expiresAt` (the third `|`-separated
 * field auth-app stores) and stops answering shortly before it, so a long sync asks for a new
 * token in time instead of meeting a 401 halfway. The margin is five minutes, or half the
 * token's life when that is shorter.
 */
export function refreshingTokenCache(now: () => number = Date.now) {
  const entries = new Map<string, string>();
  return {
    /** Installation tokens issued (or reissued) during this run. */
    issued: 0,
    async get(key: string): Promise<string | undefined> {
      const value = entries.get(key);
      if (value === undefined) return undefined;
      const [, createdAt, expiresAt] = value.split('|');
      const created = Date.parse(createdAt ?? '');
      const expires = Date.parse(expiresAt ?? '');
      if (!Number.isFinite(expires)) return undefined;
      const life = Number.isFinite(created) ? expires - created : TOKEN_MARGIN_MS * 2;
      if (now() >= expires - Math.min(TOKEN_MARGIN_MS, life / 2)) {
        entries.delete(key);
        return undefined;
      }
      return value;
    },
    async set(key: string, value: string): Promise<void> {
      this.issued += 1;
      entries.set(key, value);
    },
  };
}

const TOKEN_MARGIN_MS = 5 * 60_000;

/** The accounts the sources live under, in the order sources.yaml names them. */
export function sourceOwners(sources: readonly Source[]): string[] {
  const owners = sources.map((source) => ('org' in source ? source.org : source.repo.split('/')[0]!));
  const first = new Map<string, string>();
  for (const owner of owners) if (!first.has(owner.toLowerCase())) first.set(owner.toLowerCase(), owner);
  return [...first.values()];
}

export interface Installation {
  id: number;
  account: string;
}

/** A REST GET signed with the App's JWT; resolves to the JSON body or rejects with its HTTP status. */
export type AppRequest = (route: string, parameters: Record<string, string>) => Promise<{ data: unknown }>;

/**
 * Finds the App's installation for the sources: the first owner, in sources.yaml order, with
 * the App installed on it (as an organisation, then as a user). An installation token reaches
 * one account's private repositories; the other owners' public ones stay readable with it.
 */
export async function findInstallation(
  request: AppRequest,
  owners: readonly string[],
): Promise<Installation> {
  for (const owner of owners) {
    for (const route of ['GET /orgs/{owner}/installation', 'GET /users/{owner}/installation']) {
      try {
        const { data } = await request(route, { owner });
        const id = (data as { id?: unknown }).id;
        const login = (data as { account?: { login?: unknown } }).account?.login;
        if (typeof id === 'number') return { id, account: typeof login === 'string' ? login : owner };
      } catch (error) {
        if ((error as { status?: unknown }).status !== 404) throw error;
      }
    }
  }
  throw new SyncError(
    'app-installation',
    `the GitHub App is not installed on ${owners.length === 0 ? 'any account' : owners.join(', ')}; install it on the organisation that owns the sources (the App's page → Install App, repository access: those repositories, permissions Issues: Read-only), or set GITHUB_APP_INSTALLATION_ID`,
  );
}
