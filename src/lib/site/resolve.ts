/**
 * Where the site is served and which repository it links back to, resolved from the build's
 * environment. Pure: src/site.config.ts passes `process.env`, tests pass plain objects.
 *
 * - Site URL: TANDEM_SITE_URL, else the pinned `url`, else the GitHub Pages URL when building in
 *   GitHub Actions on github.com, else null: pages then link site-relatively and have no
 *   canonical URL, and the RSS feeds (which need absolute links) are not built.
 * - Base path: TANDEM_BASE, else the path of the site URL (or of the Pages project), else '/'.
 * - Repository: TANDEM_REPOSITORY, else the pinned `repository`, else GITHUB_REPOSITORY on
 *   GITHUB_SERVER_URL, else null: "Edit this page", "Report a problem" and "Open as GitHub
 *   issue" are then left out. Checklist runs are filed in TANDEM_CHECKLIST_REPOSITORY, else the
 *   pinned `checklistRepository`, else the same repository. Risks from the joint assessment
 *   workshop are filed in TANDEM_RISK_REPOSITORY, else the pinned `riskRepository`, else the same
 *   repository (point it at a repository the board's sources.yaml reads).
 * Empty variables count as unset (an Actions expression with no value gives an empty string).
 */
import { githubPages } from './github-pages.ts';
import { parseBase, parseRepository, parseSiteUrl, type RepositoryUrl } from './parse.ts';

export type Env = Readonly<Record<string, string | undefined>>;

/** Values pinned in src/site.config.ts; the TANDEM_* variables win over them. */
export interface PinnedSite {
  url: string | null;
  repository: string | null;
  checklistRepository: string | null;
  riskRepository?: string | null;
  branch: string;
}

export interface ResolvedSite {
  /** Absolute URL of the home page, base path included, ending in '/'; null when unknown. */
  url: string | null;
  /** Astro's `base`: '/' or '/<path>/'. */
  base: string;
  /** The content repository and the branch edits go to, or null when unknown. */
  repository: { url: string; branch: string } | null;
  /** The repository checklist runs are filed in, or null when unknown. */
  checklistRepository: RepositoryUrl | null;
  /** The repository the workshop files risks in, or null when unknown. */
  riskRepository: RepositoryUrl | null;
  /** What fell back, one sentence each, for the build to log once. */
  warnings: string[];
}

const UNPINNED: PinnedSite = { url: null, repository: null, checklistRepository: null, branch: 'main' };
const RELATIVE = 'links are site-relative, pages have no canonical URL and the RSS feeds are not built';

export function resolveSite(env: Env, pinned: PinnedSite = UNPINNED): ResolvedSite {
  const read = (name: string) => env[name]?.trim() || undefined;
  const server = read('GITHUB_SERVER_URL') ?? 'https://github.com';
  const warnings: string[] = [];
  const baseVar = read('TANDEM_BASE');
  const base = baseVar === undefined ? undefined : parseBase(baseVar, 'TANDEM_BASE');

  const site = siteLocation({
    siteVar: read('TANDEM_SITE_URL'),
    pinnedUrl: pinned.url,
    base,
    server,
    // The Pages URL is a guess worth making only where Pages builds: in GitHub Actions.
    actionsRepo: read('GITHUB_ACTIONS') === 'true' ? read('GITHUB_REPOSITORY') : undefined,
  });
  if (site.warning) warnings.push(site.warning);

  /** The first setting that is set, parsed; a bad one fails even when a later one would do. */
  const firstRepository = (...settings: [string | null | undefined, string][]) => {
    const [value, source] = settings.find(([v]) => v != null) ?? [];
    return value == null ? null : parseRepository(value, server, source!);
  };
  const repository = firstRepository(
    [read('TANDEM_REPOSITORY'), 'TANDEM_REPOSITORY'],
    [pinned.repository, 'repository in src/site.config.ts'],
    [read('GITHUB_REPOSITORY'), 'GITHUB_REPOSITORY'],
  );
  if (!repository) {
    warnings.push(
      'No repository is configured (TANDEM_REPOSITORY); "Edit this page", "Report a problem" and "Open as GitHub issue" are left out.',
    );
  }
  const checklistRepository =
    firstRepository(
      [read('TANDEM_CHECKLIST_REPOSITORY'), 'TANDEM_CHECKLIST_REPOSITORY'],
      [pinned.checklistRepository, 'checklistRepository in src/site.config.ts'],
    ) ?? repository;
  const riskRepository =
    firstRepository(
      [read('TANDEM_RISK_REPOSITORY'), 'TANDEM_RISK_REPOSITORY'],
      [pinned.riskRepository, 'riskRepository in src/site.config.ts'],
    ) ?? repository;

  return {
    url: site.origin === null ? null : `${site.origin}${site.base}`,
    base: site.base,
    repository: repository && { url: repository.url, branch: read('TANDEM_BRANCH') ?? pinned.branch },
    checklistRepository,
    riskRepository,
    warnings,
  };
}

interface SiteLocation {
  origin: string | null;
  base: string;
  warning?: string;
}

function siteLocation(input: {
  siteVar: string | undefined;
  pinnedUrl: string | null;
  base: string | undefined;
  server: string;
  actionsRepo: string | undefined;
}): SiteLocation {
  const { siteVar, pinnedUrl, base, server, actionsRepo } = input;
  const explicit = siteVar ?? pinnedUrl;
  if (explicit != null) {
    const url = parseSiteUrl(explicit, siteVar ? 'TANDEM_SITE_URL' : 'url in src/site.config.ts');
    if (base !== undefined && url.path !== '/' && url.path !== base) {
      throw new Error(
        `The site URL's path ${url.path} and TANDEM_BASE ${base} disagree: give the path in one of them only.`,
      );
    }
    return { origin: url.origin, base: base ?? url.path };
  }
  const pages = actionsRepo === undefined ? null : githubPages(server, actionsRepo);
  if (pages) {
    const found = { origin: pages.origin, base: base ?? pages.path };
    return {
      ...found,
      warning: `TANDEM_SITE_URL is not set; using the GitHub Pages URL ${found.origin}${found.base} (set TANDEM_SITE_URL for a custom domain).`,
    };
  }
  return {
    origin: null,
    base: base ?? '/',
    warning:
      actionsRepo === undefined
        ? `TANDEM_SITE_URL is not set; ${RELATIVE}.`
        : `TANDEM_SITE_URL is not set and the GitHub Pages URL on ${server} cannot be told from the environment; ${RELATIVE}.`,
  };
}
