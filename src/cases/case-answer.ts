import type { Answer, Citation } from '../answer/answer-generator.js';
import type { CorpusIndex } from '../index/corpus-index.js';
import { articleQuote, findArticle } from './article-text.js';
import { caseExcerpt } from './case-excerpt.js';
import { judgmentLabel } from './case-text.js';
import { factsQuery } from './facts-query.js';
import type { Recommendation, RecommendedProvision } from './provision-recommender.js';

const CAUTION = 'Lưu ý: đây là gợi ý tham khảo rút ra từ các bản án đã có trong kho dữ liệu; việc áp dụng pháp luật do Hội đồng xét xử quyết định.';

/**
 * A chat answer for a fact pattern: the recommended provisions, each cited to the opening of its
 * article, then the most similar judgments, each cited to the passage of its reasoning that best
 * matches the facts. Every citation quotes an exact span of its document.
 */
export function composeCaseAnswer(index: CorpusIndex, question: string, rec: Recommendation, judgments: number): Answer {
  const citations: Citation[] = [];
  const lines: string[] = ['Các điều luật có thể áp dụng cho tình tiết này, xếp theo mức độ phù hợp (theo các bản án tương tự và nội dung điều luật):'];
  const neighbours = rec.similar.length;
  // Substantive law first: what decides the dispute; then the procedure every judgment cites.
  const groups: [string, RecommendedProvision[]][] = [
    ['Luật nội dung:', rec.provisions.filter((p) => !isProcedural(index, p.documentId))],
    ['Thủ tục tố tụng, án phí:', rec.provisions.filter((p) => isProcedural(index, p.documentId))],
  ];
  let item = 0;
  for (const [heading, provisions] of groups) {
    if (provisions.length === 0) continue;
    lines.push(heading);
    for (const p of provisions) {
      const doc = index.documents.get(p.documentId);
      const art = findArticle(doc, p.article);
      if (!doc || !art) continue;
      const q = articleQuote(doc, art);
      const n = citations.length + 1;
      citations.push({ n, documentId: doc.meta.id, title: doc.meta.title, ...(doc.meta.number ? { number: doc.meta.number } : {}), article: art.number, quote: q.quote, start: q.start, end: q.end, label: p.label });
      lines.push(`${++item}. ${p.label}${art.title ? ` (${art.title})` : ''} [${n}] — ${support(p, neighbours)}.`);
    }
  }
  const shown = rec.similar.slice(0, judgments);
  if (shown.length > 0) lines.push('', 'Các bản án tương tự:');
  const query = factsQuery(question, index);
  for (const s of shown) {
    const ex = caseExcerpt(index, s.record, query);
    const outcome = s.record.outcome !== 'unknown' ? `; kết quả: ${s.record.outcome}` : '';
    const about = s.record.caseName ? ` về ${s.record.caseName.charAt(0).toLowerCase()}${s.record.caseName.slice(1)}` : '';
    const doc = index.documents.get(s.record.documentId);
    let cite = '';
    if (ex && doc) {
      const n = citations.length + 1;
      citations.push({ n, documentId: doc.meta.id, title: doc.meta.title, ...(doc.meta.number ? { number: doc.meta.number } : {}), quote: doc.text.slice(ex.start, ex.end), start: ex.start, end: ex.end, label: judgmentLabel(s.record), ...(s.record.date ? { date: s.record.date } : {}) });
      cite = ` [${n}]`;
    }
    lines.push(`- ${judgmentLabel(s.record)}${about}${outcome}${ex ? `: "${ex.text.replace(/\[(\d+)\]/g, '($1)')}"` : ''}${cite}`);
  }
  const unresolved = rec.unresolved.slice(0, 3);
  if (unresolved.length > 0) lines.push('', `Các bản án tương tự còn căn cứ vào văn bản chưa có trong kho dữ liệu: ${unresolved.map((u) => u.label).join('; ')}.`);
  lines.push('', CAUTION);
  return { answer: lines.join('\n'), citations, mode: 'extractive', refused: false, warnings: [] };
}

/** Procedural codes (`Bộ luật tố tụng dân sự`): their articles apply to how a case is heard, not to its merits. */
function isProcedural(index: CorpusIndex, documentId: string): boolean {
  return /tố\s+tụng/iu.test(index.documents.get(documentId)?.meta.title ?? '');
}

/** Why a provision is listed, in the judge's terms. */
function support(p: RecommendedProvision, neighbours: number): string {
  const e = p.evidence;
  if (e.judgments.length > 0) return `được áp dụng trong ${e.judgments.length}/${neighbours} bản án tương tự`;
  if (e.passages.length > 0) return 'nội dung điều luật phù hợp với tình tiết';
  return `được áp dụng trong ${e.appliedIn.judgments}/${e.appliedIn.of} bản án của kho dữ liệu`;
}
