import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { HttpError } from './http-error.js';

/** Compares a presented key with an expected one in constant time. */
export function keyMatches(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Admin routes: 403 while ADMIN_API_KEY is unset, 401 unless the request's `X-API-Key` matches it. */
export function assertAdminKey(given: string | undefined, adminKey: string | undefined): void {
  if (!adminKey) throw new HttpError(403, 'admin_disabled', 'Chức năng quản trị chưa được bật (thiếu ADMIN_API_KEY)', 'Admin routes are disabled: set ADMIN_API_KEY');
  if (!keyMatches(given, adminKey)) throw new HttpError(401, 'unauthorized', 'Khoá API không hợp lệ', 'Invalid or missing X-API-Key');
}

/**
 * {@link assertAdminKey} as middleware, mounted before the body parser so that an unauthenticated
 * caller never gets its body read.
 */
export function requireAdminKey(adminKey: string | undefined): RequestHandler {
  return (req, _res, next) => {
    assertAdminKey(req.get('x-api-key'), adminKey);
    next();
  };
}
