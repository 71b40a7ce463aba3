import type { MissingLaw } from '../retrieval/law-catalog.js';
import type { Answer, AnswerMode } from './answer-generator.js';

export const REFUSAL_TEXT = 'Không tìm thấy căn cứ trong cơ sở dữ liệu văn bản hiện có để trả lời câu hỏi này. Vui lòng diễn đạt lại câu hỏi hoặc nêu rõ văn bản, điều khoản cần tra cứu.';

/**
 * The answer given when the corpus holds no basis: it cites nothing. When the question names (or
 * is about) a law the corpus lacks, it says so and names the law that would hold the answer.
 */
export function refusalAnswer(mode: AnswerMode, missing: readonly MissingLaw[] = []): Answer {
  return { answer: refusalText(missing), citations: [], mode, refused: true, warnings: [] };
}

function refusalText(missing: readonly MissingLaw[]): string {
  const named = [...new Set(missing.filter((m) => m.how === 'named').map((m) => m.name))];
  if (named.length > 0) return `Cơ sở dữ liệu chưa có ${named.join(', ')}, nên chưa thể trả lời câu hỏi này dựa trên văn bản đó. ${REFUSAL_TEXT}`;
  const topics = [...new Set(missing.filter((m) => m.how === 'topic' && !m.covered).map((m) => m.name))];
  if (topics.length > 0) return `${REFUSAL_TEXT} Nội dung này có thể thuộc phạm vi ${topics.slice(0, 2).join(' hoặc ')}, văn bản mà cơ sở dữ liệu chưa có.`;
  return REFUSAL_TEXT;
}
