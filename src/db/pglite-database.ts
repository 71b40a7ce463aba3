import { mkdir } from 'node:fs/promises';
import type { PGlite } from '@electric-sql/pglite';
import type { Database } from './database.js';
import { MIGRATIONS_FOLDER } from './migrations-folder.js';
import * as schema from './schema.js';

export interface PgliteDatabase extends Database {
  readonly kind: 'pglite';
  /** The embedded engine, for serving cluster workers (see `serve-pglite.ts`). */
  readonly client: PGlite;
}

export function isPgliteDatabase(d: Database): d is PgliteDatabase {
  return d.kind === 'pglite' && 'client' in d;
}

/**
 * Opens (creating when absent) an embedded PostgreSQL in `dataDir`, or in memory for `memory://`,
 * and applies pending migrations. One process at a time may hold a data folder.
 */
export async function openPgliteDatabase(dataDir: string): Promise<PgliteDatabase> {
  if (!dataDir.startsWith('memory://')) await mkdir(dataDir, { recursive: true });
  // Loaded here, not with the module: the engine costs a process about 50 MB of memory, for nothing when DATABASE_URL is set.
  const [{ PGlite }, { drizzle }, { migrate }] = await Promise.all([import('@electric-sql/pglite'), import('drizzle-orm/pglite'), import('drizzle-orm/pglite/migrator')]);
  const client = await PGlite.create(dataDir);
  const db = drizzle(client, { schema });
  try {
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  } catch (error) {
    await client.close();
    throw error;
  }
  return { kind: 'pglite', db, client, close: () => client.close() };
}
