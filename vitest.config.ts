import { defineConfig } from 'vitest/config';

// Unit tests live next to the code; API tests (*.test.ts in apps/api) each build the app on a fresh
// database: embedded by default, a throwaway database on the server when TEST_DATABASE_URL is set.
export default defineConfig({
  test: {
    include: [
      'apps/api/src/**/*.test.ts',
      'apps/web/src/**/*.test.ts',
      'packages/*/src/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
