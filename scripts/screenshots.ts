/**
 * npm run screenshots: builds the site from the bundled content in a throw-away copy (or uses
 * `--dist <dir>`), opens one module in Chromium at 390 px and 1366 px, light and dark, and saves
 * full-viewport screenshots to test/screenshots/ (linked from the README). A second set shows the
 * phone menu drawer open and a module scrolled halfway, where the sticky navigation shows.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { launchChromium, serveDist } from './lib/browser.ts';
import { makeTempProject, projectRoot, runAstro, type TempProject } from './lib/temp-project.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string' },
    module: {
      type: 'string',
      default: '/learn/security-for-data-scientists/data-poisoning-and-pipeline-integrity/',
    },
  },
});
const out = join(projectRoot, 'test', 'screenshots');

let project: TempProject | undefined;
let dist = values.dist;
if (!dist) {
  project = await makeTempProject();
  const built = await runAstro(project.root, ['build']);
  if (built.code !== 0) throw new Error(`The site did not build:\n${built.output}`);
  dist = join(project.root, 'dist');
}
const server = await serveDist(dist);
const browser = await launchChromium();
await mkdir(out, { recursive: true });
const saved: string[] = [];
try {
  for (const [width, height] of [
    [390, 844],
    [1366, 900],
  ] as const) {
    for (const colorScheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({
        viewport: { width, height },
        colorScheme,
        deviceScaleFactor: 1,
      });
      const page = await context.newPage();
      await page.goto(`${server.origin}${values.module}`, { waitUntil: 'load' });
      const shot = async (name: string) => {
        const file = join(out, `module-${width}-${colorScheme}${name}.png`);
        await page.screenshot({ path: file });
        saved.push(file);
      };
      await shot('');
      await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight / 2));
      await page.waitForTimeout(100);
      await shot('-halfway');
      if (width < 900) {
        await page.getByRole('button', { name: 'Menu' }).click();
        await page.getByRole('dialog').waitFor();
        await shot('-menu');
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
  await project?.dispose();
}
console.log(saved.map((f) => f.slice(projectRoot.length)).join('\n'));
