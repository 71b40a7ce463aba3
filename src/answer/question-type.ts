/** What a question asks for, which decides the sentence an extractive answer leads with. */
export type QuestionFocus = 'quantity' | 'time' | 'who' | 'yesno' | 'general';

/** Classifies a normalised Vietnamese question by its interrogative words. */
export function questionFocus(question: string): QuestionFocus {
  const q = question.toLowerCase();
  if (/bao nhiêu|mấy\s|tối đa|tối thiểu|mức\s|tỷ lệ|bao lâu|thời hạn|thời gian|độ tuổi|bao nhiêu tuổi/u.test(q)) return 'quantity';
  if (/khi nào|bao giờ|thời điểm|ngày nào|lúc nào|từ ngày/u.test(q)) return 'time';
  if (/\bai\b|cơ quan nào|người nào|thẩm quyền|chủ thể nào|tổ chức nào/u.test(q)) return 'who';
  if (/đúng hay sai|hay không|có được|có phải|phải không/u.test(q)) return 'yesno';
  return 'general';
}

const FIGURE = /\d|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|trăm|nghìn|triệu|tỷ/u;
const DATE = /\d{1,2}\/\d{1,2}\/\d{4}|ngày\s+\d|tháng\s+\d|năm\s+\d{4}|kể từ|trước|sau khi/u;
const AGENT = /thẩm quyền|chính phủ|bộ trưởng|ủy ban|uỷ ban|tòa án|toà án|quốc hội|người đứng đầu|cơ quan|chủ tịch|viện kiểm sát/u;

/** How well a sentence carries what the question asks for (0–1). */
export function focusMatch(focus: QuestionFocus, sentence: string): number {
  const s = sentence.toLowerCase();
  switch (focus) {
    case 'quantity':
      return /\d/.test(s) ? 1 : FIGURE.test(s) ? 0.5 : 0;
    case 'time':
      return DATE.test(s) ? 1 : 0;
    case 'who':
      return AGENT.test(s) ? 1 : 0;
    default:
      return 0;
  }
}
