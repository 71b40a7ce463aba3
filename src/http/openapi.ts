import { z } from 'zod';
import { casesRequestSchema } from './routes/cases.js';
import { chatCompletionRequestSchema } from './openai/openai-request.js';
import { draftCheckRequestSchema } from './routes/drafts.js';
import { chatRequestSchema, feedbackRequestSchema, ingestRequestSchema, searchRequestSchema } from './schemas.js';

const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema: z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) } } });
const errorResponse = { description: 'Error: `{ error: { code, message, message_vi, field?, requestId } }`' };

/** The OpenAPI 3.1 document, generated from the same zod schemas that validate requests. */
export function buildOpenApi(version: string): object {
  return {
    openapi: '3.1.0',
    info: { title: 'Trợ lý ảo pháp lý — API', version, description: 'Cited, retrieval-augmented answers over Vietnamese laws, codes, court judgments and ministry briefings.' },
    paths: {
      '/healthz': { get: { summary: 'Service status, document and chunk counts, index build time', responses: { 200: { description: 'OK' } } } },
      '/v1/search': { post: { summary: 'Hybrid search over the corpus', requestBody: json(searchRequestSchema), responses: { 200: { description: 'Ranked chunks' }, 400: errorResponse, 413: errorResponse } } },
      '/v1/chat': { post: { summary: 'Cited answer; Server-Sent Events (delta, done) when stream is true', requestBody: json(chatRequestSchema), responses: { 200: { description: 'Answer with citations, or text/event-stream' }, 400: errorResponse } } },
      '/v1/documents': { get: { summary: 'List documents', responses: { 200: { description: 'Documents' } } } },
      '/v1/documents/{id}': { get: { summary: 'A document with its text (id URL-encoded, e.g. laws%2Fluat-vien-chuc)', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'Document' }, 404: errorResponse } } },
      '/v1/documents/{id}/articles/{n}': { get: { summary: 'One article with its clauses', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, { name: 'n', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'Article' }, 404: errorResponse } } },
      '/v1/documents/{id}/amendments': { get: { summary: 'Amendment graph both ways: what the document amends (in the corpus or not) and what amended it; asOf=YYYY-MM-DD keeps changes in effect by then', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }, { name: 'asOf', in: 'query', required: false, schema: { type: 'string', format: 'date' } }], responses: { 200: { description: 'amends, amendedBy' }, 400: errorResponse, 404: errorResponse } } },
      '/v1/drafts/check': { post: { summary: 'Check a draft against the law in force: provisions with conflict, duplicate and reference findings', requestBody: json(draftCheckRequestSchema), responses: { 200: { description: '{ text, provisions: [{ text, start, end, findings: [{ kind, documentId, article, clause?, point?, reason, draftSpan, lawSpan, score, differences, amendments }] }], counts }' }, 400: errorResponse, 413: errorResponse } } },
      '/v1/cases/search': { post: { summary: 'Similar judgments for a description of a dispute', requestBody: json(casesRequestSchema), responses: { 200: { description: 'Judgments with court, number, date, outcome, excerpt, shared facts and applied provisions; the outcome tendency among them' }, 400: errorResponse } } },
      '/v1/cases/provisions': { post: { summary: 'Case type and the provisions likely to apply (criminal: offenses with clause and general part; civil: substantive and procedural), with reasons', requestBody: json(casesRequestSchema), responses: { 200: { description: 'caseType, offenses, general, substantive, procedural, provisions (merged), similar judgments, tendency, notes' }, 400: errorResponse } } },
      '/v1/articles/{documentId}/{article}/judgments': { get: { summary: 'Judgments that applied an article', parameters: [{ name: 'documentId', in: 'path', required: true, schema: { type: 'string' } }, { name: 'article', in: 'path', required: true, schema: { type: 'string' } }], responses: { 200: { description: 'Judgments' }, 404: errorResponse } } },
      '/v1/feedback': {
        post: { summary: 'Rate an answer', requestBody: json(feedbackRequestSchema), responses: { 201: { description: 'Stored' }, 400: errorResponse } },
        get: { summary: 'Read ratings back (newest first)', responses: { 200: { description: 'Ratings' } } },
      },
      '/v1/conversations': { post: { summary: 'Start a server-side conversation thread (its id is the link that reopens it)', responses: { 201: { description: '{ id, title, createdAt, updatedAt }' } } } },
      '/v1/conversations/{id}': { get: { summary: 'A conversation with its turns and stored answers', parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }], responses: { 200: { description: 'Conversation' }, 404: errorResponse } } },
      '/v1/models': { get: { summary: 'OpenAI-compatible: the assistant modes as models (Authorization: Bearer when API_KEYS is set)', responses: { 200: { description: '{ object: "list", data: [model] }' }, 401: errorResponse } } },
      '/v1/chat/completions': { post: { summary: 'OpenAI-compatible chat completion; SSE chunks and [DONE] when stream is true; errors in OpenAI shape', requestBody: json(chatCompletionRequestSchema), responses: { 200: { description: 'chat.completion with extra citations and legal_assistant fields, or text/event-stream' }, 400: errorResponse, 401: errorResponse, 404: errorResponse } } },
      '/v1/admin/audit': { get: { summary: 'Newest answered questions with their answer ids (X-API-Key)', responses: { 200: { description: '{ entries }' }, 401: errorResponse, 403: errorResponse } } },
      '/v1/admin/ingest': { post: { summary: 'Re-ingest and swap the index (X-API-Key)', requestBody: json(ingestRequestSchema), responses: { 200: { description: 'Report' }, 401: errorResponse, 403: errorResponse } } },
      '/metrics': { get: { summary: 'Prometheus metrics', responses: { 200: { description: 'text/plain' } } } },
    },
  };
}
