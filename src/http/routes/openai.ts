import { randomUUID } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import type { Answer, ChatMessage } from '../../answer/answer-generator.js';
import { CaseAdvisor } from '../../cases/case-advisor.js';
import { caseIndexFor } from '../../cases/case-index.js';
import { judgeAdvisorFor } from '../../cases/judge-advisor.js';
import { recordAnswer, type AnswerRecords } from '../answer-records.js';
import type { AppState } from '../app-state.js';
import { openEventStream } from '../event-stream.js';
import { HttpError } from '../http-error.js';
import { bearerAuth } from '../openai/bearer-auth.js';
import { completionBody, completionChunk, structuredFields, type CompletionMeta } from '../openai/completion-body.js';
import { answerExtras } from '../openai/completion-text.js';
import { flagUnverified } from '../unverified-sources.js';
import { ASSISTANT_MODELS, findModel, presentModel, type AssistantModel } from '../openai/openai-models.js';
import { chatCompletionRequestSchema, toChatMessages } from '../openai/openai-request.js';

export interface OpenAiRouterOptions {
  records: AnswerRecords;
  /** Bearer keys; empty → open. */
  apiKeys: readonly string[];
}

function modelNotFound(id: string): HttpError {
  const known = ASSISTANT_MODELS.map((m) => m.id).join(', ');
  return new HttpError(404, 'model_not_found', `Không có mô hình "${id}"; các mô hình hiện có: ${known}`, `The model "${id}" does not exist; available: ${known}`, 'model');
}

/** Judge mode answers a dispute with provisions and similar judgments; anything else (or no case basis) goes to the chat service. */
async function answerWith(state: AppState, model: AssistantModel, messages: ChatMessage[], onDelta?: (d: string) => void, signal?: AbortSignal): Promise<Answer & { question: string }> {
  const { chat, index, retriever } = state.current;
  const question = messages.at(-1)?.content ?? '';
  if (model.mode === 'judge') {
    const advised = await new CaseAdvisor(judgeAdvisorFor(caseIndexFor(await index.caseCorpus()), retriever)).adviseOnFacts(question);
    if (advised) {
      onDelta?.(advised.answer);
      return { ...advised, question };
    }
  }
  return chat.answer({ messages }, onDelta, signal);
}

function writeData(res: Response, data: unknown): void {
  res.write(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
}

/**
 * The OpenAI Chat Completions protocol over this service, so existing clients (Open WebUI,
 * LibreChat, the `openai` SDK, LangChain's `ChatOpenAI`) can use it: `GET /v1/models` lists the
 * assistant's modes, `POST /v1/chat/completions` answers with `[n]` markers and a sources list in the
 * text and the structured citations in an extra `citations` field; `stream: true` sends
 * `chat.completion.chunk` events and `[DONE]` exactly as OpenAI does.
 */
export function openAiRouter(state: AppState, o: OpenAiRouterOptions): Router {
  const r = Router();
  const auth = bearerAuth(o.apiKeys);

  r.get('/v1/models', auth, (_req, res) => {
    res.json({ object: 'list', data: ASSISTANT_MODELS.map(presentModel) });
  });
  r.get('/v1/models/:id', auth, (req, res) => {
    const model = findModel(String(req.params.id));
    if (!model) throw modelNotFound(String(req.params.id));
    res.json(presentModel(model));
  });

  r.post('/v1/chat/completions', auth, async (req: Request, res: Response) => {
    const parsed = chatCompletionRequestSchema.safeParse(req.body ?? {});
    if (!parsed.success) throw HttpError.fromZod(parsed.error);
    const model = findModel(parsed.data.model);
    if (!model) throw modelNotFound(parsed.data.model);
    const messages = toChatMessages(parsed.data.messages);
    const answerId = randomUUID();
    const meta: Omit<CompletionMeta, 'question'> = { id: `chatcmpl-${answerId}`, answerId, model: model.id, created: Math.floor(Date.now() / 1000) };
    const record = (result: Answer & { question: string }) =>
      recordAnswer(o.records, req.log, { answerId, channel: 'openai', requestId: String(req.id ?? ''), model: model.id, searched: result.question, result });

    if (parsed.data.stream !== true) {
      const result = flagUnverified(await answerWith(state, model, messages), state.current.index);
      await record(result);
      res.json(completionBody(result, { ...meta, question: result.question }));
      return;
    }

    const signal = openEventStream(res);
    const first = { ...meta, question: '' };
    writeData(res, completionChunk(first, { role: 'assistant', content: '' }));
    let streamed = '';
    try {
      const result = flagUnverified(
        await answerWith(state, model, messages, (d) => {
          streamed += d;
          writeData(res, completionChunk(first, { content: d }));
        }, signal),
        state.current.index,
      );
      // A stream cannot take text back: when the final answer differs from what was streamed (an LLM
      // citation removed, a fallback), it follows in full after a rule.
      const tail = (streamed === result.answer ? '' : `${streamed === '' ? '' : '\n\n---\n'}${result.answer}`) + answerExtras(result);
      if (tail !== '') writeData(res, completionChunk(first, { content: tail }));
      await record(result);
      writeData(res, { ...completionChunk(first, {}, 'stop'), ...structuredFields(result, { ...meta, question: result.question }) });
      writeData(res, '[DONE]');
    } catch (err) {
      if (!signal.aborted) {
        req.log?.error({ err }, 'chat completion stream failed');
        writeData(res, { error: { message: 'Internal server error (Lỗi máy chủ nội bộ)', type: 'server_error', param: null, code: 'internal_error', request_id: String(req.id ?? '') } });
      }
    }
    res.end();
  });
  return r;
}
