import { parseJudgment } from '../cases/parse-judgment.js';
import type { DocumentMeta, ParsedDocument, Section, SourceKind } from '../types/legal-document.js';

export interface JudgmentInput {
  id: string;
  relPath: string;
  text: string;
  contentHash: string;
  kind: SourceKind;
}

/** Heading of the text before the first section: court, number, date, panel and parties. */
export const JUDGMENT_HEADER_HEADING = 'Phần mở đầu';

/**
 * Parses a judgment or precedent into a document: the court is the issuer, the judgment date the
 * issue date, and the sections (`NỘI DUNG VỤ ÁN`, `NHẬN ĐỊNH CỦA TOÀ ÁN`, `QUYẾT ĐỊNH`, or a
 * precedent's parts) drive chunking, so that each chunk stays inside one part of the judgment.
 */
export function parseJudgmentDocument(input: JudgmentInput): ParsedDocument {
  const { text } = input;
  const parsed = parseJudgment(text);
  // A precedent found in the judgments folder is still a precedent; the folder only guesses.
  const kind: SourceKind = parsed.kind === 'precedent' ? 'precedent' : input.kind === 'precedent' ? 'precedent' : 'judgment';
  const about = parsed.number && parsed.caseName && parsed.kind === 'judgment' ? ` về ${lowerFirst(parsed.caseName)}` : '';
  const meta: DocumentMeta = {
    id: input.id,
    sourcePath: input.relPath,
    kind,
    docType: kind === 'precedent' ? 'Án lệ' : 'Bản án',
    title: `${parsed.title}${about}`,
    ...(parsed.number ? { number: parsed.number } : {}),
    ...(parsed.court ? { issuer: parsed.court } : {}),
    ...(parsed.date ? { issuedDate: parsed.date } : {}),
    ...(parsed.caseType ? { field: parsed.caseType } : {}),
    status: 'unknown',
    contentHash: input.contentHash,
  };
  return { meta, text, articles: [], sections: withHeader(parsed.sections, text) };
}

/** Adds the opening part (header, parties) as its own section so that it is chunked too. */
function withHeader(sections: Section[], text: string): Section[] {
  const first = sections[0];
  if (!first) return [];
  const lead = text.slice(0, first.start).trim();
  return lead ? [{ heading: JUDGMENT_HEADER_HEADING, start: 0, end: first.start }, ...sections] : sections;
}

function lowerFirst(s: string): string {
  // Keep an initial acronym (`UBND`, `GCNQSDĐ`) as written.
  return /^\p{Lu}{2}/u.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1);
}
