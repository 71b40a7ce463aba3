import { Router } from 'express';
import type { AppState } from '../app-state.js';
import { HttpError } from '../http-error.js';
import { assertAdminKey } from '../admin-key.js';
import { ingestRequestSchema } from '../schemas.js';

export interface AdminOptions {
  apiKey: string | undefined;
  /** Runs an ingest and returns the new loaded index (or undefined when nothing changed). */
  reindex: (full: boolean) => Promise<{ report: unknown; index?: Parameters<AppState['swap']>[0] }>;
}

/** `POST /v1/admin/ingest` (X-API-Key): re-ingests the corpus and swaps the new index in without a restart. */
export function adminRouter(state: AppState, o: AdminOptions): Router {
  const r = Router();
  let running: Promise<unknown> | undefined;
  r.post('/v1/admin/ingest', async (req, res) => {
    assertAdminKey(req.get('x-api-key'), o.apiKey);
    const parsed = ingestRequestSchema.safeParse(req.body ?? {});
    if (!parsed.success) throw HttpError.fromZod(parsed.error);
    if (running) throw new HttpError(409, 'ingest_running', 'Đang lập chỉ mục, vui lòng thử lại sau', 'An ingest is already running');
    const job = o.reindex(parsed.data.full);
    running = job;
    try {
      const { report, index } = await job;
      if (index) state.swap(index);
      res.json({ swapped: !!index, report });
    } finally {
      running = undefined;
    }
  });
  return r;
}
