import type { AmendmentGraph } from '../amendments/amendment-graph.js';
import { targetResolver } from '../amendments/amendment-graph.js';
import { lawRefsIn } from '../amendments/parse-amendments.js';
import type { CorpusIndex } from '../index/corpus-index.js';
import { findArticleReferences } from '../retrieval/legal-reference.js';
import type { ParsedDocument } from '../types/legal-document.js';

/** A reference in a draft that points at nothing in force. */
export interface ReferenceProblem {
  documentId: string | null;
  article: string | null;
  clause: string | null;
  reason: string;
  /** Offsets of the reference in the analysed text. */
  start: number;
  end: number;
  text: string;
}

// `Luật Đất đai số 45/2013/QH13`, `Điều 15 của Luật Viên chức`, `khoản 2 Điều 317 Bộ luật Tố tụng dân sự`.
const LAW_AFTER_RE = /^\s*(?:của\s+)?(?:(?:Bộ luật|Luật|Nghị định) này|(?:Bộ luật|Luật|Pháp lệnh|Nghị quyết|Nghị định|Hiến pháp)(?![\p{L}]))/u;

const TRANSITIONAL_RE = /hết hiệu lực|bãi bỏ|trước ngày|tiếp tục (?:thực hiện|áp dụng|được)/iu;

/** The sentence (or list item) a character offset falls in. */
function sentenceAround(text: string, at: number): string {
  const start = Math.max(text.lastIndexOf('. ', at), text.lastIndexOf(';', at), text.lastIndexOf('\n', at)) + 1;
  const ends = ['. ', ';', '\n'].map((c) => text.indexOf(c, at)).filter((i) => i >= 0);
  return text.slice(start, ends.length ? Math.min(...ends) : text.length);
}

/**
 * Checks a draft's references: an article or clause the cited document does not have, a
 * document a corpus text says it replaced (`… hết hiệu lực`), a provision a corpus text repealed,
 * a document the registry marks expired, and `Điều N của Luật này` where the draft has no Điều N.
 */
export class ReferenceChecker {
  private readonly resolve: (title: string, number?: string) => string | undefined;

  constructor(
    private readonly index: CorpusIndex,
    private readonly amendments: AmendmentGraph,
  ) {
    this.resolve = targetResolver([...index.documents.values()].map((d) => d.meta));
  }

  check(text: string, draftArticles: Set<string>, asOf?: string): ReferenceProblem[] {
    const out: ReferenceProblem[] = [];
    // Documents cited by number: replaced or expired ones are stale references — unless the
    // sentence repeals them or is transitional (`… hết hiệu lực`, `Bãi bỏ …`, `hồ sơ nộp trước ngày …`).
    for (const m of text.matchAll(/(?<![\d/])\d{1,4}\/\d{4}\/[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*/gu)) {
      if (TRANSITIONAL_RE.test(sentenceAround(text, m.index))) continue;
      const replaced = this.amendments.replacementOf(m[0]);
      const id = this.resolve('', m[0]);
      const doc = id ? this.index.documents.get(id) : undefined;
      if (replaced && (!asOf || !replaced.effectiveDate || replaced.effectiveDate <= asOf)) {
        out.push({ documentId: replaced.source.documentId ?? null, article: null, clause: null, reason: `Văn bản số ${m[0]} đã hết hiệu lực: được thay thế bởi ${replaced.source.title}${replaced.source.number ? ` (${replaced.source.number})` : ''} từ ${replaced.effectiveDate ?? 'ngày văn bản đó có hiệu lực'}`, start: m.index, end: m.index + m[0].length, text: m[0] });
      } else if (doc && doc.meta.status === 'expired') {
        out.push({ documentId: doc.meta.id, article: null, clause: null, reason: `${doc.meta.title} (${m[0]}) đã hết hiệu lực`, start: m.index, end: m.index + m[0].length, text: m[0] });
      }
    }
    for (const r of findArticleReferences(text)) {
      const rest = text.slice(r.end, r.end + 160);
      const law = LAW_AFTER_RE.exec(rest);
      if (!law) continue;
      const own = /(?:Bộ luật|Luật|Nghị định) này/u.test(law[0]);
      if (own) {
        if (draftArticles.size > 0 && !draftArticles.has(r.article)) out.push({ documentId: null, article: r.article, clause: r.clause ?? null, reason: `Dự thảo không có Điều ${r.article} để dẫn chiếu`, start: r.start, end: r.end, text: text.slice(r.start, r.end) });
        continue;
      }
      const ref = lawRefsIn(rest.slice(law.index))[0];
      if (!ref) continue;
      const id = this.resolve(ref.title, ref.number);
      const doc = id ? this.index.documents.get(id) : undefined;
      if (!doc) continue;
      const problem = this.articleProblem(doc, r.article, r.clause, asOf);
      const end = r.end + Math.max(0, rest.indexOf(ref.title)) + ref.title.length;
      if (problem) out.push({ documentId: doc.meta.id, article: r.article, clause: r.clause ?? null, reason: problem, start: r.start, end, text: text.slice(r.start, end) });
    }
    return out;
  }

  private articleProblem(doc: ParsedDocument, article: string, clause: string | undefined, asOf?: string): string | undefined {
    const a = doc.articles.find((x) => x.number.toLowerCase() === article);
    const last = doc.articles.at(-1)?.number;
    if (!a) return `${doc.meta.title} không có Điều ${article}${last ? ` (văn bản có ${doc.articles.length} điều, đến Điều ${last})` : ''}`;
    if (clause && a.clauses.length > 0 && !a.clauses.some((c) => c.number === clause)) return `Điều ${article} ${doc.meta.title} không có khoản ${clause} (có ${a.clauses.length} khoản)`;
    const repealed = this.amendments.changesTo({ documentId: doc.meta.id, article, ...(clause ? { clause } : {}) }, asOf).find((e) => e.action === 'repeal' && (!e.target.clause || e.target.clause === clause));
    if (repealed) return `${clause ? `Khoản ${clause} ` : ''}Điều ${article} ${doc.meta.title} đã bị bãi bỏ bởi ${repealed.source.title}${repealed.effectiveDate ? ` từ ${repealed.effectiveDate}` : ''}`;
    return undefined;
  }
}
