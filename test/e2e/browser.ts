/**
 * Real Chromium for browser tests (Debian's package through playwright-core, never a downloaded
 * browser; see scripts/lib/browser.ts) and the site built by the `site` project served over HTTP.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchChromium, serveDist, type StaticServer } from '../../scripts/lib/browser.ts';

export { chromiumPath, launchChromium, serveDist, type StaticServer } from '../../scripts/lib/browser.ts';

export interface BuiltSite {
  readonly distDir: string;
  readonly browser: Browser;
  /** `http://127.0.0.1:<port>` of the static server. */
  readonly origin: string;
}

/** Serves the site built by the `site` project's global setup and starts Chromium for one test file. */
export function useBuiltSite(): BuiltSite {
  const distDir = inject('distDir');
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await serveDist(distDir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    distDir,
    get browser() {
      return browser!;
    },
    get origin() {
      return server!.origin;
    },
  };
}

/** The WCAG 2.2 AA violations axe finds on the page, one line each ("rule: selectors"). */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`);
}
