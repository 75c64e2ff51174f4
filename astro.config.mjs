// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { site } from './src/site.config.ts';

export default defineConfig({
  site: site.url,
  base: site.base,
  trailingSlash: 'always',
  integrations: [mdx()],
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
