import { randomUUID } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { notesFor } from '../../amendments/amendment-note.js';
import type { ChatResult } from '../../answer/chat-service.js';
import type { SearchFilters } from '../../retrieval/search-filters.js';
import { recordAnswer, type AnswerRecords } from '../answer-records.js';
import type { AppState } from '../app-state.js';
import { openEventStream } from '../event-stream.js';
import { HttpError } from '../http-error.js';
import { presentCitation, presentHit } from '../present.js';
import { chatRequestSchema } from '../schemas.js';
import { UNVERIFIED_MARK, unverifiedCitations, unverifiedNote } from '../unverified-sources.js';
import { conversationNotFound } from './conversations.js';

/** The response body; citations of unverified documents are flagged in the answer, the labels and the warnings. */
function body(result: ChatResult, state: AppState, filters?: SearchFilters) {
  const { retriever, index, amendments } = state.current;
  const asOf = filters?.asOf;
  const unverified = unverifiedCitations(result.citations, index);
  const flag = unverifiedNote(unverified);
  return {
    answer: result.answer + (flag?.note ?? ''),
    citations: result.citations.map((c) => {
      const shown = presentCitation(c, notesFor(amendments, c, asOf));
      return unverified.includes(c.n) ? { ...shown, label: `${c.label}${UNVERIFIED_MARK}`, unverified: true } : shown;
    }),
    mode: result.mode,
    // `refused` stays for old clients: true only for a refusal, not for a "gợi ý".
    outcome: result.outcome, refused: result.outcome === 'refuse', suggestions: result.suggestions, warnings: flag ? [...result.warnings, flag.warning] : result.warnings,
    question: result.question, ...(result.rewritten ? { rewritten: result.rewritten } : {}),
    sources: result.search.hits.slice(0, 5).map((h, i) => presentHit(h, i + 1, retriever.confidence(h), notesFor(amendments, { documentId: h.chunk.documentId, ...(h.chunk.article ? { article: h.chunk.article } : {}) }, asOf))),
  };
}

function sse(res: Response, event: string, data: unknown): void {
  res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

/** The response body with a fresh answer id, after recording it in the audit log (and the thread, if any). */
async function recorded(result: ChatResult, state: AppState, records: AnswerRecords, req: Request, conversationId: string | undefined, question: string, filters?: SearchFilters) {
  const payload = { ...body(result, state, filters), answerId: randomUUID() };
  await recordAnswer(records, req.log, {
    answerId: payload.answerId, channel: 'chat', requestId: String(req.id ?? ''), searched: result.question, result,
    thread: conversationId ? { conversationId, question, payload } : undefined,
  });
  return payload;
}

/**
 * `POST /v1/chat`: a cited answer, or Server-Sent Events (`delta`… then `done`) with `stream: true`.
 * Each answer gets an `answerId` in the audit log; with `conversationId` the turn joins that thread.
 */
export function chatRouter(state: AppState, records: AnswerRecords): Router {
  const r = Router();
  r.post('/v1/chat', async (req, res) => {
    const parsed = chatRequestSchema.safeParse(req.body ?? {});
    if (!parsed.success) throw HttpError.fromZod(parsed.error);
    const { messages, filters, stream, conversationId } = parsed.data;
    if (conversationId && !(await records.conversations.exists(conversationId))) throw conversationNotFound(conversationId);
    const question = messages.at(-1)?.content ?? '';
    const chat = state.current.chat;
    if (!stream) {
      const result = await chat.answer({ messages, ...(filters ? { filters } : {}) });
      res.json(await recorded(result, state, records, req, conversationId, question, filters));
      return;
    }
    const signal = openEventStream(res);
    try {
      const result = await chat.answer({ messages, ...(filters ? { filters } : {}) }, (text) => sse(res, 'delta', { text }), signal);
      // The note on unverified sources ends the streamed text as it ends the answer in `done`.
      const flag = unverifiedNote(unverifiedCitations(result.citations, state.current.index));
      if (flag) sse(res, 'delta', { text: flag.note });
      sse(res, 'done', await recorded(result, state, records, req, conversationId, question, filters));
    } catch (err) {
      req.log?.error({ err }, 'chat stream failed');
      sse(res, 'error', { code: 'internal_error', message: 'Internal server error', message_vi: 'Lỗi máy chủ nội bộ', requestId: String(req.id ?? '') });
    }
    res.end();
  });
  return r;
}
