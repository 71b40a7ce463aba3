import cluster from 'node:cluster';
import type { RequestHandler } from 'express';
import { rateLimit, type Store } from 'express-rate-limit';
import { ClusterMemoryStoreWorker } from '@express-rate-limit/cluster-memory-store';
import { HttpError } from './http-error.js';

/** Requests per client (IP) per window; 0 turns a limit off. */
export interface RateLimitSettings {
  windowMs: number;
  /** Every route, page and API. */
  general: number;
  /** The judges' case routes, each a second or more of CPU on long facts. */
  cases: number;
  /** Writing feedback (each write grows the store). */
  feedback: number;
}

const pass: RequestHandler = (_req, _res, next) => next();

/**
 * One limiter; in a cluster worker its counts live in the primary (cluster memory store), so a
 * client gets the same budget whichever worker answers.
 */
function limiter(name: string, limit: number, windowMs: number, what: { vi: string; en: string }): RequestHandler {
  if (limit <= 0) return pass;
  const store: Store | undefined = cluster.isWorker ? new ClusterMemoryStoreWorker({ prefix: name }) : undefined;
  return rateLimit({
    windowMs,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    identifier: name,
    ...(store ? { store } : {}),
    handler: (req, _res, next) => {
      const reset = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
      const seconds = reset ? (reset.getTime() - Date.now()) / 1000 : windowMs / 1000;
      next(
        HttpError.retryLater(
          429,
          'rate_limited',
          `Quá nhiều yêu cầu${what.vi ? ` ${what.vi}` : ''} (tối đa ${limit} mỗi ${Math.round(windowMs / 1000)} giây); vui lòng thử lại sau`,
          `Too many${what.en ? ` ${what.en}` : ''} requests (limit ${limit} per ${Math.round(windowMs / 1000)} s); retry later`,
          seconds,
        ),
      );
    },
  });
}

/** The service's per-client rate limits, one middleware per class of route. */
export function createRateLimits(s: RateLimitSettings): { general: RequestHandler; cases: RequestHandler; feedback: RequestHandler } {
  return {
    general: limiter('general', s.general, s.windowMs, { vi: '', en: '' }),
    cases: limiter('cases', s.cases, s.windowMs, { vi: 'tra cứu vụ việc', en: 'case' }),
    feedback: limiter('feedback', s.feedback, s.windowMs, { vi: 'gửi phản hồi', en: 'feedback' }),
  };
}
