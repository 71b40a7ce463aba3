import type { Response } from 'express';

/**
 * Starts a Server-Sent Events response (headers flushed, no proxy buffering) and returns a signal
 * that aborts when the client goes away before the response is finished.
 */
export function openEventStream(res: Response): AbortSignal {
  const abort = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) abort.abort();
  });
  res.status(200).set({ 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-cache, no-transform', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
  res.flushHeaders();
  return abort.signal;
}
