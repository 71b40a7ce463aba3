import type { ErrorRequestHandler } from 'express';

/** Paths whose clients expect OpenAI's error body. */
export function isOpenAiPath(path: string): boolean {
  return path === '/v1/chat/completions' || path === '/v1/models' || path.startsWith('/v1/models/');
}

interface AppErrorBody {
  error?: { code?: string; message?: string; message_vi?: string; field?: string; requestId?: string };
}

function openAiType(status: number): string {
  if (status === 401) return 'authentication_error';
  if (status === 403) return 'permission_error';
  if (status === 404) return 'not_found_error';
  if (status === 429) return 'rate_limit_error';
  if (status >= 500) return 'server_error';
  return 'invalid_request_error';
}

/**
 * `{ error: { message, type, param, code } }` as OpenAI sends it, keeping this service's
 * Vietnamese message and request id as extra fields that clients ignore.
 */
export function toOpenAiError(status: number, body: AppErrorBody) {
  const e = body.error ?? {};
  return {
    error: {
      message: e.message_vi && e.message ? `${e.message} (${e.message_vi})` : (e.message ?? 'Error'),
      type: openAiType(status),
      param: e.field ?? null,
      code: e.code ?? null,
      ...(e.message_vi ? { message_vi: e.message_vi } : {}),
      ...(e.requestId ? { request_id: e.requestId } : {}),
    },
  };
}

/**
 * Mounted just before the app's error handler: on the OpenAI-compatible paths it lets that handler
 * choose the status and message as for any route (validation, 413, 500 without internals), then
 * reshapes the body it writes into OpenAI's error object.
 */
export const openAiErrorHandler: ErrorRequestHandler = (err: unknown, req, res, next) => {
  if (isOpenAiPath(req.path) && !res.headersSent) {
    const json = res.json.bind(res);
    res.json = (body: unknown) => json(toOpenAiError(res.statusCode, (body ?? {}) as AppErrorBody));
  }
  next(err);
};
