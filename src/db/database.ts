import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from './schema.js';

/** A drizzle handle on the schema; the same type whichever driver is underneath. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/**
 * Where the rows live: `pglite` (embedded PostgreSQL in this process, the default), `pglite-ipc` (a
 * cluster worker reaching the primary's PGlite over IPC) or `postgres` (a server at `DATABASE_URL`).
 */
export type DatabaseKind = 'pglite' | 'pglite-ipc' | 'postgres';

/**
 * The one port every store is written against: PostgreSQL SQL through drizzle, whichever backend.
 * Stores use single statements (no interactive transactions), which every backend supports.
 */
export interface Database {
  readonly kind: DatabaseKind;
  readonly db: Db;
  close(): Promise<void>;
}
