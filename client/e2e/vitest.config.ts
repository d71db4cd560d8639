import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Browser tests: the real API (SQLite, demo data) serving the built client, driven through
// Chromium with playwright-core. Run with `npm run test:browser` from the repository root.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Keep Vite's cache with the workspace's other caches, not in a node_modules of its own here.
  cacheDir: fileURLToPath(new URL('../../node_modules/.vite/e2e', import.meta.url)),
  test: {
    include: ['**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['./global-setup.ts'],
    // One Chromium at a time on small machines; each file starts its own browser.
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
    reporters: ['default', './support/summary-reporter.ts'],
  },
});
