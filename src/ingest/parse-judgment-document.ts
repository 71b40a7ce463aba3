import type { ParsedDocument, SourceKind } from '../types/legal-document.js';

export interface JudgmentInput {
  id: string;
  relPath: string;
  text: string;
  contentHash: string;
  kind: SourceKind;
}

/** Parses a judgment or precedent into a document; sections are the judgment's own parts. */
export function parseJudgmentDocument(input: JudgmentInput): ParsedDocument {
  const { text } = input;
  const number = text.match(/Bản án số\s*:?\s*([\dA-Za-zĐđ/.-]+)/u)?.[1];
  const caseName = text.match(/case_name:\s*([^\n]+)/u)?.[1]?.trim();
  const title = `Bản án${number ? ` số ${number}` : ''}${caseName ? ` — ${caseName}` : ''}`;
  return {
    meta: { id: input.id, sourcePath: input.relPath, kind: input.kind, docType: input.kind === 'precedent' ? 'Án lệ' : 'Bản án', title, ...(number ? { number } : {}), status: 'unknown', contentHash: input.contentHash },
    text,
    articles: [],
    sections: [],
  };
}
