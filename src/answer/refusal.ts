import type { Answer, AnswerMode } from './answer-generator.js';

export const REFUSAL_TEXT = 'Không tìm thấy căn cứ trong cơ sở dữ liệu văn bản hiện có để trả lời câu hỏi này. Vui lòng diễn đạt lại câu hỏi hoặc nêu rõ văn bản, điều khoản cần tra cứu.';

/** The answer given when the corpus holds no basis: it cites nothing. */
export function refusalAnswer(mode: AnswerMode): Answer {
  return { answer: REFUSAL_TEXT, citations: [], mode, refused: true, warnings: [] };
}
