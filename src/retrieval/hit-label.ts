import { citationLabel } from '../answer/llm-citations.js';
import { formatViDate } from '../answer/llm-prompt.js';
import type { SearchHit } from './hybrid-retriever.js';

/** `Điều 95 Luật Hôn nhân và gia đình`, or a briefing's title and date. */
export function hitLabel(h: SearchHit): string {
  const c = h.chunk;
  if (h.document.kind === 'briefing') return `${h.document.title}${h.document.meetingDate ? ` (ngày ${formatViDate(h.document.meetingDate)})` : ''}`;
  return citationLabel({ title: h.document.title, number: h.document.number, article: c.article, clause: c.clauseEnd ? undefined : c.clause, point: undefined, date: undefined, briefing: false });
}
