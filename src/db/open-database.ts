import type { Config } from '../config.js';
import type { Database } from './database.js';
import { openPgliteDatabase } from './pglite-database.js';
import { openPostgresDatabase } from './postgres-database.js';

/**
 * The database the configuration names: a PostgreSQL server when `DATABASE_URL` is set, else the
 * embedded PGlite in `PGLITE_DIR`. Pending migrations are applied either way.
 */
export function openDatabase(config: Pick<Config, 'DATABASE_URL' | 'PGLITE_DIR'>): Promise<Database> {
  return config.DATABASE_URL !== undefined ? openPostgresDatabase(config.DATABASE_URL) : openPgliteDatabase(config.PGLITE_DIR);
}
