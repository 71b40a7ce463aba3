import type { CorpusIndex } from '../index/corpus-index.js';
import type { Article, ParsedDocument } from '../types/legal-document.js';
import { analyzeProvision, type NormativeContent } from './normative-content.js';
import { sentencesOf } from './split-draft.js';

/** A sentence or list item of a provision in force, the unit a draft sentence is compared with. */
export interface LawUnit {
  documentId: string;
  article: string;
  clause?: string;
  point?: string;
  /** Offsets into the document's normalised text. */
  start: number;
  end: number;
  text: string;
  /** The subject's terms (see {@link NormativeContent.terms}), kept for every unit: similarity needs only them. */
  terms: Set<string>;
  /** The full analysis, made when the unit is a candidate and kept: most units never are. */
  content(): NormativeContent;
}

// One string per distinct term across all units: the sets then share their strings.
const interned = new Map<string, string>();
const intern = (t: string) => interned.get(t) ?? (interned.set(t, t), t);

export const LEGAL_KINDS = new Set(['law', 'code', 'regulation']);

// Sentences about the law itself — its effective date, the predecessor it ends, its passing by the
// Quốc hội (`Luật này có hiệu lực thi hành từ ngày …`, `Quy định tại khoản 2 Điều 60 của Luật này có hiệu
// lực …`, `Luật … số 45/2013/QH13 hết hiệu lực kể từ ngày Luật này có hiệu lực`, `Luật này được Quốc hội …
// thông qua ngày …`): every law has one, and a
// draft's never conflicts with another law's.
const OWN_LAW_RE = /^(?:Bộ luật|Luật|Nghị định|Nghị quyết|Pháp lệnh|Thông tư|Hiến pháp)\s+này\s+(?:(?:có|đã có)\s+hiệu\s+lực|(?:đã\s+)?được\s+Quốc\s+hội)|hết\s+hiệu\s+lực\s+(?:thi\s+hành\s+)?kể\s+từ\s+ngày\s+(?:Bộ luật|Luật|Nghị định|Pháp lệnh)\s+này\s+có\s+hiệu\s+lực|^Quy\s+định\s+tại\s+[^.;]*của\s+(?:Bộ luật|Luật|Nghị định)\s+này\s+có\s+hiệu\s+lực/u;

// An amending instruction (`Sửa đổi, bổ sung khoản 10 Điều 4 của Luật … như sau:`) says what changes, not a rule;
// the new wording it quotes is compared like any provision.
const INSTRUCTION_RE = /^(?:Sửa đổi|Bổ sung|Bãi bỏ|Thay thế|Bỏ)(?![\p{L}])[^“]*(?:như sau:?$|Điều\s+\d+|(?:Bộ luật|Luật)\s)/u;

/** True for a sentence that is not a rule on a subject: one about the law that contains it (its effect, its predecessor, its passing), or an amending instruction. */
export const isAboutItself = (sentence: string) => {
  const s = sentence.replace(/^(?:\d+\.|[a-zđ]\))\s+/u, '');
  return OWN_LAW_RE.test(s) || INSTRUCTION_RE.test(s);
};

/** The units of each article, analysed on first use and kept for the life of the index. */
export class LawUnits {
  private readonly cache = new Map<string, LawUnit[]>();
  private readonly articleMaps = new Map<string, Map<string, Article>>();

  constructor(private readonly index: CorpusIndex) {}

  /** Units of the article a chunk belongs to. */
  ofArticle(documentId: string, articleNumber: string): LawUnit[] {
    const key = `${documentId}#${articleNumber}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const doc = this.index.documents.get(documentId);
    const article = doc ? this.article(doc, articleNumber) : undefined;
    const units = doc && article ? unitsOf(doc, article) : [];
    this.cache.set(key, units);
    return units;
  }

  private article(doc: ParsedDocument, n: string): Article | undefined {
    let m = this.articleMaps.get(doc.meta.id);
    if (!m) this.articleMaps.set(doc.meta.id, (m = new Map(doc.articles.map((a) => [a.number, a]))));
    return m.get(n);
  }
}

/** Sentences of an article's body with the clause and point each falls in. */
export function unitsOf(doc: ParsedDocument, a: Article): LawUnit[] {
  const out: LawUnit[] = [];
  for (const s of sentencesOf(doc.text, a.bodyStart, a.end)) {
    if (s.text.split(/\s+/u).length < 4 || isAboutItself(s.text)) continue;
    const clause = a.clauses.find((c) => s.start >= c.start && s.start < c.end);
    const point = clause?.points.find((p) => s.start >= p.start && s.start < p.end);
    let content: NormativeContent | undefined;
    const terms = new Set([...analyzeProvision(s.text).terms].map(intern));
    out.push({
      documentId: doc.meta.id, article: a.number, ...(clause ? { clause: clause.number } : {}), ...(point ? { point: point.letter } : {}), start: s.start, end: s.end, text: s.text, terms,
      content: () => (content ??= analyzeProvision(s.text)),
    });
  }
  return out;
}
