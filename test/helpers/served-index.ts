import { inject } from 'vitest';
import { CorpusIndex } from '../../src/index/corpus-index.js';
import { PgSearch } from '../../src/index/postgres/pg-search.js';
import type { ServedIndex } from '../../src/index/served-index.js';
import { TEST_INDEX_DIR } from '../paths.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A database holding the test build as published to PostgreSQL (`postgres-setup.ts`); the `postgres` project only. */
    searchDatabaseUrl: string | undefined;
  }
}

/** `memory` or `postgres`: the vitest project (`vitest.config.ts`) runs the API and retrieval tests once per backend. */
export const TEST_SEARCH_BACKEND: 'memory' | 'postgres' = process.env.TEST_SEARCH_BACKEND === 'postgres' ? 'postgres' : 'memory';

/**
 * The shared test build as the backend under test serves it: loaded into this process, or read
 * from PostgreSQL where `postgres-setup.ts` published it. Spread into `createService` options.
 */
export async function servedTestIndex(): Promise<{ index: ServedIndex; search?: PgSearch }> {
  if (TEST_SEARCH_BACKEND === 'memory') return { index: await CorpusIndex.load(TEST_INDEX_DIR) };
  const url = inject('searchDatabaseUrl');
  if (!url) throw new Error('the postgres test project needs TEST_DATABASE_URL');
  const search = new PgSearch({ url });
  const index = await search.load();
  if (!index) throw new Error('no build published in the test database');
  return { index, search };
}
