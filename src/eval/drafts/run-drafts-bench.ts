import { pino } from 'pino';
import type { Config } from '../../config.js';
import { createService, ensureIndex } from '../../service.js';
import { draftsBench, type DraftsBench } from './drafts-bench.js';

/** Loads (or builds) the configured index, starts the app in-process and runs the drafts benchmark on both. */
export async function runDraftsBench(config: Config, o: { archive: string; regenerate: boolean; corpusSample: number; corpusReport: string; log: (m: string) => void }): Promise<DraftsBench> {
  const logger = pino({ level: 'warn' });
  const index = await ensureIndex(config, logger);
  const serve = async () => {
    const { app, state } = await createService(config, { index, logger });
    return { app, warmUp: () => state.current.drafts().then((d) => d.warmUp()) };
  };
  return draftsBench({ index, serve, ...o });
}
