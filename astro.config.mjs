// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { createHash } from 'node:crypto';
import { satteri } from '@astrojs/markdown-satteri';
import { focusablePre } from './src/lib/satteri-focusable-pre.ts';
import { glossaryLinks, readGlossary } from './src/lib/learn/satteri-glossary-links.ts';
import { THEME_INIT_SCRIPT } from './src/lib/theme-init.ts';
import { readFileSync } from 'node:fs';
import { imageSources } from './src/lib/sync/image-policy.ts';
import { site, siteWarnings } from './src/site.config.ts';

/**
 * GitHub's web origin the board was synced from (the snapshot records it; github.com until a
 * sync says otherwise). Images in issue bodies are allowed from its user-content hosts only,
 * the same allowlist the sanitiser applies, so a hostile body causes no CSP violation.
 */
function boardWebUrl() {
  try {
    const snapshot = JSON.parse(
      readFileSync(new URL('./content/board/snapshot.json', import.meta.url), 'utf8'),
    );
    return typeof snapshot.webUrl === 'string' ? snapshot.webUrl : 'https://github.com';
  } catch {
    return 'https://github.com';
  }
}

/**
 * Says once per build what the deployment settings fell back to (src/site.config.ts), e.g. that
 * links are site-relative because TANDEM_SITE_URL is not set; pages never log it themselves.
 * @type {import('astro').AstroIntegration}
 */
const siteSettingsNotice = {
  name: 'tandem:site-settings',
  hooks: {
    'astro:build:start': ({ logger }) => siteWarnings.forEach((warning) => logger.warn(warning)),
  },
};

export default defineConfig({
  // Only a known URL: Astro then leaves `Astro.site` and `context.site` undefined.
  ...(site.url ? { site: site.url } : {}),
  base: site.base,
  trailingSlash: 'always',
  integrations: [mdx(), siteSettingsNotice],
  build: { format: 'directory' },
  devToolbar: { enabled: false },
  // Astro inlines scripts below this size into every page; above it they are cached files.
  vite: { build: { assetsInlineLimit: 1024 } },
  // Shiki writes inline styles, which the content security policy forbids; Prism emits
  // classes that src/styles/global.css colours.
  // The first use of each glossary term in a module links to its entry (MDX uses this processor too).
  markdown: {
    processor: satteri({
      hastPlugins: [
        focusablePre,
        glossaryLinks({
          terms: readGlossary(new URL('./content/glossary/terms.yaml', import.meta.url)),
          base: site.base,
        }),
      ],
    }),
    syntaxHighlight: 'prism',
  },
  security: {
    // Astro hashes its own scripts and styles into a <meta> policy on every page. Headers a
    // meta tag cannot carry (frame-ancestors, Referrer-Policy…) are documented in the README.
    csp: {
      directives: [
        "default-src 'self'",
        `img-src 'self' ${imageSources(boardWebUrl()).join(' ')}`,
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-src 'none'",
        "connect-src 'self'",
      ],
      // The theme script runs inline before first paint; every other script is bundled and hashed by Astro.
      scriptDirective: {
        hashes: [`sha256-${createHash('sha256').update(THEME_INIT_SCRIPT).digest('base64')}`],
      },
    },
  },
});
