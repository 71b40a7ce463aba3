import { findLawMentions } from '../retrieval/law-name-resolver.js';
import type { ChatMessage } from './answer-generator.js';

// JavaScript's `\b` only knows ASCII letters, so it never sees the edges of `đó` or `thế`;
// word edges here are "no letter on that side" in Unicode.
const word = (alternatives: string) => `(?<!\\p{L})(?:${alternatives})(?!\\p{L})`;

/** Opens by pointing back at the last turn: `Còn …`, `Thế còn …`, `Vậy thì …` (not `Thế chấp …`). */
const LEADING_LINK = new RegExp(`^${word('còn|thế còn|vậy còn|vậy thì|thế thì|thế là|vậy là|thế,|vậy,')}`, 'iu');
/** Refers to something said before: `trường hợp đó`, `luật này`, `nêu trên`, `như vậy`. */
const ANAPHOR = new RegExp(word('đó|này|nêu trên|kể trên|trên đây|như vậy|như thế(?!\\s+nào)'), 'iu');
/** Ends on a bare `thì sao?`: the predicate is the previous question's (`Nếu là viên chức thì sao?`). */
const BARE_TAIL = /(?<!\p{L})thì\s+(?:sao|thế\s+nào|ra\s+sao)\s*\??\s*$/iu;
/** A condition or subject with no question of its own: `Đối với viên chức?`, `Trường hợp tái phạm`. */
const CONDITION_OPENER = new RegExp(`^${word('nếu|trường hợp|đối với|với')}`, 'iu');
const QUESTION_WORD = new RegExp(word('gì|nào|sao|bao nhiêu|bao lâu|mấy|ai|đâu|không|chưa|có phải'), 'iu');

const FILLER = /^(còn|thế còn|vậy còn|vậy thì|thế thì|thế là|vậy là|thế,|vậy,)\s+|\s*(thì sao|thì thế nào|thì ra sao)\s*\??\s*$/giu;
const MAX_FOLLOW_UP_WORDS = 16;

/**
 * Whether a message leans on the previous question. `Nếu người lao động nghỉ việc không báo trước thì
 * bị xử lý thế nào?` asks its own question and stands alone; `Nếu là viên chức thì sao?` does not.
 */
export function isFollowUp(text: string): boolean {
  const t = text.normalize('NFC').trim();
  if (t.split(/\s+/).length > MAX_FOLLOW_UP_WORDS) return false;
  if (LEADING_LINK.test(t) || ANAPHOR.test(t) || BARE_TAIL.test(t)) return true;
  return CONDITION_OPENER.test(t) && !QUESTION_WORD.test(t);
}

/**
 * Turns a follow-up (`còn đối với viên chức thì sao?`) into a standalone question by carrying the
 * previous question along: retrieval sees both the new subject and the original topic.
 */
export function rewriteFollowUp(messages: ChatMessage[]): { question: string; rewritten: boolean } {
  const users = messages.filter((m) => m.role === 'user');
  const last = users.at(-1)?.content.trim() ?? '';
  const previous = users.at(-2)?.content.trim();
  if (!previous || !isFollowUp(last)) return { question: last, rewritten: false };
  const focus = last.normalize('NFC').replace(FILLER, '').replace(FILLER, '').trim();
  // A follow-up that names another law replaces the law of the previous question, not adds to it.
  let context = previous;
  if (findLawMentions(focus).length > 0) {
    for (const m of findLawMentions(previous).reverse()) context = context.slice(0, m.start).replace(/\s*(theo|của|tại|trong)\s*$/iu, '') + context.slice(m.end);
  }
  return { question: `${focus} — ${context.trim()}`, rewritten: true };
}
