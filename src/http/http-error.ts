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
  ) {
    super(message);
  }

  /** A 400 naming the first invalid field. */
  static fromZod(error: ZodError): HttpError {
    const issue = error.issues[0];
    const field = issue && issue.path.length > 0 ? issue.path.join('.') : 'body';
    const detail = issue?.message ?? 'invalid request';
    return new HttpError(400, 'invalid_request', `Yêu cầu không hợp lệ: trường "${field}" — ${detail}`, `Invalid request: field "${field}" — ${detail}`, field);
  }

  static notFound(what: string): HttpError {
    return new HttpError(404, 'not_found', `Không tìm thấy: ${what}`, `Not found: ${what}`);
  }
}
