import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { HttpError } from './http-error.js';

interface BodyParserError {
  type?: string;
  status?: number;
}

/** Unknown routes: 404 in both languages. */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(HttpError.notFound(`${req.method} ${req.path}`));
};

/**
 * Maps every error to a response in one place: validation → 400 naming the field, body too large
 * → 413, malformed JSON → 400, anything else → 500 with the request id and no internals.
 */
export const errorHandler: ErrorRequestHandler = (err: unknown, req, res, _next) => {
  const requestId = String(req.id ?? '');
  let e: HttpError;
  const bp = err as BodyParserError;
  if (err instanceof HttpError) e = err;
  else if (err instanceof ZodError) e = HttpError.fromZod(err);
  else if (bp?.type === 'entity.too.large') e = new HttpError(413, 'payload_too_large', 'Nội dung yêu cầu quá lớn', 'Request body too large');
  else if (bp?.type === 'entity.parse.failed') e = new HttpError(400, 'invalid_json', 'Nội dung yêu cầu không phải JSON hợp lệ', 'Request body is not valid JSON', 'body');
  else if (bp?.type === 'encoding.unsupported' || bp?.status === 415) e = new HttpError(415, 'unsupported_media_type', 'Định dạng nội dung không được hỗ trợ', 'Unsupported content type');
  else {
    req.log?.error({ err, requestId }, 'unhandled error');
    e = new HttpError(500, 'internal_error', 'Lỗi máy chủ nội bộ', 'Internal server error');
  }
  if (res.headersSent) {
    res.end();
    return;
  }
  res.status(e.status).json({ error: { code: e.code, message: e.message, message_vi: e.messageVi, ...(e.field ? { field: e.field } : {}), requestId } });
};
