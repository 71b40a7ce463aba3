import type { Answer, Citation } from '../answer/answer-generator.js';
import type { CorpusIndex } from '../index/corpus-index.js';
import { articleQuote, findArticle } from './article-text.js';
import type { JudgeAdvice, ProvisionView } from './judge-advisor.js';

const CAUTION = 'Lưu ý: đây là gợi ý tham khảo rút ra từ nội dung văn bản pháp luật và các bản án trong kho dữ liệu; việc áp dụng pháp luật do Hội đồng xét xử quyết định.';

/**
 * A chat answer for a fact pattern: the case type and why; for a criminal case the offenses (clause
 * and the facts that decide it) and the general-part articles with their reasons; for a civil case
 * the substantive and the procedural provisions; then the similar judgments with their outcome and
 * the tendency among them. Every article is cited to an exact span of its text: the clause that
 * applies when there is one, else the article's opening.
 */
export function composeCaseAnswer(index: CorpusIndex, advice: JudgeAdvice, judgments = 3): Answer {
  const citations: Citation[] = [];
  const cite = (p: ProvisionView): string => {
    const doc = index.documents.get(p.documentId);
    const art = findArticle(doc, p.article);
    if (!doc || !art) return '';
    // The clause that applies when it is short enough to quote, else the article's opening.
    const span = p.span && p.span.end - p.span.start <= 600 ? trimmed(doc.text, p.span.start, p.span.end) : articleQuote(doc, art);
    const n = citations.length + 1;
    citations.push({ n, documentId: doc.meta.id, title: doc.meta.title, ...(doc.meta.number ? { number: doc.meta.number } : {}), article: art.number, ...(p.clause ? { clause: p.clause } : {}), quote: span.quote, start: span.start, end: span.end, label: p.label });
    return ` [${n}]`;
  };
  const why = (p: ProvisionView) => p.reasons.map((r) => (r.rule && !r.finding.includes(r.rule) ? `${r.finding} (${r.rule})` : r.finding)).join('; ');
  const list = (heading: string, items: ProvisionView[], lines: string[]) => {
    if (items.length === 0) return;
    lines.push('', heading);
    items.forEach((p, i) => lines.push(`${i + 1}. ${p.label}${p.articleTitle ? ` (${p.articleTitle})` : ''}${cite(p)} — ${why(p)}.`));
  };

  const lines: string[] = [`Loại vụ án: ${advice.caseType.type}. ${advice.caseType.reason}`];
  list('Tội danh và khung hình phạt:', advice.offenses, lines);
  list('Các điều khoản Phần chung Bộ luật hình sự áp dụng kèm theo:', advice.general, lines);
  list('Luật nội dung (quyết định việc giải quyết tranh chấp):', advice.substantive, lines);
  list('Thủ tục tố tụng, án phí:', advice.procedural, lines);
  if (advice.alternatives.length > 0) lines.push('', `Tội danh khác cần cân nhắc: ${advice.alternatives.slice(0, 3).map((a) => `${a.label} (${a.articleTitle})`).join('; ')}.`);

  const shown = advice.similar.slice(0, judgments);
  if (shown.length > 0) lines.push('', 'Các bản án tương tự:');
  for (const s of shown) {
    const doc = index.documents.get(s.documentId);
    let ref = '';
    if (s.excerpt && doc && s.excerptStart !== null && s.excerptEnd !== null) {
      const n = citations.length + 1;
      citations.push({ n, documentId: doc.meta.id, title: doc.meta.title, ...(doc.meta.number ? { number: doc.meta.number } : {}), quote: doc.text.slice(s.excerptStart, s.excerptEnd), start: s.excerptStart, end: s.excerptEnd, label: s.label, ...(s.date ? { date: s.date } : {}) });
      ref = ` [${n}]`;
    }
    const about = s.caseName ? ` về ${s.caseName.charAt(0).toLowerCase()}${s.caseName.slice(1)}` : '';
    const outcome = s.outcome ? `; kết quả: ${s.outcome}` : '';
    const shared = s.sharedFacts.length > 0 ? `; tình tiết giống: ${s.sharedFacts.join(', ')}` : '';
    lines.push(`- ${s.label}${about}${outcome}${shared}${s.excerpt ? `: "${s.excerpt.replace(/\[(\d+)\]/g, '($1)')}"` : ''}${ref}`);
  }
  if (advice.tendency) lines.push('', `Xu hướng giải quyết: ${advice.tendency.summary}. ${advice.tendency.caveat}`);
  if (advice.unresolved.length > 0) lines.push('', `Các bản án tương tự còn căn cứ vào văn bản chưa có trong kho dữ liệu: ${advice.unresolved.slice(0, 3).map((u) => u.label).join('; ')}.`);
  for (const note of advice.notes) lines.push('', note);
  lines.push('', CAUTION);
  return { answer: lines.join('\n'), citations, mode: 'extractive', refused: false, warnings: [] };
}

/** [start, end) of `text` without its surrounding whitespace, with the quote. */
function trimmed(text: string, start: number, end: number): { quote: string; start: number; end: number } {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  return { quote: text.slice(s, e), start: s, end: e };
}
