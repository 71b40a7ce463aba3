import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import { HttpError } from './http-error.js';

/** The fields Express, body-parser, raw-body, zlib and http-errors put on the errors they raise. */
interface ClientErrorShape {
  type?: unknown;
  status?: unknown;
  statusCode?: unknown;
  code?: unknown;
}

/** Unknown routes: 404 in both languages. */
export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(HttpError.notFound(`${req.method} ${req.path}`));
};

/** body-parser's error types, each with the answer the client gets. */
const BODY_ERRORS: Record<string, () => HttpError> = {
  'entity.too.large': () => new HttpError(413, 'payload_too_large', 'Nội dung yêu cầu quá lớn', 'Request body too large'),
  'entity.parse.failed': () => new HttpError(400, 'invalid_json', 'Nội dung yêu cầu không phải JSON hợp lệ', 'Request body is not valid JSON', 'body'),
  'encoding.unsupported': () => new HttpError(415, 'unsupported_media_type', 'Kiểu nén nội dung (Content-Encoding) không được hỗ trợ', 'Unsupported Content-Encoding'),
  'charset.unsupported': () => new HttpError(415, 'unsupported_media_type', 'Bảng mã (charset) không được hỗ trợ', 'Unsupported charset'),
  'request.aborted': () => new HttpError(400, 'request_aborted', 'Yêu cầu bị ngắt trước khi gửi xong', 'Request aborted before the body was complete', 'body'),
  'request.size.invalid': () => new HttpError(400, 'invalid_length', 'Độ dài nội dung không khớp Content-Length', 'Request body length does not match Content-Length', 'body'),
};

/**
 * Turns any error into the HTTP error the client gets. Client errors raised below our routes
 * (body-parser, the router's percent-decoding, zlib on a body that is not what its
 * Content-Encoding says) keep their 4xx status with a message in both languages; anything else
 * is a 500 that reveals nothing.
 */
export function toHttpError(err: unknown): HttpError | undefined {
  if (err instanceof HttpError) return err;
  if (err instanceof ZodError) return HttpError.fromZod(err);
  const e = (typeof err === 'object' && err !== null ? err : {}) as ClientErrorShape;
  const known = typeof e.type === 'string' ? BODY_ERRORS[e.type] : undefined;
  if (known) return known();
  if (err instanceof URIError) return new HttpError(400, 'invalid_path', 'Đường dẫn có mã thoát phần trăm (%) không hợp lệ', 'Malformed percent-escape in the URL path', 'path');
  const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : undefined;
  if (status === undefined || status < 400 || status >= 500) return undefined;
  if (typeof e.code === 'string' && e.code.startsWith('Z_')) {
    return new HttpError(400, 'invalid_body_encoding', 'Nội dung không giải nén được theo Content-Encoding đã khai báo', 'Request body does not match its Content-Encoding', 'body');
  }
  return new HttpError(status, 'bad_request', 'Yêu cầu không hợp lệ', 'Bad request');
}

/** Maps every error to a response in one place (see {@link toHttpError}); 5xx are logged with the request id. */
export const errorHandler: ErrorRequestHandler = (err: unknown, req, res, _next) => {
  const requestId = String(req.id ?? '');
  let e = toHttpError(err);
  if (!e) {
    req.log?.error({ err, requestId }, 'unhandled error');
    e = new HttpError(500, 'internal_error', 'Lỗi máy chủ nội bộ', 'Internal server error');
  }
  if (res.headersSent) {
    res.end();
    return;
  }
  if (e.headers) res.set(e.headers);
  res.status(e.status).json({ error: { code: e.code, message: e.message, message_vi: e.messageVi, ...(e.field ? { field: e.field } : {}), requestId } });
};
