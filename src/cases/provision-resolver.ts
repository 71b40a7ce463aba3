import type { CorpusIndex } from '../index/corpus-index.js';
import { LawNameResolver, passedYear, type LawEntry } from '../retrieval/law-name-resolver.js';

/** Kinds of document a court's citation can point at. */
const CITABLE_KINDS = new Set(['law', 'code', 'regulation']);

export type ProvisionResolution = { ok: true; documentId: string; article: string } | { ok: false; reason: string };

/**
 * Resolves a provision as a court writes it (`Bộ luật Dân sự năm 2015`, Điều 584) to an article of
 * a corpus law or code. A citation of another version than the corpus holds (`Bộ luật Dân sự năm
 * 2005`), or made before the corpus version existed, is left unresolved: its article numbers
 * refer to a different text.
 */
export class ProvisionResolver {
  private readonly laws: LawNameResolver;

  constructor(private readonly index: CorpusIndex) {
    const entries: LawEntry[] = [];
    for (const d of index.documents.values()) {
      if (!CITABLE_KINDS.has(d.meta.kind)) continue;
      const year = passedYear(d.text) ?? (d.meta.issuedDate ? Number(d.meta.issuedDate.slice(0, 4)) : undefined);
      entries.push({ id: d.meta.id, title: d.meta.title, docType: d.meta.docType, ...(d.meta.number ? { number: d.meta.number } : {}), ...(year !== undefined ? { year } : {}) });
    }
    this.laws = new LawNameResolver(entries);
  }

  /** Resolves one citation; `citedInYear` is the year of the judgment that cites it. */
  resolve(lawName: string, article: string, citedInYear?: number): ProvisionResolution {
    const r = this.laws.resolveDetailed(lawName);
    if (!r) return { ok: false, reason: 'văn bản không có trong kho dữ liệu' };
    if (r.yearMismatch) return { ok: false, reason: `trích dẫn bản năm ${r.requestedYear}; kho dữ liệu có bản năm ${r.documentYear}` };
    if (citedInYear !== undefined && r.documentYear !== undefined && citedInYear < r.documentYear) {
      return { ok: false, reason: `bản án năm ${citedInYear}, trước khi bản năm ${r.documentYear} được ban hành` };
    }
    const a = article.toLowerCase();
    const doc = this.index.documents.get(r.id);
    if (!doc?.articles.some((x) => x.number.toLowerCase() === a)) return { ok: false, reason: `không có Điều ${article} trong ${doc?.meta.title ?? r.id}` };
    return { ok: true, documentId: r.id, article: a };
  }
}
