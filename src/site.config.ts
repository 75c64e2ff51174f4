/**
 * The one place for deployment settings. Where the site is served and which repository
 * "Edit this page", "Report a problem" and the checklist "Open as GitHub issue" point to come
 * from the build's environment (TANDEM_SITE_URL, TANDEM_BASE, TANDEM_REPOSITORY…, or GitHub
 * Actions' own variables), or from the values pinned below; src/lib/site/resolve.ts documents
 * the order. Whatever is unknown is null, and the pages leave out what would need it.
 */
import { resolveSite, type PinnedSite, type ResolvedSite } from './lib/site/resolve.ts';

/** Pin values here to build the same links everywhere; the TANDEM_* variables still win. */
export const pinned: PinnedSite = {
  /** Absolute URL the site is served at, e.g. 'https://risks.<your domain>/'; null: from the environment. */
  url: null,
  /** The repository holding this site's content: 'owner/name' or its https URL; null: from the environment. */
  repository: null,
  /** Where checklist runs are filed as issues, if not in `repository`: 'owner/name' or an https URL. */
  checklistRepository: null,
  /** Where the assessment workshop files risks, if not in `repository`: 'owner/name' or an https URL. */
  riskRepository: null,
  /** The branch "Edit this page" opens (TANDEM_BRANCH overrides it). */
  branch: 'main',
};

export interface SiteConfig {
  /** Public name of the portal. */
  title: string;
  /** One-line description for the home page and meta tags. */
  tagline: string;
  /** Absolute URL of the home page, base included, ending in '/'; null: links are site-relative. */
  url: string | null;
  /** Astro's `base`: '/' at the root of a host, '/<path>/' when served from a sub-folder. */
  base: string;
  /** The repository that holds this site's content; null hides "Edit this page" and "Report a problem". */
  repository: { url: string; branch: string } | null;
  /**
   * Where "Open as GitHub issue" on a checklist run files the issue; null hides the button.
   * GitHub applies `labels` only for people who may triage there.
   */
  checklistIssues: { url: string; labels: readonly string[] } | null;
  /**
   * Where the assessment workshop's "File as GitHub issue" opens a new issue; null: the workshop
   * asks for a repository before it offers the links.
   */
  riskIssues: { url: string } | null;
  /** A page not reviewed for this many days is flagged "review overdue". */
  reviewIntervalDays: number;
}

/** The settings for a resolved deployment; tests build one for the environment they build with. */
export function siteConfig(resolved: ResolvedSite): SiteConfig {
  return {
    title: 'Tandem',
    tagline: 'Secure AI, built by security and data science together',
    url: resolved.url,
    base: resolved.base,
    repository: resolved.repository,
    checklistIssues: resolved.checklistRepository && {
      url: resolved.checklistRepository.url,
      labels: ['checklist-run'],
    },
    riskIssues: resolved.riskRepository && { url: resolved.riskRepository.url },
    reviewIntervalDays: 180,
  };
}

const resolved = resolveSite(process.env, pinned);

export const site: SiteConfig = siteConfig(resolved);

/** What fell back to a default, one sentence each; astro.config.mjs logs them once per build. */
export const siteWarnings: readonly string[] = resolved.warnings;
