import { Router } from 'express';
import { z } from 'zod';
import type { AmendmentEdge } from '../../amendments/amendment-edge.js';
import { amendmentNote, sourceLabel, unitLabel } from '../../amendments/amendment-note.js';
import type { AppState } from '../app-state.js';
import { HttpError } from '../http-error.js';
import { isoDate } from '../schemas.js';

function presentEdge(e: AmendmentEdge) {
  return {
    action: e.action,
    origin: e.origin,
    source: { documentId: e.source.documentId ?? null, title: e.source.title, number: e.source.number ?? null, article: e.source.article ?? null, clause: e.source.clause ?? null, point: e.source.point ?? null, start: e.source.start, end: e.source.end, label: sourceLabel(e) },
    target: { documentId: e.target.documentId ?? null, title: e.target.title, number: e.target.number ?? null, article: e.target.article ?? null, clause: e.target.clause ?? null, point: e.target.point ?? null, location: unitLabel(e.target) || e.target.locationText || null, inCorpus: e.target.documentId !== undefined },
    newText: e.newText ?? null,
    oldPhrase: e.oldPhrase ?? null,
    newPhrase: e.newPhrase ?? null,
    effectiveDate: e.effectiveDate ?? null,
    note: amendmentNote(e).text,
  };
}

/**
 * `GET /v1/documents/:id/amendments[?asOf=YYYY-MM-DD]`: both directions of the amendment graph —
 * what this document amends (targets in the corpus or not) and what amended it. Mounted before
 * the documents router, whose wildcard would otherwise take the path.
 */
export function amendmentsRouter(state: AppState): Router {
  const r = Router();
  r.get(/^\/v1\/documents\/(.+)\/amendments\/?$/, (req, res) => {
    const id = decodeURIComponent((req.params as Record<string, string>)[0]!);
    const { index, amendments } = state.current;
    const doc = index.retrieval.document(id);
    if (!doc) throw HttpError.notFound(`văn bản ${id}`);
    let asOf: string | undefined;
    if (req.query.asOf !== undefined) {
      const parsed = z.object({ asOf: isoDate }).safeParse({ asOf: req.query.asOf });
      if (!parsed.success) throw HttpError.fromZod(parsed.error);
      asOf = parsed.data.asOf;
    }
    const inEffect = (e: AmendmentEdge) => !asOf || !e.effectiveDate || e.effectiveDate <= asOf;
    const { amends, amendedBy } = amendments.forDocument(id);
    res.json({
      documentId: id, title: doc.title, number: doc.number ?? null, asOf: asOf ?? null,
      amends: amends.filter(inEffect).map(presentEdge),
      amendedBy: amendedBy.filter(inEffect).map(presentEdge),
    });
  });
  return r;
}
