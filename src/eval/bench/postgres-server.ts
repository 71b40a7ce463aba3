import pg from 'pg';
import type { ApiProcess, HttpRun } from './bench-types.js';
import { freePort, load, startServer, stopServer } from './http-bench.js';
import { processTreeMemory } from './process-memory.js';

/** A fresh database on the bench server, and how to drop it. */
export async function benchDatabase(serverUrl: string, name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`).finally(() => c.end());
    },
  };
}

/** Serves `databaseUrl`'s newest build as `npm start` does with SEARCH_BACKEND=postgres, runs `measure`, stops it. */
export function withPostgresServer<T>(indexDir: string, databaseUrl: string, workers: number, measure: (port: number, processes: () => Promise<ApiProcess[]>) => Promise<T>): Promise<T> {
  return withApiServer(indexDir, { SEARCH_BACKEND: 'postgres', DATABASE_URL: databaseUrl, WORKERS: String(workers), DATABASE_REPLICA_URL: '' }, measure);
}

/** Starts `src/server.ts` with `env` (and warnings-only logs), runs `measure` with its port and its processes' memory, stops it. */
export async function withApiServer<T>(indexDir: string, env: NodeJS.ProcessEnv, measure: (port: number, processes: () => Promise<ApiProcess[]>) => Promise<T>): Promise<T> {
  const port = await freePort();
  const server = await startServer(indexDir, port, { LOG_LEVEL: 'warn', ...env });
  const processes = async (): Promise<ApiProcess[]> => {
    // tsx → the primary → its workers: the processes that serve are the leaves of the tree.
    const tree = (await processTreeMemory(server.pid!)).filter((p) => p.command.includes('src/server.ts'));
    const parents = new Set(tree.map((p) => p.parent));
    return tree.filter((p) => p.pid !== server.pid).map((p) => ({ pid: p.pid, role: parents.has(p.pid) ? 'primary' : 'worker', rssMb: p.rssMb, peakRssMb: p.peakRssMb }));
  };
  try {
    return await measure(port, processes);
  } finally {
    stopServer(server);
  }
}

/** Search latency of a served API at the bench concurrency, after a warm-up, for one kind of search. */
export async function searchLoad(port: number, queries: string[], concurrency: number, durationSec: number, body: object = {}): Promise<HttpRun> {
  for (const q of queries.slice(0, 20)) await fetch(`http://127.0.0.1:${port}/v1/search`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: q, k: 10, ...body }) });
  return load(port, '/v1/search', queries, concurrency, durationSec, body);
}
