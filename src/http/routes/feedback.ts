import { Router } from 'express';
import type { FeedbackStore } from '../../feedback/feedback-store.js';
import { HttpError } from '../http-error.js';
import { feedbackRequestSchema } from '../schemas.js';

/** `POST /v1/feedback` stores a rating; `GET /v1/feedback` lets evaluators read them back. */
export function feedbackRouter(store: FeedbackStore): Router {
  const r = Router();
  r.post('/v1/feedback', async (req, res) => {
    const parsed = feedbackRequestSchema.safeParse(req.body ?? {});
    if (!parsed.success) throw HttpError.fromZod(parsed.error);
    const saved = await store.append(parsed.data);
    res.status(201).json(saved);
  });
  r.get('/v1/feedback', async (req, res) => {
    const limit = Math.min(Math.max(Number(req.query.limit ?? 100) || 100, 1), 1000);
    res.json({ feedback: await store.list(limit) });
  });
  return r;
}
