import { defineConfig } from 'vitest/config';

// Long checks (large populations, many seeds) run only with POLYCENTRIC_LONG=1.
export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    globalSetup: ['tests/temp-root.ts'],
  },
});
