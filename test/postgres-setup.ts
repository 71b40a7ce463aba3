import type { TestProject } from 'vitest/node';
import { CorpusIndex } from '../src/index/corpus-index.js';
import { PgSearch } from '../src/index/postgres/pg-search.js';
import { loadRerankerWeights } from '../src/service.js';
import { freshPostgresUrl } from './helpers/test-databases.js';
import { TEST_INDEX_DIR } from './paths.js';

/**
 * The `postgres` project's setup: publishes the shared test build (built by `global-setup.ts`) to a
 * fresh database on the test server, as `npm run ingest` does with SEARCH_BACKEND=postgres, and
 * hands its URL to the tests; the database is dropped afterwards.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { url, drop } = await freshPostgresUrl();
  const search = new PgSearch({ url });
  try {
    const report = await search.publish(await CorpusIndex.load(TEST_INDEX_DIR), { expansionFieldWeight: loadRerankerWeights().expansionFieldWeight });
    console.log(`[postgres-setup] test build published to PostgreSQL in ${(report.ms / 1000).toFixed(1)} s`);
  } finally {
    await search.close();
  }
  project.provide('searchDatabaseUrl', url);
  return drop;
}
