import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';
import type { ServedIndex } from '../index/served-index.js';
import type { AppState } from './app-state.js';

/**
 * Polls `INDEX_DIR/CURRENT` and swaps in a new build when it changes, so every worker picks up an
 * ingest run by the CLI or by another worker's admin route, without a restart.
 */
export function watchIndex(indexDir: string, state: AppState, load: () => Promise<ServedIndex>, logger: Logger, intervalMs: number): () => void {
  if (intervalMs <= 0) return () => undefined;
  let current = state.current.index.buildId;
  let busy = false;
  const timer = setInterval(async () => {
    if (busy) return;
    busy = true;
    try {
      const name = (await readFile(path.join(indexDir, 'CURRENT'), 'utf8')).trim();
      if (name && name !== current) {
        const index = await load();
        state.swap(index);
        current = index.buildId;
        logger.info({ build: current }, 'new index build loaded');
      }
    } catch (err) {
      logger.warn({ err }, 'index watch failed; keeping the current index');
    } finally {
      busy = false;
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
