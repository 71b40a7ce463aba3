import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

// What a proxy or client id looks like (UUIDs, ULIDs, trace ids); anything else is replaced.
const SAFE_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/**
 * The request id: the client's `X-Request-Id` when it is a plain token, else a fresh UUID. A
 * client's header is never echoed verbatim (it could carry log-injection text or markup).
 */
export function requestId(req: IncomingMessage, res: ServerResponse): string {
  const given = req.headers['x-request-id'];
  const id = typeof given === 'string' && SAFE_ID.test(given) ? given : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}
