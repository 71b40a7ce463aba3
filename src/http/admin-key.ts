import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { HttpError } from './http-error.js';

function keyMatches(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Lets a request through only with `X-API-Key: ADMIN_API_KEY`. Mounted before the body parser, so
 * an unauthenticated caller never gets its body read; 403 while no key is configured.
 */
export function requireAdminKey(apiKey: string | undefined): RequestHandler {
  return (req, _res, next) => {
    if (!apiKey) throw new HttpError(403, 'admin_disabled', 'Chức năng quản trị chưa được bật (thiếu ADMIN_API_KEY)', 'Admin routes are disabled: set ADMIN_API_KEY');
    if (!keyMatches(req.get('x-api-key'), apiKey)) throw new HttpError(401, 'unauthorized', 'Khoá API không hợp lệ', 'Invalid or missing X-API-Key');
    next();
  };
}
