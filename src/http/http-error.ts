import type { ZodError } from 'zod';

/** An error with an HTTP status and a message in Vietnamese and English. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageVi: string,
    message: string,
    readonly field?: string,
    /** Extra response headers (`Retry-After` on 429/503). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  /** A 400 naming the first invalid field; a text over its length limit is a 413 that states the limit. */
  static fromZod(error: ZodError): HttpError {
    const issue = error.issues[0];
    const field = issue && issue.path.length > 0 ? issue.path.join('.') : 'body';
    if (issue?.code === 'too_big' && issue.origin === 'string') {
      const max = Number(issue.maximum);
      return new HttpError(413, 'field_too_long', `Trường "${field}" dài quá giới hạn ${max} ký tự`, `Field "${field}" is longer than the limit of ${max} characters`, field);
    }
    const detail = issue?.message ?? 'invalid request';
    return new HttpError(400, 'invalid_request', `Yêu cầu không hợp lệ: trường "${field}" — ${detail}`, `Invalid request: field "${field}" — ${detail}`, field);
  }

  static notFound(what: string): HttpError {
    return new HttpError(404, 'not_found', `Không tìm thấy: ${what}`, `Not found: ${what}`);
  }

  /** 429 or 503 with `Retry-After` (seconds). */
  static retryLater(status: 429 | 503, code: string, messageVi: string, message: string, retryAfterSec: number): HttpError {
    return new HttpError(status, code, messageVi, message, undefined, { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterSec))) });
  }
}
