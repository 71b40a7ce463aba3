import { Router } from 'express';
import type { AppState } from '../app-state.js';

/** `GET /healthz`: status, counts and when the served index was built. */
export function healthRouter(state: AppState, extra: () => Record<string, unknown> = () => ({})): Router {
  const r = Router();
  r.get('/healthz', (_req, res) => {
    const { index, loadedAt } = state.current;
    const m = index.manifest;
    res.json({ status: 'ok', documents: m.counts.documents, articles: m.counts.articles, chunks: m.counts.chunks, indexBuiltAt: m.createdAt, indexBuildMs: m.buildMs, loadedAt, embedder: m.embedder.kind, skipped: m.skipped.length, ...extra() });
  });
  return r;
}
