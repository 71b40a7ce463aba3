import type { Answer } from '../../answer/answer-generator.js';

/** Heading of the sources list appended to an answer for clients that show only text. */
export const SOURCES_HEADING = 'Nguồn:';
const NOTE_PREFIX = 'Lưu ý: ';

/**
 * What a plain client shows after the answer text (which already carries `[n]` markers): the
 * warnings, then the numbered sources with their article labels.
 */
export function answerExtras(answer: Pick<Answer, 'citations' | 'warnings'>): string {
  const parts: string[] = [];
  if (answer.warnings.length > 0) parts.push(answer.warnings.map((w) => `${NOTE_PREFIX}${w}`).join('\n'));
  if (answer.citations.length > 0) parts.push([SOURCES_HEADING, ...answer.citations.map((c) => `[${c.n}] ${c.label}`)].join('\n'));
  return parts.length > 0 ? `\n\n${parts.join('\n\n')}` : '';
}

/** The answer text with its warnings and sources list, as one message. */
export function completionText(answer: Pick<Answer, 'answer' | 'citations' | 'warnings'>): string {
  return answer.answer + answerExtras(answer);
}

/**
 * An earlier answer as a client sends it back in the history, without the extras this service
 * appended: the follow-up rewriting and the model prompt need the answer, not its bibliography.
 */
export function stripAnswerExtras(text: string): string {
  const cut = [text.search(new RegExp(`\\n\\n${NOTE_PREFIX}`)), text.search(new RegExp(`\\n\\n${SOURCES_HEADING}\\n\\[\\d+\\]`))].filter((i) => i >= 0);
  return cut.length > 0 ? text.slice(0, Math.min(...cut)) : text;
}
