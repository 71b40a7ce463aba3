import cluster from 'node:cluster';
import os from 'node:os';
import { pino } from 'pino';
import { ClusterMemoryStorePrimary } from '@express-rate-limit/cluster-memory-store';
import { loadConfig } from './config.js';
import type { Database } from './db/database.js';
import { isPgliteDatabase } from './db/pglite-database.js';
import { openPostgresDatabase } from './db/postgres-database.js';
import { followPublishedBuilds } from './http/follow-builds.js';
import { serveClusterMetrics } from './http/metrics.js';
import { restartPolicy } from './http/restart-policy.js';
import { watchIndex } from './http/watch-index.js';
import { IndexFileError } from './index/index-store.js';
import type { ServedIndex } from './index/served-index.js';
import { createService, ensureIndexBuilt, ensurePublished, loadIndex, loadServedIndex, openSearchBackend, openServiceDatabase } from './service.js';

/**
 * Starts the HTTP service. The primary process builds the index on first run, then forks one
 * worker per core (search is CPU-bound and Node runs one request's work at a time per process);
 * workers reload the index when a new build appears.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = pino({ level: config.LOG_LEVEL });
  const workers = config.WORKERS ?? Math.max(1, os.availableParallelism());
  // SEARCH_BACKEND=postgres: builds are read from PostgreSQL and only caches live in a process.
  const search = openSearchBackend(config);
  if (cluster.isPrimary) {
    // The primary only builds (and publishes the first build); loading the index here too would hold a second copy in memory.
    if (search) await ensurePublished(config, logger, search);
    else await ensureIndexBuilt(config, logger);
    if (workers > 1) {
      await search?.close();
      // The primary migrates the database once; with embedded PGlite it also holds the engine and runs the workers' SQL.
      const database = await openServiceDatabase(config, logger);
      if (isPgliteDatabase(database)) {
        const { client } = database;
        const { servePgliteOver } = await import('./db/pglite-ipc.js');
        cluster.setupPrimary({ serialization: 'advanced' });
        cluster.on('fork', (worker) => servePgliteOver(worker, client));
      } else {
        await database.close();
      }
      const closeDatabase = isPgliteDatabase(database) ? () => database.close() : () => Promise.resolve();
      // Rate-limit counts and metrics live here, shared by the workers.
      new ClusterMemoryStorePrimary().init();
      serveClusterMetrics();
      const restarts = restartPolicy();
      const started = new Map<number, number>();
      const fork = () => started.set(cluster.fork().id, Date.now());
      for (let i = 0; i < workers; i++) fork();
      cluster.on('exit', (worker, code, signal) => {
        if (signal === 'SIGTERM' || signal === 'SIGINT' || code === 0) return;
        const delayMs = restarts.next(Date.now() - (started.get(worker.id) ?? 0));
        started.delete(worker.id);
        logger.error({ pid: worker.process.pid, code, signal, restartInMs: delayMs }, `worker died; starting another in ${delayMs / 1000} s`);
        setTimeout(fork, delayMs);
      });
      const stopAll = () => {
        for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
        void closeDatabase().finally(() => process.exit(0));
      };
      process.on('SIGINT', stopAll);
      process.on('SIGTERM', stopAll);
      logger.info(`Trợ lý ảo pháp lý: ${workers} worker processes on http://${config.HOST}:${config.PORT}/`);
      return;
    }
  }
  // A worker reaches the database the primary opened and migrated; a single process opens its own.
  let database: Database | undefined;
  // PGlite's modules are loaded only where PGlite is used (about 50 MB a process).
  if (cluster.isWorker) database = config.DATABASE_URL ? await openPostgresDatabase(config.DATABASE_URL, { migrate: false }) : (await import('./db/pglite-ipc.js')).openPgliteIpcDatabase(process);
  let index: ServedIndex;
  try {
    index = search ? await loadServedIndex(config, logger, search) : await loadIndex(config);
  } catch (e) {
    // Name the damaged file: the primary restarts workers with a growing delay meanwhile.
    logger.fatal({ err: e, file: e instanceof IndexFileError ? e.file : undefined }, e instanceof Error ? e.message : String(e));
    throw e;
  }
  const service = await createService(config, { logger, index, warmUp: true, ...(database ? { database } : {}), ...(search ? { search } : {}) });
  const { app, state } = service;
  const unfollow = search ? followPublishedBuilds(search, state, logger, config.INDEX_WATCH_MS) : watchIndex(config.INDEX_DIR, state, () => loadIndex(config), logger, config.INDEX_WATCH_MS);
  const server = app.listen(config.PORT, config.HOST, () => {
    const addr = server.address();
    const port = typeof addr === 'object' && addr ? addr.port : config.PORT;
    if (cluster.isPrimary) logger.info(`Trợ lý ảo pháp lý đang chạy tại http://${config.HOST}:${port}/`);
  });
  const stop = () => server.close(() => void Promise.all([unfollow(), service.close(), search?.close()]).finally(() => process.exit(0)));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
