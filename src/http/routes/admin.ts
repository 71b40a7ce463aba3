import { timingSafeEqual } from 'node:crypto';
import { Router } from 'express';
import type { AppState } from '../app-state.js';
import { HttpError } from '../http-error.js';
import { ingestRequestSchema } from '../schemas.js';

export interface AdminOptions {
  apiKey: string | undefined;
  /** Runs an ingest and returns the new loaded index (or undefined when nothing changed). */
  reindex: (full: boolean) => Promise<{ report: unknown; index?: Parameters<AppState['swap']>[0] }>;
}

function keyMatches(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `POST /v1/admin/ingest` (X-API-Key): re-ingests the corpus and swaps the new index in without a restart. */
export function adminRouter(state: AppState, o: AdminOptions): Router {
  const r = Router();
  let running: Promise<unknown> | undefined;
  r.post('/v1/admin/ingest', async (req, res) => {
    if (!o.apiKey) throw new HttpError(403, 'admin_disabled', 'Chức năng quản trị chưa được bật (thiếu ADMIN_API_KEY)', 'Admin routes are disabled: set ADMIN_API_KEY');
    if (!keyMatches(req.get('x-api-key'), o.apiKey)) throw new HttpError(401, 'unauthorized', 'Khoá API không hợp lệ', 'Invalid or missing X-API-Key');
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
