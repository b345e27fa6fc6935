import { defineConfig } from 'vitest/config';

// Unit and route tests. Each worker opens one real database (PGlite in memory, or PostgreSQL when
// TEST_DATABASE_URL is set) and keeps it across its test files (isolate: false).
// `*.pg.test.ts` need a PostgreSQL server (several instances on one database): `npm run test:pg` runs them.
const withPostgres = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // On PostgreSQL the embedded-only process tests (data-directory lock, kill -9) are left out;
    // without it, the tests that need a PostgreSQL server are.
    exclude: ['node_modules/**', 'dist/**', ...(withPostgres ? ['src/server/test/process/!(*.pg).test.ts'] : ['src/**/*.pg.test.ts'])],
    pool: 'forks',
    maxWorkers: 2,
    isolate: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
    setupFiles: ['src/server/test/setup.ts'],
  },
});
