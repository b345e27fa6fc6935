import { defineConfig } from 'vitest/config';

// Browser journeys: a built Sextant on a fresh embedded database, driven by Debian's Chromium.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 240_000,
    // Two journeys (roadmap keyboard move, inbox merge counts) failed once each in four CI runs on this
    // 2-CPU machine while passing alone: one retry, until their timing is made deterministic.
    retry: 1,
  },
});
