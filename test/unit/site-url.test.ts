import { describe, expect, it } from 'vitest';
import { absoluteUrl } from '../../src/lib/site/absolute-url.ts';
import { githubPages } from '../../src/lib/site/github-pages.ts';
import { resolveSite, type PinnedSite } from '../../src/lib/site/resolve.ts';

const actions = (repo: string, server = 'https://github.com') => ({
  GITHUB_ACTIONS: 'true',
  GITHUB_REPOSITORY: repo,
  GITHUB_SERVER_URL: server,
});
const pinned = (values: Partial<PinnedSite>): PinnedSite => ({
  url: null,
  repository: null,
  checklistRepository: null,
  branch: 'main',
  ...values,
});

describe('the site URL', () => {
  it('is TANDEM_SITE_URL, ending in a slash, with the base taken from its path', () => {
    expect(resolveSite({ TANDEM_SITE_URL: 'https://risks.tandem.test' })).toMatchObject({
      url: 'https://risks.tandem.test/',
      base: '/',
    });
    expect(resolveSite({ TANDEM_SITE_URL: 'https://Risks.Tandem.test:443/portal' })).toMatchObject({
      url: 'https://risks.tandem.test/portal/',
      base: '/portal/',
    });
  });

  it('joins TANDEM_SITE_URL and TANDEM_BASE, the way the deploy workflow passes them', () => {
    const site = resolveSite({ TANDEM_SITE_URL: 'https://tandem-test.github.io', TANDEM_BASE: '/tandem' });
    expect(site).toMatchObject({ url: 'https://tandem-test.github.io/tandem/', base: '/tandem/' });
    expect(site.warnings.filter((w) => w.includes('TANDEM_SITE_URL'))).toEqual([]);
    expect(
      resolveSite({ TANDEM_SITE_URL: 'https://tandem-test.github.io/tandem/', TANDEM_BASE: 'tandem/' }).base,
    ).toBe('/tandem/');
  });

  it('wins over the Pages URL in Actions and over a pinned URL', () => {
    const env = { ...actions('tandem-test/tandem'), TANDEM_SITE_URL: 'https://risks.tandem.test/' };
    expect(resolveSite(env, pinned({ url: 'https://pinned.tandem.test/' }))).toMatchObject({
      url: 'https://risks.tandem.test/',
      base: '/',
    });
    expect(resolveSite({}, pinned({ url: 'https://pinned.tandem.test/' })).url).toBe(
      'https://pinned.tandem.test/',
    );
  });

  it('is the GitHub Pages project URL in Actions, and the base follows the repository', () => {
    const site = resolveSite(actions('Tandem-Test/tandem'));
    expect(site).toMatchObject({ url: 'https://tandem-test.github.io/tandem/', base: '/tandem/' });
    expect(site.warnings.filter((w) => w.includes('TANDEM_SITE_URL'))).toEqual([
      'TANDEM_SITE_URL is not set; using the GitHub Pages URL https://tandem-test.github.io/tandem/ (set TANDEM_SITE_URL for a custom domain).',
    ]);
  });

  it('serves an <owner>.github.io repository at the root', () => {
    expect(resolveSite(actions('Tandem-Test/tandem-test.github.io'))).toMatchObject({
      url: 'https://tandem-test.github.io/',
      base: '/',
    });
    expect(githubPages('https://github.com', 'tandem-test/TANDEM-TEST.github.io')).toEqual({
      origin: 'https://tandem-test.github.io',
      path: '/',
    });
  });

  it('keeps TANDEM_BASE over the Pages project path', () => {
    expect(resolveSite({ ...actions('tandem-test/tandem'), TANDEM_BASE: '/' })).toMatchObject({
      url: 'https://tandem-test.github.io/',
      base: '/',
    });
  });

  it('is null on a GitHub Enterprise Server, whose Pages host cannot be told, with one warning', () => {
    const site = resolveSite(actions('tandem-test/tandem', 'https://ghe.tandem.test'));
    expect(site).toMatchObject({ url: null, base: '/' });
    expect(site.warnings.filter((w) => w.includes('TANDEM_SITE_URL'))).toEqual([
      expect.stringContaining('the GitHub Pages URL on https://ghe.tandem.test cannot be told'),
    ]);
  });

  it('is not guessed from GITHUB_REPOSITORY outside Actions', () => {
    expect(resolveSite({ GITHUB_REPOSITORY: 'tandem-test/tandem' }).url).toBeNull();
  });

  it('is null with nothing set, and says so in exactly one warning', () => {
    const site = resolveSite({});
    expect(site).toMatchObject({ url: null, base: '/', repository: null, checklistRepository: null });
    expect(site.warnings.filter((w) => w.includes('TANDEM_SITE_URL'))).toEqual([
      'TANDEM_SITE_URL is not set; links are site-relative, pages have no canonical URL and the RSS feeds are not built.',
    ]);
  });

  it('treats empty variables as unset', () => {
    expect(resolveSite({ TANDEM_SITE_URL: '', TANDEM_BASE: ' ', TANDEM_REPOSITORY: '' })).toMatchObject({
      url: null,
      base: '/',
      repository: null,
    });
  });

  it.each([
    ['tandem.test', 'is not a URL'],
    ['ftp://risks.tandem.test/', 'uses ftp:'],
    ['https://user:secret@risks.tandem.test/', 'has credentials in it'],
    ['https://risks.tandem.test/?x=1', 'has a query or fragment'],
  ])('refuses TANDEM_SITE_URL=%s with a message naming it', (value, why) => {
    expect(() => resolveSite({ TANDEM_SITE_URL: value })).toThrow(
      new RegExp(
        `^TANDEM_SITE_URL must be the absolute http\\(s\\) URL .*; "${value.replace(/[?.]/g, '\\$&')}" ${why}\\.$`,
      ),
    );
  });

  it('refuses a TANDEM_BASE that is not a path, and one that contradicts the URL', () => {
    expect(() => resolveSite({ TANDEM_BASE: '/a/../b' })).toThrow(
      /^TANDEM_BASE must be a path such as \/tandem/,
    );
    expect(() => resolveSite({ TANDEM_SITE_URL: 'https://risks.tandem.test/a/', TANDEM_BASE: '/b' })).toThrow(
      "The site URL's path /a/ and TANDEM_BASE /b/ disagree",
    );
  });
});

