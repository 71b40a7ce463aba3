import type { ParsedDocument } from '../types/legal-document.js';
import type { CaseRecord } from './case-record.js';
import { SECTION } from './parse-judgment.js';

/** Sections that describe the dispute and the court's reasoning: what a fact description is compared with. */
export const COMPARED_SECTIONS: ReadonlySet<string> = new Set([SECTION.facts, SECTION.reasoning, SECTION.situation, SECTION.solution, SECTION.summary, SECTION.precedent]);

/** Sections whose passages can serve as the excerpt of a similar case (the court's reasoning). */
export const REASONING_SECTIONS: ReadonlySet<string> = new Set([SECTION.reasoning, SECTION.solution, SECTION.precedent]);

/** The text of a case that fact descriptions are matched against: facts and reasoning. */
export function comparedText(record: CaseRecord, doc: ParsedDocument): string {
  const parts = record.sections.filter((s) => COMPARED_SECTIONS.has(s.heading)).map((s) => doc.text.slice(s.start, s.end));
  return parts.length > 0 ? parts.join('\n') : doc.text;
}

/** True when [start, end) lies in one of the given sections of the case. */
export function inSections(record: CaseRecord, headings: ReadonlySet<string>, start: number, end: number): boolean {
  return record.sections.some((s) => headings.has(s.heading) && start >= s.start && end <= s.end + 1);
}

/** `Bản án số 13/2017/DS-ST ngày 22/9/2017 của Toà án nhân dân thành phố Lào Cai`. */
export function judgmentLabel(record: CaseRecord): string {
  const kind = record.kind === 'precedent' ? 'Án lệ' : 'Bản án';
  const date = record.date ? ` ngày ${record.date.split('-').reverse().map(Number).join('/')}` : '';
  const court = record.court && record.kind === 'judgment' ? ` của ${record.court}` : '';
  return record.number ? `${kind} số ${record.number}${date}${court}` : record.title;
}
