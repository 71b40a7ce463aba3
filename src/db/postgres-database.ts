import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { Database } from './database.js';
import { MIGRATIONS_FOLDER } from './migrations-folder.js';
import * as schema from './schema.js';

export interface PostgresDatabaseOptions {
  /** Apply pending migrations first (the primary process does; cluster workers do not). */
  migrate?: boolean;
  /** Connections in this process's pool. */
  poolSize?: number;
}

export interface PostgresDatabase extends Database {
  readonly kind: 'postgres';
  /** The connection pool, for what drizzle does not do (COPY, LISTEN, the search backend's SQL). */
  readonly pool: pg.Pool;
}

/** Connects to a PostgreSQL server (`postgres://user:pass@host:5432/db`) and checks it answers. */
export async function openPostgresDatabase(url: string, options: PostgresDatabaseOptions = {}): Promise<PostgresDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 5 });
  // An idle client that loses its server emits 'error'; without a listener that would crash the process.
  pool.on('error', () => undefined);
  const db = drizzle(pool, { schema });
  try {
    if (options.migrate ?? true) await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    else await pool.query('select 1');
  } catch (error) {
    await pool.end();
    throw new Error(`PostgreSQL at DATABASE_URL is not usable: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return { kind: 'postgres', db, pool, close: () => pool.end() };
}
