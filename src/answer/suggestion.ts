import type { SearchHit } from '../retrieval/hybrid-retriever.js';
import type { Answer, AnswerMode } from './answer-generator.js';
import { formatViDate } from './llm-prompt.js';

/** A provision offered when the assistant is not sure which one the question means. */
export interface Suggestion {
  documentId: string;
  article: string;
  /** The article's title (`Kỳ hạn trả lương`). */
  title: string;
  /** `Điều 97 Bộ luật Lao động 2019`. */
  label: string;
}

/** The likeliest distinct articles (or dated briefings, as a whole) among the hits, best first. */
export function suggestionsFrom(hits: readonly SearchHit[], n = 3): Suggestion[] {
  const out: Suggestion[] = [];
  const seen = new Set<string>();
  for (const h of hits) {
    const article = h.chunk.article;
    const briefing = !article && h.document.kind === 'briefing';
    if (!article && !briefing) continue;
    const key = `${h.chunk.documentId}#${article ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (article) out.push({ documentId: h.chunk.documentId, article, title: h.chunk.articleTitle ?? '', label: `Điều ${article} ${h.document.title}` });
    else {
      const date = h.document.meetingDate ?? h.chunk.date;
      out.push({ documentId: h.chunk.documentId, article: '', title: h.document.title, label: `Báo cáo giao ban${date ? ` ngày ${formatViDate(date)}` : ''}` });
    }
    if (out.length >= n) break;
  }
  return out;
}

/**
 * The "gợi ý" answer: the assistant is not sure enough to quote one provision as the answer, so it
 * lists the likeliest ones and asks which is meant. It cites nothing, since it asserts nothing.
 */
export function suggestionAnswer(mode: AnswerMode, suggestions: readonly Suggestion[]): Answer {
  const lines = suggestions.map((s, i) => `${i + 1}. ${s.label}${s.title ? ` — ${s.title}` : ''}`);
  const answer = ['Chưa đủ căn cứ để trả lời chắc chắn. Câu hỏi có thể liên quan đến một trong các quy định sau:', ...lines, 'Bạn muốn hỏi về quy định nào? Hãy chọn một quy định hoặc nói rõ hơn tình huống của bạn.'].join('\n');
  return { answer, citations: [], mode, refused: false, warnings: [] };
}
