import { Router, type Response } from 'express';
import { notesFor } from '../../amendments/amendment-note.js';
import type { ChatResult } from '../../answer/chat-service.js';
import type { SearchFilters } from '../../retrieval/search-filters.js';
import type { AppState } from '../app-state.js';
import { HttpError } from '../http-error.js';
import { presentCitation, presentHit } from '../present.js';
import { chatRequestSchema } from '../schemas.js';

function body(result: ChatResult, state: AppState, filters?: SearchFilters) {
  const { retriever, amendments } = state.current;
  const asOf = filters?.asOf;
  return {
    answer: result.answer, citations: result.citations.map((c) => presentCitation(c, notesFor(amendments, c, asOf))), mode: result.mode, refused: result.refused, warnings: result.warnings,
    question: result.question, sources: result.search.hits.slice(0, 5).map((h, i) => presentHit(h, i + 1, retriever.confidence(h), notesFor(amendments, { documentId: h.chunk.documentId, ...(h.chunk.article ? { article: h.chunk.article } : {}) }, asOf))),
  };
}

function sse(res: Response, event: string, data: unknown): void {
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** `POST /v1/chat`: a cited answer, or Server-Sent Events (`delta`… then `done`) with `stream: true`. */
export function chatRouter(state: AppState): Router {
  const r = Router();
  r.post('/v1/chat', async (req, res) => {
    const parsed = chatRequestSchema.safeParse(req.body ?? {});
    if (!parsed.success) throw HttpError.fromZod(parsed.error);
    const { messages, filters, stream } = parsed.data;
    const chat = state.current.chat;
    if (!stream) {
      const result = await chat.answer({ messages, ...(filters ? { filters } : {}) });
      res.json(body(result, state, filters));
      return;
    }
    const abort = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) abort.abort();
    });
    res.status(200).set({ 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
    res.flushHeaders();
    try {
      const result = await chat.answer({ messages, ...(filters ? { filters } : {}) }, (text) => sse(res, 'delta', { text }), abort.signal);
      sse(res, 'done', body(result, state, filters));
    } catch (err) {
      req.log?.error({ err }, 'chat stream failed');
      sse(res, 'error', { code: 'internal_error', message: 'Internal server error', message_vi: 'Lỗi máy chủ nội bộ', requestId: String(req.id ?? '') });
    }
    res.end();
  });
  return r;
}
