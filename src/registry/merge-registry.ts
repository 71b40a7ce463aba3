import { foldDiacritics } from '../text/fold.js';
import type { DocumentMeta } from '../types/legal-document.js';
import type { RegistryRecord } from './registry-record.js';

const FIELDS = ['number', 'docType', 'issuer', 'signer', 'issuedDate', 'effectiveDate', 'expiryDate'] as const;

const same = (a: string, b: string) => foldDiacritics(a.normalize('NFC').toLowerCase()).replace(/\s+/g, ' ').trim() === foldDiacritics(b.normalize('NFC').toLowerCase()).replace(/\s+/g, ' ').trim();

/**
 * Merges a reviewed registry record over what the document's header and sidecar say: the
 * registry wins field by field, fields it leaves empty keep the parsed value, and every field
 * where both have a value and they differ is returned as a conflict for the ingest log.
 */
export function mergeRegistry(meta: DocumentMeta, rec: RegistryRecord | undefined): { meta: DocumentMeta; conflicts: string[] } {
  if (!rec) return { meta, conflicts: [] };
  const out: DocumentMeta = { ...meta };
  const conflicts: string[] = [];
  for (const f of FIELDS) {
    const value = rec[f];
    if (value === undefined) continue;
    const parsed = meta[f];
    if (parsed !== undefined && !same(parsed, value)) conflicts.push(`${meta.id}: ${f} is "${parsed}" in the document, "${value}" in the registry (registry kept)`);
    out[f] = value;
  }
  if (rec.status !== 'unknown' || meta.status === 'unknown') {
    if (meta.status !== 'unknown' && meta.status !== rec.status) conflicts.push(`${meta.id}: status is ${meta.status} in the document, ${rec.status} in the registry (registry kept)`);
    out.status = rec.status;
  } else {
    // The registry declines to assert a status (a replacement of unknown date): the sidecar's claim is not kept either.
    out.status = 'unknown';
  }
  if (out.status !== meta.status) delete out.statusText;
  if (rec.amendedBy?.length) out.amendedBy = rec.amendedBy;
  if (rec.replacedBy?.length) out.replacedBy = rec.replacedBy;
  if (rec.notes) out.registryNotes = rec.notes;
  return { meta: out, conflicts };
}