describe('the repository', () => {
  it('comes from TANDEM_REPOSITORY first, on GITHUB_SERVER_URL or github.com', () => {
    const env = { TANDEM_REPOSITORY: 'tandem-test/risks', GITHUB_REPOSITORY: 'other/repo' };
    expect(resolveSite(env, pinned({ repository: 'pinned/repo' })).repository).toEqual({
      url: 'https://github.com/tandem-test/risks',
      branch: 'main',
    });
    expect(
      resolveSite({ TANDEM_REPOSITORY: 'tandem-test/risks', GITHUB_SERVER_URL: 'https://ghe.tandem.test' })
        .repository?.url,
    ).toBe('https://ghe.tandem.test/tandem-test/risks');
  });

  it('accepts a repository URL, dropping a trailing slash or .git', () => {
    expect(
      resolveSite({ TANDEM_REPOSITORY: 'https://ghe.tandem.test/tandem-test/risks.git' }).repository?.url,
    ).toBe('https://ghe.tandem.test/tandem-test/risks');
    expect(resolveSite({ TANDEM_REPOSITORY: 'https://github.com/tandem-test/risks/' }).repository?.url).toBe(
      'https://github.com/tandem-test/risks',
    );
  });

  it('comes from the value pinned in site.config.ts, with its branch, before GITHUB_REPOSITORY', () => {
    const site = resolveSite(
      actions('other/repo'),
      pinned({ repository: 'tandem-test/risks', branch: 'trunk' }),
    );
    expect(site.repository).toEqual({ url: 'https://github.com/tandem-test/risks', branch: 'trunk' });
    expect(resolveSite({ TANDEM_BRANCH: 'release' }, pinned({ repository: 'a/b' })).repository?.branch).toBe(
      'release',
    );
  });

  it('falls back to GITHUB_REPOSITORY on GITHUB_SERVER_URL', () => {
    const site = resolveSite({
      GITHUB_REPOSITORY: 'tandem-test/risks',
      GITHUB_SERVER_URL: 'https://ghe.tandem.test',
    });
    expect(site.repository).toEqual({ url: 'https://ghe.tandem.test/tandem-test/risks', branch: 'main' });
    expect(site.checklistRepository).toEqual({ url: 'https://ghe.tandem.test/tandem-test/risks' });
  });

  it('is null with nothing set, and says which links are left out', () => {
    const site = resolveSite({ TANDEM_SITE_URL: 'https://risks.tandem.test/' });
    expect(site.repository).toBeNull();
    expect(site.checklistRepository).toBeNull();
    expect(site.warnings).toEqual([
      'No repository is configured (TANDEM_REPOSITORY); "Edit this page", "Report a problem" and "Open as GitHub issue" are left out.',
    ]);
  });

  it('files workshop risks in TANDEM_RISK_REPOSITORY, the pinned one, else the repository', () => {
    expect(resolveSite({ TANDEM_REPOSITORY: 'tandem-test/site' }).riskRepository).toEqual({
      url: 'https://github.com/tandem-test/site',
    });
    expect(
      resolveSite({ TANDEM_REPOSITORY: 'tandem-test/site', TANDEM_RISK_REPOSITORY: 'tandem-test/risks' })
        .riskRepository,
    ).toEqual({ url: 'https://github.com/tandem-test/risks' });
    expect(
      resolveSite({}, pinned({ riskRepository: 'https://ghe.tandem.test/ml/risks' })).riskRepository,
    ).toEqual({ url: 'https://ghe.tandem.test/ml/risks' });
    expect(resolveSite({ TANDEM_SITE_URL: 'https://risks.tandem.test/' }).riskRepository).toBeNull();
    expect(() => resolveSite({ TANDEM_RISK_REPOSITORY: 'not a repo' })).toThrow(/TANDEM_RISK_REPOSITORY/);
  });

  it('files checklist runs in TANDEM_CHECKLIST_REPOSITORY or the pinned one when set', () => {
    const env = {
      TANDEM_REPOSITORY: 'tandem-test/risks',
      TANDEM_CHECKLIST_REPOSITORY: 'tandem-test/reviews',
    };
    expect(resolveSite(env).checklistRepository).toEqual({ url: 'https://github.com/tandem-test/reviews' });
    expect(
      resolveSite(
        { TANDEM_REPOSITORY: 'tandem-test/risks' },
        pinned({ checklistRepository: 'tandem-test/audits' }),
      ).checklistRepository,
    ).toEqual({ url: 'https://github.com/tandem-test/audits' });
  });

  it.each(['tandem', 'a/b/c', '-a/b', 'a/..', 'https://github.com/a', 'https://x@github.com/a/b', 'a b/c'])(
    'refuses TANDEM_REPOSITORY=%s with a message naming it',
    (value) => {
      expect(() => resolveSite({ TANDEM_REPOSITORY: value })).toThrow(
        `TANDEM_REPOSITORY must be owner/name or the repository's https URL; got ${JSON.stringify(value)}.`,
      );
    },
  );
});

describe('absoluteUrl', () => {
  it('resolves a site path against the site URL, or leaves it site-relative when that is unknown', () => {
    expect(absoluteUrl('/tandem/board/', 'https://tandem-test.github.io/tandem/')).toBe(
      'https://tandem-test.github.io/tandem/board/',
    );
    expect(absoluteUrl('/tandem/board/', null)).toBe('/tandem/board/');
  });
});
