import type { RequestHandler } from 'express';

/**
 * `nosniff` on every response; API answers (which may hold users' questions) are never stored by a
 * browser or proxy. The page's static files set their own caching in the web router.
 */
export const securityHeaders: RequestHandler = (req, res, next) => {
  res.setHeader('X-Content-Type-Options', 'nosniff');
  if (req.path.startsWith('/v1/') || req.path === '/healthz' || req.path === '/metrics' || req.path === '/openapi.json') res.setHeader('Cache-Control', 'no-store');
  next();
};
