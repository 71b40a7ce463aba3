import type { RequestHandler } from 'express';
import { keyMatches } from '../admin-key.js';
import { HttpError } from '../http-error.js';

/** `Authorization: Bearer <key>` against the configured keys; with none configured every request passes. */
export function bearerAuth(keys: readonly string[]): RequestHandler {
  return (req, _res, next) => {
    if (keys.length === 0) return next();
    const token = /^Bearer\s+(.+)$/i.exec(req.get('authorization') ?? '')?.[1]?.trim();
    if (keys.some((k) => keyMatches(token, k))) return next();
    next(new HttpError(401, 'invalid_api_key', 'Khoá API không hợp lệ hoặc thiếu (Authorization: Bearer …)', 'Invalid or missing API key (Authorization: Bearer …)'));
  };
}
