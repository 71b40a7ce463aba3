import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import pg from 'pg';
import type { Database } from '../../src/db/database.js';
import { openPgliteDatabase } from '../../src/db/pglite-database.js';
import { openPgliteIpcDatabase, servePgliteOver, type IpcPort } from '../../src/db/pglite-ipc.js';
import { openPostgresDatabase } from '../../src/db/postgres-database.js';

/**
 * A PostgreSQL server for the storage tests' second backend (`.ci/run` starts one and sets it);
 * unset → those tests are skipped locally, and fail in CI so a missing server is never mistaken for a pass.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || undefined;
export const REQUIRE_POSTGRES = process.env.CI === 'true';

/** A fresh, empty database on the test server, dropped by `drop()`. */
export async function freshPostgresUrl(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  const name = `test_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Two ends of an in-process IPC channel that copy messages as `serialization: 'advanced'` does. */
function channelPair(): [IpcPort, IpcPort] {
  const a = new EventEmitter();
  const b = new EventEmitter();
  const end = (self: EventEmitter, other: EventEmitter): IpcPort => ({
    on: (event: 'message' | 'disconnect', listener: (message: unknown) => void) => self.on(event, listener),
    send: (message) => {
      const copy = structuredClone(message);
      setImmediate(() => other.emit('message', copy));
      return true;
    },
  });
  return [end(a, b), end(b, a)];
}

export type BackendName = 'pglite' | 'pglite-ipc' | 'postgres';

/** Opens a fresh, migrated database of each kind; `close` also removes what the test created. */
export async function openTestDatabase(kind: BackendName): Promise<Database> {
  if (kind === 'pglite') return openPgliteDatabase('memory://');
  if (kind === 'pglite-ipc') {
    const primary = await openPgliteDatabase('memory://');
    const [primarySide, workerSide] = channelPair();
    servePgliteOver(primarySide, primary.client);
    const worker = openPgliteIpcDatabase(workerSide);
    return { kind: worker.kind, db: worker.db, close: () => primary.close() };
  }
  const { url, drop } = await freshPostgresUrl();
  const database = await openPostgresDatabase(url);
  return { kind: database.kind, db: database.db, close: () => database.close().then(drop) };
}

/** A streaming replica of the test server (`.ci/run` starts one); unset → the replica test is skipped locally. */
export const TEST_DATABASE_REPLICA_URL = process.env.TEST_DATABASE_REPLICA_URL?.trim() || undefined;

/** The same database on another server (a replica has every database of its primary). */
export function sameDatabaseOn(serverUrl: string, databaseUrl: string): string {
  const url = new URL(serverUrl);
  url.pathname = new URL(databaseUrl).pathname;
  return url.toString();
}
