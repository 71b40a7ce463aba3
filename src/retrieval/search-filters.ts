import type { DocumentMeta, DocumentStatus, SourceKind } from '../types/legal-document.js';

/** Filters a search can carry; every field narrows the result set. */
export interface SearchFilters {
  kinds?: SourceKind[];
  /** Vietnamese document types (`Luật`, `Bộ luật`, `Bản án`…), matched case-insensitively. */
  docTypes?: string[];
  issuer?: string;
  /** Official number, exact (`100/2015/QH13`). */
  number?: string;
  documentIds?: string[];
  /** ISO dates bounding the document's issue (or meeting) date. */
  dateFrom?: string;
  dateTo?: string;
  /** Whether documents without a date pass `dateFrom`/`dateTo` (default true: most laws in the corpus carry no date). */
  includeUndated?: boolean;
  statuses?: DocumentStatus[];
  /** Only documents in force (status unknown counts as in force: the corpus often lacks it). */
  inForceOnly?: boolean;
  /** The law as it stood on this ISO date: effective on or before, not expired by then. */
  asOf?: string;
}

const lower = (s: string) => s.normalize('NFC').toLowerCase();

/** A predicate over document metadata that also says which kinds it can let through (a hint for partitioned stores). */
export type DocumentPredicate = ((m: DocumentMeta) => boolean) & { readonly kinds?: readonly SourceKind[] };

/** Compiles filters to a predicate over document metadata; undefined when nothing filters. */
export function compileFilters(f: SearchFilters | undefined): DocumentPredicate | undefined {
  if (!f || Object.values(f).every((v) => v === undefined || (Array.isArray(v) && v.length === 0))) return undefined;
  const docTypes = f.docTypes?.map(lower);
  const ids = f.documentIds ? new Set(f.documentIds) : undefined;
  const allow = (m: DocumentMeta) => {
    if (f.kinds?.length && !f.kinds.includes(m.kind)) return false;
    if (docTypes?.length && !docTypes.includes(lower(m.docType))) return false;
    if (f.issuer && !lower(m.issuer ?? '').includes(lower(f.issuer))) return false;
    if (f.number && lower(m.number ?? '') !== lower(f.number)) return false;
    if (ids && !ids.has(m.id)) return false;
    const date = m.meetingDate ?? m.issuedDate;
    if ((f.dateFrom || f.dateTo) && !date && f.includeUndated === false) return false;
    if (f.dateFrom && date && date < f.dateFrom) return false;
    if (f.dateTo && date && date > f.dateTo) return false;
    if (f.statuses?.length && !f.statuses.includes(m.status)) return false;
    if (f.inForceOnly && (m.status === 'expired' || m.status === 'not_yet_in_force')) return false;
    if (f.asOf) {
      const from = m.effectiveDate ?? m.issuedDate;
      if (from && from > f.asOf) return false;
      if (m.expiryDate && m.expiryDate <= f.asOf) return false;
    }
    return true;
  };
  return f.kinds?.length ? Object.assign(allow, { kinds: f.kinds }) : allow;
}
