import path from 'node:path';
import { Router } from 'express';
import type { IngestReport } from '../../ingest/ingest-pipeline.js';
import { IngestLockedError } from '../../index/ingest-lock.js';
import type { AppState } from '../app-state.js';
import { HttpError } from '../http-error.js';
import { ingestRequestSchema } from '../schemas.js';

export interface AdminOptions {
  apiKey: string | undefined;
  /** Runs an ingest and returns the new loaded index (or undefined when nothing changed). */
  reindex: (full: boolean) => Promise<{ report: IngestReport; index?: Parameters<AppState['swap']>[0] }>;
}

const running = () => new HttpError(409, 'ingest_running', 'Đang lập chỉ mục, vui lòng thử lại sau', 'An ingest is already running');

/** The report as the client sees it: the build by name, never a path on the server's disk. */
function presentReport(report: IngestReport) {
  const { buildDir, ...rest } = report;
  return { ...rest, ...(buildDir ? { build: path.basename(buildDir) } : {}) };
}

/**
 * `POST /v1/admin/ingest`: re-ingests the corpus and swaps the new index in without a restart. The
 * key is checked before the body is read (see create-app); one ingest at a time across workers
 * and the CLI (the index folder's lock), 409 otherwise.
 */
export function adminRouter(state: AppState, o: AdminOptions): Router {
  const r = Router();
  let job: Promise<unknown> | undefined;
  r.post('/v1/admin/ingest', async (req, res) => {
    const parsed = ingestRequestSchema.safeParse(req.body ?? {});
    if (!parsed.success) throw HttpError.fromZod(parsed.error);
    if (job) throw running();
    const current = o.reindex(parsed.data.full);
    job = current;
    try {
      const { report, index } = await current;
      if (index) state.swap(index);
      res.json({ swapped: !!index, report: presentReport(report) });
    } catch (e) {
      if (e instanceof IngestLockedError) throw running();
      throw e;
    } finally {
      job = undefined;
    }
  });
  return r;
}
