import { Router } from 'express';
import { notesFor } from '../../amendments/amendment-note.js';
import type { AppState } from '../app-state.js';
import { HttpError } from '../http-error.js';
import { presentHit } from '../present.js';
import { searchRequestSchema } from '../schemas.js';

/** `POST /v1/search`: ranked chunks with metadata, legal path and a citation label. */
export function searchRouter(state: AppState): Router {
  const r = Router();
  r.post('/v1/search', async (req, res) => {
    const parsed = searchRequestSchema.safeParse(req.body ?? {});
    if (!parsed.success) throw HttpError.fromZod(parsed.error);
    const { query, k, filters } = parsed.data;
    const { retriever, amendments } = state.current;
    const result = await retriever.search(query, k, filters);
    res.json({
      query: result.query, restored: result.restored, period: result.period?.label ?? null,
      references: result.references.map(({ article, clause, point }) => ({ article, clause: clause ?? null, point: point ?? null })),
      mentionedDocuments: result.mentionedDocuments,
      hits: result.hits.map((h, i) => presentHit(h, i + 1, retriever.confidence(h), notesFor(amendments, { documentId: h.chunk.documentId, ...(h.chunk.article ? { article: h.chunk.article } : {}), ...(h.chunk.clause && !h.chunk.clauseEnd ? { clause: h.chunk.clause } : {}) }, filters?.asOf))),
    });
  });
  return r;
}
