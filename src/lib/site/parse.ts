/**
 * Reading deployment settings: the site URL, the base path and a repository. Each refuses a
 * value it cannot use with a message that names the setting, so a typo fails the build at once
 * instead of shipping links to nowhere. `source` is the setting's name, for that message.
 */

/** Astro's `base` as '/' or '/a/b/': leading and trailing slash, no empty segments. */
export function parseBase(value: string, source: string): string {
  const segments = value.split('/').filter(Boolean);
  const bad = segments.find((s) => s === '.' || s === '..' || !/^[\w.~%!$&'()*+,;=:@-]+$/.test(s));
  if (bad !== undefined) {
    throw new Error(`${source} must be a path such as /tandem; ${JSON.stringify(value)} has "${bad}" in it.`);
  }
  return segments.length ? `/${segments.join('/')}/` : '/';
}

/** An absolute http(s) URL split into its origin and its path (as a base). */
export function parseSiteUrl(value: string, source: string): { origin: string; path: string } {
  const fail = (why: string) =>
    new Error(
      `${source} must be the absolute http(s) URL the site is served at, like https://<host>/ or https://<host>/<path>/; ${JSON.stringify(value)} ${why}.`,
    );
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw fail('is not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw fail(`uses ${url.protocol}`);
  if (url.username || url.password) throw fail('has credentials in it');
  if (url.search || url.hash) throw fail('has a query or fragment');
  return { origin: url.origin, path: parseBase(url.pathname, source) };
}

export interface RepositoryUrl {
  /** Web URL of the repository, e.g. `https://github.com/<owner>/<name>`. */
  url: string;
}

const OWNER = '[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})';
const NAME = '(?!\\.\\.?$)[A-Za-z0-9._-]{1,100}';
const FULL_NAME = new RegExp(`^${OWNER}/${NAME}$`);

/**
 * `owner/name` on `server` (github.com unless GITHUB_SERVER_URL says otherwise), or a
 * repository's own https URL, e.g. on a GitHub Enterprise Server (a trailing `.git` is dropped).
 */
export function parseRepository(value: string, server: string, source: string): RepositoryUrl {
  const fail = () =>
    new Error(`${source} must be owner/name or the repository's https URL; got ${JSON.stringify(value)}.`);
  if (!/^https?:\/\//i.test(value)) {
    if (!FULL_NAME.test(value)) throw fail();
    return { url: `${parseSiteUrl(server, 'GITHUB_SERVER_URL').origin}/${value}` };
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw fail();
  }
  const fullName = url.pathname.replace(/^\/+|\/+$/g, '').replace(/\.git$/, '');
  if (url.username || url.password || url.search || url.hash || !FULL_NAME.test(fullName)) throw fail();
  return { url: `${url.origin}/${fullName}` };
}
