import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Logic tests run in Node; component tests (*.test.tsx) ask for jsdom in their first line.
    include: ['src/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['src/test/setup-dom.ts'],
    // Component tests render the whole board; on a busy CI machine 5 s is not enough.
    testTimeout: 30_000,
  },
});
