import type { ParsedDocument } from '../types/legal-document.js';

/**
 * True when a document shows neither legal structure nor provenance: no articles, no official
 * number, no sidecar (and, for judgments, neither a case number nor a court; for briefings, no
 * meeting date or period). Such a file is still searchable, but is flagged `unverified` so that
 * it is never quoted as law without saying so.
 */
export function lacksProvenance(doc: ParsedDocument, hasSidecar: boolean): boolean {
  const m = doc.meta;
  if (hasSidecar || m.number) return false;
  if (m.kind === 'judgment' || m.kind === 'precedent') return !m.issuer;
  if (m.kind === 'briefing') return !m.meetingDate && !m.period;
  return doc.articles.length === 0;
}
