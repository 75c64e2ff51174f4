/**
 * Global setup of the `site` test project: builds the real site once from the bundled
 * content in a throw-away copy of the project, and hands the dist/ path to the tests.
 */
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { makeTempProject, runAstro, type TempProject } from '../../scripts/lib/temp-project.ts';
import { resolveSite } from '../../src/lib/site/resolve.ts';
import { pinned, siteConfig } from '../../src/site.config.ts';

/**
 * The deployment the shared build is made for: a test origin and a repository given the way
 * GitHub Actions gives it. Empty values override whatever the test runner's own environment
 * says (in Actions, GITHUB_ACTIONS would otherwise move the base to the repository's path).
 * A dist/ passed in TANDEM_TEST_DIST must have been built with the same variables.
 */
export const TEST_SITE_ENV = {
  TANDEM_SITE_URL: 'https://risks.tandem.test/',
  TANDEM_BASE: '',
  TANDEM_REPOSITORY: '',
  TANDEM_CHECKLIST_REPOSITORY: '',
  TANDEM_RISK_REPOSITORY: '',
  TANDEM_BRANCH: '',
  GITHUB_REPOSITORY: 'tandem-test/risks',
  GITHUB_SERVER_URL: 'https://github.com',
} as const;

/** What src/site.config.ts resolved to inside that build, for tests to compare links with. */
export const testSite = siteConfig(resolveSite(TEST_SITE_ENV, pinned));

let project: TempProject | undefined;

export default async function setup(ctx: TestProject) {
  // TANDEM_TEST_DIST reuses a dist/ built earlier (while iterating on browser tests).
  const prebuilt = process.env['TANDEM_TEST_DIST'];
  if (prebuilt) {
    ctx.provide('distDir', prebuilt);
    return;
  }
  // TANDEM_TEST_CONTENT points the suite at another content folder while content is being written.
  project = await makeTempProject(process.env['TANDEM_TEST_CONTENT'] || undefined);
  const result = await runAstro(project.root, ['build'], TEST_SITE_ENV);
  if (result.code !== 0) throw new Error(`The site did not build:\n${result.output}`);
  ctx.provide('distDir', join(project.root, 'dist'));
  return async () => project?.dispose();
}

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
  }
}
