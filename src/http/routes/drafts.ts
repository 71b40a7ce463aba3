import { Router } from 'express';
import { z } from 'zod';
import type { AppState } from '../app-state.js';
import { HttpError } from '../http-error.js';
import { isoDate } from '../schemas.js';

export const draftCheckRequestSchema = z
  .object({
    text: z.string().trim().min(1, 'text must not be empty').max(60_000, 'text must be at most 60000 characters'),
    /** Check against the law as it stood on this date (documents in force then, amendments made by then). */
    asOf: isoDate.optional(),
  })
  .strict();

/**
 * `POST /v1/drafts/check` `{text, asOf?}`: a pasted draft (a law, a decree, or one provision) split
 * into provisions, each with its findings against the law in force: `conflict` (same subject,
 * different figures, modality, authority or exceptions), `duplicate` (restates a provision
 * unchanged) and `reference` (cites an article or document that does not exist or is no longer
 * in force).
 */
export function draftsRouter(state: AppState): Router {
  const r = Router();
  r.post('/v1/drafts/check', async (req, res) => {
    const parsed = draftCheckRequestSchema.safeParse(req.body ?? {});
    if (!parsed.success) throw HttpError.fromZod(parsed.error);
    const checker = await state.current.drafts();
    const t0 = performance.now();
    const result = checker.check(parsed.data.text, parsed.data.asOf ? { asOf: parsed.data.asOf } : {});
    const counts = { conflict: 0, duplicate: 0, reference: 0 };
    for (const p of result.provisions) for (const f of p.findings) counts[f.kind]++;
    res.json({ ...result, counts, ms: Math.round(performance.now() - t0) });
  });
  return r;
}
