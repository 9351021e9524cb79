import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { LongFirstSequencer } from './tests/long-first-sequencer.js';

/**
 * Two groups, one after the other. Most files run two or more at a time: Vitest's default, one
 * fewer worker than cores, is a single worker on a 2-core machine, which left the second core idle
 * for the suite's length. The browser tests run alone afterwards, as they measure frame times
 * and a file beside them (threads, sweeps) takes both cores.
 * Long checks (large populations, many seeds) run only with POLYCENTRIC_LONG=1.
 */
const ALONE = ['tests/e2e/**/*.test.ts'];
/** What both groups share. The global setup stays at the root alone: it runs once per project that names it. */
const SHARED = { testTimeout: 60_000, hookTimeout: 120_000, pool: 'forks' } as const;

export default defineConfig({
  test: {
    ...SHARED,
    globalSetup: ['tests/temp-root.ts'],
    // Read from the root config only; it orders every group's files.
    sequence: { sequencer: LongFirstSequencer },
    projects: [
      {
        test: {
          ...SHARED,
          name: 'model',
          include: ['tests/**/*.test.ts'],
          exclude: ALONE,
          maxWorkers: Math.max(2, availableParallelism() - 1),
          sequence: { groupOrder: 0 },
        },
      },
      {
        test: {
          ...SHARED,
          name: 'browser',
          include: ALONE,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
