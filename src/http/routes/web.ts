import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router } from 'express';

/**
 * The page's static files: the nearest `web/` above this module, so the same code finds it from
 * `src/http/routes/` (tsx) and from `dist/src/http/routes/` (tsc output, one level deeper).
 */
export function findWebDir(): string | undefined {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'web');
    if (existsSync(path.join(candidate, 'index.html'))) return candidate;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

// The page builds its DOM with textContent only and loads nothing from elsewhere, so a strict policy
// costs nothing and turns any escaping slip into a blocked script instead of an injection.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * `GET /` and its assets: the chat page for civil servants and judges (plain HTML, CSS, ES modules;
 * no build step). Without the folder (an API-only deployment) the router serves nothing and the API
 * keeps working; the browser test is what catches a page that should be there.
 */
export function webRouter(dir: string | undefined = findWebDir()): Router {
  const r = Router();
  if (!dir) return r;
  r.use(
    express.static(dir, {
      index: 'index.html',
      // Revalidate every load (ETag): the page and its modules change together on deploy, and a stale
      // module mixed with a fresh one would break the import graph.
      cacheControl: true,
      maxAge: 0,
      setHeaders: (res) => {
        // Static files match no route; the metrics label them as such (see routeLabel).
        (res as unknown as { locals: Record<string, unknown> }).locals.routeLabel = 'static';
        res.setHeader('Content-Security-Policy', CSP);
        res.setHeader('X-Content-Type-Options', 'nosniff');
        res.setHeader('Referrer-Policy', 'no-referrer');
      },
    }),
  );
  return r;
}
