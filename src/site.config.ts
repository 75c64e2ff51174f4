/**
 * The one place for deployment settings. Edit links, "Report a problem" links and the
 * checklist "open as issue" target are all built from `repository`.
 */
export const site = {
  /** Public name of the portal. */
  title: 'Tandem',
  /** One-line description for the home page and meta tags. */
  tagline: 'Secure AI, built by security and data science together',
  /** Absolute URL where the site is served (used for feeds and canonical links). */
  url: process.env['TANDEM_SITE_URL'] ?? 'https://tandem.example.org',
  /** Path prefix when served from a sub-folder, e.g. '/tandem'; '/' at the root of a host. */
  base: process.env['TANDEM_BASE'] ?? '/',
  /** The GitHub repository that holds this site's content. */
  repository: {
    url: 'https://github.com/acme/tandem',
    branch: 'main',
  },
  /**
   * Where "Open as GitHub issue" on a checklist run files the issue. Point `url` at the
   * repository your reviews live in; GitHub applies `labels` only for people who may triage there.
   */
  checklistIssues: {
    url: 'https://github.com/acme/tandem',
    labels: ['checklist-run'],
  },
  /** A page not reviewed for this many days is flagged "review overdue". */
  reviewIntervalDays: 180,
} as const;
