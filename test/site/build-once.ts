/**
 * Global setup of the `site` test project: builds the real site once from the bundled
 * content in a throw-away copy of the project, and hands the dist/ path to the tests.
 */
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { makeTempProject, runAstro, type TempProject } from '../../scripts/lib/temp-project.ts';

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
  const result = await runAstro(project.root, ['build']);
  if (result.code !== 0) throw new Error(`The site did not build:\n${result.output}`);
  ctx.provide('distDir', join(project.root, 'dist'));
  return async () => project?.dispose();
}

declare module 'vitest' {
  export interface ProvidedContext {
    distDir: string;
  }
}
