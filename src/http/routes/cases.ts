import { Router } from 'express';
import { z } from 'zod';
import { findArticle, articleLabel, articleText } from '../../cases/article-text.js';
import { caseExcerpt } from '../../cases/case-excerpt.js';
import { caseIndexFor } from '../../cases/case-index.js';
import type { AppliedProvision, CaseRecord } from '../../cases/case-record.js';
import { judgmentLabel } from '../../cases/case-text.js';
import { factsQuery } from '../../cases/facts-query.js';
import { judgeAdvisorFor } from '../../cases/judge-advisor.js';
import type { JudgeWeights } from '../../cases/recommender-weights.js';
import { outcomeTendency, sharedFactsOf } from '../../cases/similar-facts.js';
import type { AppState } from '../app-state.js';
import { HttpError } from '../http-error.js';

export const casesRequestSchema = z
  .object({
    facts: z.string().trim().min(1, 'facts must not be empty').max(20_000),
    k: z.number().int().min(1).max(50).default(10),
  })
  .strict();

function presentProvision(p: AppliedProvision) {
  return {
    label: p.clauses.length === 1 ? `khoản ${p.clauses[0]} ${p.label}` : p.label,
    lawName: p.lawName,
    documentId: p.documentId ?? null,
    article: p.resolvedArticle ?? p.article,
    clauses: p.clauses,
    resolved: p.documentId !== undefined,
    reason: p.reason ?? null,
    source: p.source,
  };
}

function presentCase(r: CaseRecord) {
  return {
    documentId: r.documentId, kind: r.kind, title: r.title, label: judgmentLabel(r), court: r.court ?? null, number: r.number ?? null, date: r.date ?? null,
    level: r.level ?? null, caseType: r.caseType ?? null, caseName: r.caseName ?? null, outcome: r.outcome === 'unknown' ? null : r.outcome,
  };
}

/** The wildcard's segments joined back, each percent-decoded (a malformed escape is kept as written). */
function decodePath(segments: string[]): string {
  return segments
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    })
    .join('/');
}

/**
 * Judges' endpoints: `POST /v1/cases/search` (similar judgments for a fact description, with the
 * facts they share and the outcome tendency among them), `POST /v1/cases/provisions` (the case
 * type, then the provisions likely to apply with their reasons: offenses and general part for a
 * criminal case, substantive and procedural lists for a civil one) and
 * `GET /v1/articles/:documentId/:article/judgments` (judgments that applied an article; the id may
 * be URL-encoded, `laws%2Fbo-luat-dan-su`, or written with its slash).
 */
export function casesRouter(state: AppState, weights?: JudgeWeights): Router {
  const r = Router();

  r.post('/v1/cases/search', async (req, res) => {
    const parsed = casesRequestSchema.safeParse(req.body ?? {});
    if (!parsed.success) throw HttpError.fromZod(parsed.error);
    const { facts, k } = parsed.data;
    const { index } = state.current;
    const cases = caseIndexFor(index);
    const query = factsQuery(facts, index);
    const found = await cases.similar.search(facts, k);
    const shared = sharedFactsOf(cases);
    const tendency = outcomeTendency(found);
    const scores = index.lexical.scoreAll(index.lexical.analyze(query));
    res.json({
      query,
      tendency: tendency ?? null,
      results: found.map((c) => {
        const ex = caseExcerpt(index, c.record, query, 400, scores);
        return {
          ...presentCase(c.record),
          score: Math.round(c.score * 1000) / 1000,
          sharedFacts: shared.shared(query, c.record),
          excerpt: ex?.text ?? null,
          excerptStart: ex?.start ?? null,
          excerptEnd: ex?.end ?? null,
          provisions: c.record.provisions.map(presentProvision),
        };
      }),
    });
  });

  r.post('/v1/cases/provisions', async (req, res) => {
    const parsed = casesRequestSchema.safeParse(req.body ?? {});
    if (!parsed.success) throw HttpError.fromZod(parsed.error);
    const { facts, k } = parsed.data;
    const { index, retriever } = state.current;
    const advice = await judgeAdvisorFor(caseIndexFor(index), retriever, weights).advise(facts, { k });
    res.json({ ...advice, tendency: advice.tendency ?? null, similarCases: advice.similar });
  });

  r.get('/v1/articles/*rest', (req, res) => {
    const m = /^(.+)\/([^/]+)\/judgments$/.exec(decodePath((req.params as { rest: string[] }).rest));
    if (!m) throw HttpError.notFound(`${req.method} ${req.path}`);
    const documentId = m[1]!;
    const { index } = state.current;
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
