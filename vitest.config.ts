import { defineConfig } from 'vitest/config';

/** Tests that run once per search backend: what the API serves and what retrieval finds. */
const BACKEND_TESTS = ['test/http-api.test.ts', 'test/cases-api.test.ts', 'test/openai-compat.test.ts', 'test/legal-retriever.test.ts', 'test/natural-questions.test.ts', 'test/amendments.test.ts', 'test/drafts.test.ts'];
// The postgres backend needs a server: `.ci/run` starts one (CI fails without it); locally, set TEST_DATABASE_URL.
const withPostgres = Boolean(process.env.TEST_DATABASE_URL?.trim()) || process.env.CI === 'true';

export default defineConfig({
  test: {
    // Real-corpus tests build indexes once per file; give them room on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    fileParallelism: false,
    projects: [
      { extends: true, test: { name: 'memory', include: ['test/**/*.test.ts'], globalSetup: ['test/global-setup.ts'] } },
      ...(withPostgres
        ? [{ extends: true, test: { name: 'postgres', include: BACKEND_TESTS, env: { TEST_SEARCH_BACKEND: 'postgres' }, globalSetup: ['test/global-setup.ts', 'test/postgres-setup.ts'] } }]
        : []),
    ],
  },
});
