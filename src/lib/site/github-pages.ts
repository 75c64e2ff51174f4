import { parseRepository, parseSiteUrl } from './parse.ts';

/**
 * The Pages URL of a repository on github.com: `https://<owner>.github.io/<name>/`, or the root
 * for the `<owner>.github.io` repository itself. Null on other servers: a GitHub Enterprise
 * Server's Pages host depends on how it is set up (subdomain isolation or a path).
 */
export function githubPages(server: string, repo: string): { origin: string; path: string } | null {
  if (parseSiteUrl(server, 'GITHUB_SERVER_URL').origin !== 'https://github.com') return null;
  const [owner, name] = new URL(parseRepository(repo, server, 'GITHUB_REPOSITORY').url).pathname
    .slice(1)
    .split('/') as [string, string];
  const host = `${owner.toLowerCase()}.github.io`;
  return { origin: `https://${host}`, path: name.toLowerCase() === host ? '/' : `/${name}/` };
}
