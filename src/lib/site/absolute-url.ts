/**
 * The one function that makes a link into the site absolute (canonical URLs, "Report a problem",
 * checklist exports). Without a known site URL the link stays site-relative, and code in the
 * browser resolves it against the page's own location.
 */
/** `path` is a site path, base included (Astro.url.pathname, `routes.*`). */
export function absoluteUrl(path: string, siteUrl: string | null): string {
  return siteUrl === null ? path : new URL(path, siteUrl).href;
}
