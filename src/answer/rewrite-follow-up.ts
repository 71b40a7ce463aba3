import { findLawMentions } from '../retrieval/law-name-resolver.js';
import type { ChatMessage } from './answer-generator.js';

const FOLLOW_UP = /^(còn|thế còn|vậy còn|vậy|thế|nếu|trường hợp|đối với|với)\b|thì sao\??$|thế nào\??$|ra sao\??$|\b(đó|này|trên|như vậy)\b/iu;
const FILLER = /^(còn|thế còn|vậy còn|vậy thì|vậy|thế)\s+|\s*(thì sao|thì thế nào|thế nào|ra sao)\s*\??\s*$/giu;

/**
 * Turns a follow-up (`còn đối với viên chức thì sao?`) into a standalone question by carrying the
 * previous question along: retrieval sees both the new subject and the original topic.
 */
export function rewriteFollowUp(messages: ChatMessage[]): { question: string; rewritten: boolean } {
  const users = messages.filter((m) => m.role === 'user');
  const last = users.at(-1)?.content.trim() ?? '';
  const previous = users.at(-2)?.content.trim();
  if (!previous || !FOLLOW_UP.test(last) || last.split(/\s+/).length > 16) return { question: last, rewritten: false };
  const focus = last.replace(FILLER, '').replace(FILLER, '').trim();
  // A follow-up that names another law replaces the law of the previous question, not adds to it.
  let context = previous;
  if (findLawMentions(focus).length > 0) {
    for (const m of findLawMentions(previous).reverse()) context = context.slice(0, m.start).replace(/\s*(theo|của|tại|trong)\s*$/iu, '') + context.slice(m.end);
  }
  return { question: `${focus} — ${context.trim()}`, rewritten: true };
}
