import type { CorpusIndex } from '../index/corpus-index.js';
import { LawNameResolver, passedYear, type LawEntry } from '../retrieval/law-name-resolver.js';

/** Kinds of document that gold labels and court citations can point at. */
export const LEGAL_KINDS = ['law', 'code'] as const;

/** The laws and codes of an index as resolver entries; the year comes from the closing formula when the title lacks it. */
export function lawEntries(index: CorpusIndex): LawEntry[] {
  const out: LawEntry[] = [];
  for (const d of index.documents.values()) {
    if (!(LEGAL_KINDS as readonly string[]).includes(d.meta.kind)) continue;
    const year = passedYear(d.text) ?? (d.meta.issuedDate ? Number(d.meta.issuedDate.slice(0, 4)) : undefined);
    out.push({ id: d.meta.id, title: d.meta.title, docType: d.meta.docType, ...(d.meta.number ? { number: d.meta.number } : {}), ...(year !== undefined ? { year } : {}) });
  }
  return out;
}

/** A law-name resolver over the index's laws and codes. */
export function createLawResolver(index: CorpusIndex): LawNameResolver {
  return new LawNameResolver(lawEntries(index));
}
