import { Router } from 'express';
import type { FeedbackStore } from '../../feedback/feedback-store.js';
import { HttpError } from '../http-error.js';
import { feedbackRequestSchema } from '../schemas.js';

export interface FeedbackRouteOptions {
  /** Storage quota: writes are refused (507) once the store holds this many bytes. */
  maxBytes: number;
}

/**
 * `POST /v1/feedback` stores a rating within a storage quota; `GET /v1/feedback` reads them back.
 * The per-client write limit and the admin key on reads are mounted in create-app, before the body parser.
 */
export function feedbackRouter(store: FeedbackStore, o: FeedbackRouteOptions): Router {
  const r = Router();
  r.post('/v1/feedback', async (req, res) => {
    const parsed = feedbackRequestSchema.safeParse(req.body ?? {});
    if (!parsed.success) throw HttpError.fromZod(parsed.error);
    if (Number.isFinite(o.maxBytes) && (await store.sizeBytes()) >= o.maxBytes) {
      req.log?.warn({ maxBytes: o.maxBytes }, 'feedback store full: FEEDBACK_MAX_BYTES reached');
      throw new HttpError(507, 'feedback_store_full', 'Kho phản hồi đã đầy; vui lòng báo quản trị viên', 'The feedback store is full (FEEDBACK_MAX_BYTES); tell the operator');
    }
    const saved = await store.append(parsed.data);
    res.status(201).json(saved);
  });
  r.get('/v1/feedback', async (req, res) => {
    const limit = Math.min(Math.max(Number(req.query.limit ?? 100) || 100, 1), 1000);
    res.json({ feedback: await store.list(limit) });
  });
  return r;
}
