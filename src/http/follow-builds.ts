import type { Logger } from 'pino';
import { PgIndex } from '../index/postgres/pg-index.js';
import type { PgSearch } from '../index/postgres/pg-search.js';
import type { AppState } from './app-state.js';

/**
 * Swaps in each build published to PostgreSQL (by any node's ingest): the new build's caches are
 * loaded beside the served ones and the state is replaced whole, so a request sees one build or
 * the other. Builds announced while one loads are skipped for the newest.
 */
export function followPublishedBuilds(search: PgSearch, state: AppState, logger: Logger, pollMs: number): () => Promise<void> {
  const served = state.current.index;
  let newest = served instanceof PgIndex ? served.build.id : 0;
  let queue = Promise.resolve();
  return search.listen(
    newest,
    (id) => {
      newest = Math.max(newest, id);
      queue = queue
        .then(async () => {
          if (id < newest) return;
          const t0 = performance.now();
          const index = await search.load(id);
          if (!index) return;
          state.swap(index);
          logger.info({ build: id, ms: Math.round(performance.now() - t0) }, 'published index build loaded');
        })
        .catch((err: unknown) => logger.warn({ err, build: id }, 'loading a published build failed; keeping the current one'));
    },
    pollMs,
    (err) => logger.warn({ err }, 'listening for published builds failed; retrying'),
  );
}
