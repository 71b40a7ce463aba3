/**
 * The one list of Vietnamese function words and question words, imported by everyone who needs
 * to tell what a question is about from how it is phrased (retrieval coverage, extractive sentence
 * choice, answer scoring, accent restoration).
 */

/** Function words: carry grammar, not content (`của`, `và`, `được`). */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  'và của các là có được cho theo trong với thì không này những một để khi đã từ đến hoặc tại về do bị phải mà như nếu'.split(' '),
);

/**
 * Words that phrase a question rather than say what it is about (`bao nhiêu`, `gì`, `sao`), the
 * function words, and the pronouns and particles of everyday questions (`em`, `tôi`, `ạ`, `nhé`).
 */
export const QUESTION_WORDS: ReadonlySet<string> = new Set([
  ...'bao nhiêu nào gì hay đúng sai không là có được những thế sao ai khi đâu hiện nay hôm mấy lâu giờ phải của và các cho theo trong với thì này đó như'.split(' '),
  // Everyday phrasing: particles and the speaker's pronouns (not `anh chị`, `ông bà`, `con`: heirs and children are content).
  ...'vậy nhỉ nhé ạ à ơi hả chứ chăng tôi em mình tớ hỏi xin giúp'.split(' '),
]);

/**
 * Hedges before a figure asked for (`được khoảng bao nhiêu`, `tầm mấy tỷ`): the reported figure is
 * written `ước đạt`, `đạt`, so a sentence need not repeat them to answer.
 */
export const APPROXIMATION_WORDS: ReadonlySet<string> = new Set(['khoảng', 'tầm', 'cỡ', 'chừng', 'xấp', 'xỉ']);

/** Words an extractive answer ignores when matching a sentence to the question. */
export const SENTENCE_NOISE_WORDS: ReadonlySet<string> = new Set([...FUNCTION_WORDS, ...QUESTION_WORDS, 'người']);

/**
 * How people phrase questions, which statutes rarely contain (`bao nhiêu`, `bao lâu`, `khi nào`):
 * the accent restorer counts them alongside the corpus so `bao nhieu` is not restored as `bảo nhiều`.
 */
export const QUESTION_PHRASES: readonly string[] = [
  'bao nhiêu', 'bao lâu', 'bao giờ', 'khi nào', 'lúc nào', 'ở đâu', 'là gì', 'là ai', 'ai có', 'thế nào', 'như thế nào',
  'ra sao', 'có phải', 'có được không', 'có bị', 'hay không', 'đúng hay sai', 'được không', 'tại sao', 'vì sao',
  'mấy năm', 'mấy tháng', 'bao nhiêu năm', 'bao nhiêu tháng', 'bao nhiêu ngày', 'bao nhiêu tuổi', 'tối đa là bao nhiêu', 'tối thiểu là bao nhiêu', 'trong thời hạn bao lâu', 'đạt bao nhiêu',
  'thì sao', 'còn đối với', 'những ai', 'những gì', 'cơ quan nào', 'trường hợp nào',
  'thì làm gì', 'phải làm gì', 'làm sao', 'làm thế nào', 'có sao không', 'có bị phạt không', 'có bị đi tù không', 'có được không ạ',
  'em muốn hỏi', 'cho em hỏi', 'cho tôi hỏi', 'xin hỏi', 'tôi muốn hỏi', 'mình muốn hỏi', 'nhờ luật sư', 'tư vấn giúp',
];

/** True for a word that says what a question is about: not a question word and not a figure. */
export function isContentWord(word: string): boolean {
  return !QUESTION_WORDS.has(word) && !/\d/.test(word);
}
