import type { AmendmentNote } from '../amendments/amendment-note.js';
import type { Citation } from '../answer/answer-generator.js';
import { hitLabel } from '../retrieval/hit-label.js';
import type { SearchHit } from '../retrieval/hybrid-retriever.js';
import type { DocumentMeta } from '../types/legal-document.js';
import { UNVERIFIED_MARK } from './unverified-sources.js';

/** Document metadata as the API shows it. */
export function presentDocument(m: DocumentMeta) {
  return {
    id: m.id, kind: m.kind, docType: m.docType, title: m.title, number: m.number ?? null, issuer: m.issuer ?? null, signer: m.signer ?? null,
    issuedDate: m.issuedDate ?? null, effectiveDate: m.effectiveDate ?? null, expiryDate: m.expiryDate ?? null, status: m.status, statusText: m.statusText ?? null,
    meetingDate: m.meetingDate ?? null, period: m.period ?? null, unverified: m.unverified === true,
    amendedBy: m.amendedBy ?? [], replacedBy: m.replacedBy ?? [], registryNotes: m.registryNotes ?? null,
  };
}


export function presentHit(h: SearchHit, rank: number, confidence: number, amendments: AmendmentNote[] = []) {
  const c = h.chunk;
  return {
    rank, score: Number(h.score.toFixed(4)), confidence: Number(confidence.toFixed(3)), chunkId: c.id, label: h.document.unverified ? `${h.document.title}${UNVERIFIED_MARK}` : hitLabel(h), path: c.path,
    article: c.article ?? null, articleTitle: c.articleTitle ?? null, clause: c.clause ?? null, clauseEnd: c.clauseEnd ?? null,
    start: c.start, end: c.end, text: c.text, date: c.date ?? null, document: presentDocument(h.document), amendments,
  };
}

/** A citation with the changes made to its provision since (`amendments`: "đã được sửa đổi bởi …" and the new wording). */
export function presentCitation(c: Citation, amendments: AmendmentNote[] = []) {
  return { n: c.n, documentId: c.documentId, title: c.title, number: c.number ?? null, article: c.article ?? null, clause: c.clause ?? null, point: c.point ?? null, quote: c.quote, start: c.start, end: c.end, label: c.label, date: c.date ?? null, amendments };
}
