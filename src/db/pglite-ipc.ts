import type { Serializable } from 'node:child_process';
import type { PGlite, QueryOptions } from '@electric-sql/pglite';
import { types } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pg-proxy';
import type { Database } from './database.js';
import * as schema from './schema.js';

/**
 * PGlite runs in one process, but the server forks HTTP workers. The primary keeps the engine and
 * answers each worker's SQL over the cluster's IPC channel; workers use drizzle's `pg-proxy` driver.
 * The channel must use `serialization: 'advanced'` (bigint and jsonb values survive it).
 */

interface QueryMessage {
  type: 'pglite:query';
  id: number;
  sql: string;
  params: unknown[];
  method: 'all' | 'execute';
}

type ReplyMessage = { type: 'pglite:rows'; id: number; rows: unknown[] } | { type: 'pglite:error'; id: number; message: string; code?: string };

/** Either side of an IPC channel: a forked child seen from the parent, or `process` inside the child. */
export interface IpcPort {
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'disconnect', listener: () => void): unknown;
  send?: ((message: Serializable) => boolean) | undefined;
}

// Dates and intervals stay as PostgreSQL prints them; drizzle's column types parse them, as in its PGlite driver.
const raw = (value: string) => value;
const PARSERS = { [types.TIMESTAMP]: raw, [types.TIMESTAMPTZ]: raw, [types.INTERVAL]: raw, [types.DATE]: raw, 1115: raw, 1182: raw, 1185: raw, 1187: raw, 1231: raw };
const QUERY_OPTIONS: Record<QueryMessage['method'], QueryOptions> = {
  all: { rowMode: 'array', parsers: PARSERS },
  execute: { rowMode: 'object', parsers: PARSERS },
};

function isQuery(message: unknown): message is QueryMessage {
  return typeof message === 'object' && message !== null && (message as { type?: unknown }).type === 'pglite:query';
}

/** Primary side: runs the SQL a worker sends on the embedded engine and replies on the same channel. */
export function servePgliteOver(port: IpcPort, client: PGlite): void {
  port.on('message', (message) => {
    if (!isQuery(message)) return;
    const reply = (r: ReplyMessage) => {
      if (port.send) port.send(r as unknown as Serializable);
    };
    client.query(message.sql, message.params, QUERY_OPTIONS[message.method]).then(
      (result) => reply({ type: 'pglite:rows', id: message.id, rows: result.rows }),
      (error: unknown) => {
        const e = error as { message?: string; code?: string };
        reply({ type: 'pglite:error', id: message.id, message: e.message ?? String(error), ...(e.code ? { code: e.code } : {}) });
      },
    );
  });
}

/** Worker side: a database whose every statement runs on the primary's PGlite. */
export function openPgliteIpcDatabase(port: IpcPort): Database {
  const send = port.send;
  if (!send) throw new Error('PGlite over IPC needs a process started with an IPC channel (a cluster worker)');
  let next = 0;
  const pending = new Map<number, { resolve: (rows: unknown[]) => void; reject: (error: Error) => void }>();
  port.on('message', (message) => {
    const m = message as ReplyMessage | null;
    if (typeof m?.id !== 'number' || (m.type !== 'pglite:rows' && m.type !== 'pglite:error')) return;
    const waiter = pending.get(m.id);
    if (!waiter) return;
    pending.delete(m.id);
    if (m.type === 'pglite:rows') waiter.resolve(m.rows);
    else waiter.reject(Object.assign(new Error(m.message), m.code ? { code: m.code } : {}));
  });
  port.on('disconnect', () => {
    for (const w of pending.values()) w.reject(new Error('the primary process holding the database has gone'));
    pending.clear();
  });
  const db = drizzle(
    (sql, params, method) =>
      new Promise<{ rows: unknown[] }>((resolve, reject) => {
        const id = ++next;
        pending.set(id, { resolve: (rows) => resolve({ rows }), reject });
        const message: QueryMessage = { type: 'pglite:query', id, sql, params, method };
        send.call(port, message as unknown as Serializable);
      }),
    { schema },
  );
  return { kind: 'pglite-ipc', db, close: async () => undefined };
}
