import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('..', import.meta.url));

// Three layers (see README): unit tests of src/lib, src/schemas and scripts; integration
// tests that run real code over real HTTP against local stand-ins; and tests on the built
// site (dist/ read from disk and driven in Chromium). The site is built once, in globalSetup.
export default defineConfig({
  test: {
    root,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'integration', include: ['test/integration/**/*.test.ts'], testTimeout: 60_000 },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['test/site/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          globalSetup: ['test/site/build-once.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
