import { Router } from 'express';
import type { AppState } from '../app-state.js';
import { HttpError } from '../http-error.js';
import { presentDocument } from '../present.js';

/**
 * `GET /v1/documents`, `GET /v1/documents/:id` and `GET /v1/documents/:id/articles/:n`: the source
 * text behind a citation. Ids contain a slash (`laws/luat-vien-chuc`); both the raw and the
 * URL-encoded forms are accepted.
 */
export function documentsRouter(state: AppState): Router {
  const r = Router();
  r.get('/v1/documents', (_req, res) => {
    const docs = state.current.index.catalog().map((d) => ({ ...presentDocument(d.meta), articles: d.articles }));
    res.json({ documents: docs });
  });
  r.get('/v1/documents/*rest', async (req, res) => {
    // The router has already percent-decoded each segment once: decoding again would throw on `%25`
    // and misread a file name that holds a `%`.
    const rest = (req.params as { rest: string[] }).rest.join('/');
    const m = rest.match(/^(.+?)\/articles\/([^/]+)$/);
    const id = m ? m[1]! : rest;
    const doc = await state.current.index.document(id);
    if (!doc) throw HttpError.notFound(`văn bản ${id}`);
    if (!m) {
      res.json({ document: presentDocument(doc.meta), text: doc.text, articles: doc.articles.map((a) => ({ number: a.number, title: a.title, start: a.start, end: a.end, path: a.path })), sections: doc.sections });
      return;
    }
    const n = m[2]!.toLowerCase();
    const a = doc.articles.find((x) => x.number.toLowerCase() === n);
    if (!a) throw HttpError.notFound(`Điều ${n} của ${doc.meta.title}`);
    res.json({
      document: presentDocument(doc.meta),
      article: { number: a.number, title: a.title, path: a.path, start: a.start, end: a.end, text: doc.text.slice(a.start, a.end), clauses: a.clauses.map((c) => ({ number: c.number, start: c.start, end: c.end, points: c.points })) },
      label: `Điều ${a.number} ${doc.meta.title}`,
    });
  });
  return r;
}
