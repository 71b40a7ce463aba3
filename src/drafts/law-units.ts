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

// `Luật này có hiệu lực thi hành từ ngày …`: every law's own effective date; a draft's never conflicts with it.
const OWN_EFFECT_RE = /^(?:Bộ luật|Luật|Nghị định|Nghị quyết|Pháp lệnh|Thông tư|Hiến pháp)\s+này\s+(?:có|đã có)\s+hiệu\s+lực/u;

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
    if (s.text.split(/\s+/u).length < 4 || OWN_EFFECT_RE.test(s.text.replace(/^\d+\.\s+/u, ''))) continue;
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
