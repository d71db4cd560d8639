import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // One copy of graphql for test code and the libraries it loads.
    alias: { graphql: require.resolve('graphql') },
  },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 90_000,
    pool: 'forks',
    // Server-per-file integration suites share two cores; running them one file at a time keeps them stable.
    fileParallelism: false,
    reporters: process.env.CI ? ['default'] : ['default'],
  },
});
