import { Router } from 'express';
import { z } from 'zod';
import { findArticle, articleLabel, articleText } from '../../cases/article-text.js';
import { caseIndexFor } from '../../cases/case-index.js';
import { presentCase, presentProvision } from '../../cases/case-responses.js';
import type { AppState } from '../app-state.js';
import type { CaseRunner } from '../case-runner.js';
import { HttpError } from '../http-error.js';

export const casesRequestSchema = z
  .object({
    facts: z.string().trim().min(1, 'facts must not be empty').max(20_000),
    k: z.number().int().min(1).max(50).default(10),
  })
  .strict();

/** The request's facts and k, or a 400/413 naming the field (facts over 20,000 characters: 413 stating the limit). */
function parseFacts(body: unknown): { facts: string; k: number } {
  const parsed = casesRequestSchema.safeParse(body ?? {});
  if (!parsed.success) throw HttpError.fromZod(parsed.error);
  return parsed.data;
}

/**
 * Judges' endpoints: `POST /v1/cases/search` (similar judgments for a fact description, with the
 * facts they share and the outcome tendency among them), `POST /v1/cases/provisions` (the case
 * type, then the provisions likely to apply with their reasons: offenses and general part for a
 * criminal case, substantive and procedural lists for a civil one) and
 * `GET /v1/articles/:documentId/:article/judgments` (judgments that applied an article; the id may
 * be URL-encoded, `laws%2Fbo-luat-dan-su`, or written with its slash).
 */
export function casesRouter(state: AppState, runner: CaseRunner): Router {
  const r = Router();

  // The work runs off the event loop (see CaseRunner), so /healthz and search stay fast meanwhile.
  r.post('/v1/cases/search', async (req, res) => {
    res.json(await runner.run(state.current, { kind: 'search', ...parseFacts(req.body) }));
  });

  r.post('/v1/cases/provisions', async (req, res) => {
    res.json(await runner.run(state.current, { kind: 'provisions', ...parseFacts(req.body) }));
  });

  r.get('/v1/articles/*rest', async (req, res) => {
    // The router has already percent-decoded each segment once; decoding again would misread a `%` in an id.
    const m = /^(.+)\/([^/]+)\/judgments$/.exec((req.params as { rest: string[] }).rest.join('/'));
    if (!m) throw HttpError.notFound(`${req.method} ${req.path}`);
    const documentId = m[1]!;
    const index = await state.current.index.caseCorpus();
    const doc = index.documents.get(documentId);
    if (!doc) throw HttpError.notFound(`văn bản ${documentId}`);
    const art = findArticle(doc, m[2]!);
    if (!art) throw HttpError.notFound(`Điều ${m[2]} của ${doc.meta.title}`);
    const applications = caseIndexFor(index).applicationsOf(documentId, art.number);
    res.json({
      documentId,
      article: art.number,
      label: articleLabel(doc.meta, art.number),
      articleTitle: art.title,
      text: articleText(doc, art),
      judgments: applications.map((a) => ({ ...presentCase(a.record), citedAs: presentProvision(a.provision) })),
    });
  });

  return r;
}
