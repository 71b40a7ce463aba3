import type { Citation } from '../answer/answer-generator.js';
import type { ServedIndex } from '../index/served-index.js';

/** Marks the label of a document ingested without structure or provenance. */
export const UNVERIFIED_MARK = ' (nguồn chưa xác minh)';

/** The numbers of the citations that point at unverified documents (see `DocumentMeta.unverified`). */
export function unverifiedCitations(citations: readonly Citation[], index: Pick<ServedIndex, 'retrieval'>): number[] {
  return citations.filter((c) => index.retrieval.document(c.documentId)?.unverified).map((c) => c.n);
}

/**
 * What an answer that cites unverified documents must add: a closing note in the answer itself
 * (so the reader sees it wherever the text is shown) and a warning.
 */
export function unverifiedNote(numbers: readonly number[]): { note: string; warning: string } | undefined {
  if (numbers.length === 0) return undefined;
  const refs = numbers.map((n) => `[${n}]`).join('');
  return {
    note: `\n\nLưu ý: nguồn ${refs} là văn bản chưa được xác minh (không có số hiệu, cơ quan ban hành hay cấu trúc điều khoản); nội dung đó không phải là căn cứ pháp lý.`,
    warning: `Trích dẫn ${refs} lấy từ văn bản chưa được xác minh nguồn gốc, không phải văn bản pháp luật.`,
  };
}

/**
 * An answer whose citations of unverified documents say so: `(nguồn chưa xác minh)` on their labels
 * and a warning, for outputs that print labels and warnings as text (the OpenAI-compatible route).
 */
export function flagUnverified<T extends { citations: Citation[]; warnings: string[] }>(answer: T, index: Pick<ServedIndex, 'retrieval'>): T {
  const numbers = unverifiedCitations(answer.citations, index);
  const flag = unverifiedNote(numbers);
  if (!flag) return answer;
  return {
    ...answer,
    citations: answer.citations.map((c) => (numbers.includes(c.n) ? { ...c, label: `${c.label}${UNVERIFIED_MARK}` } : c)),
    warnings: [...answer.warnings, flag.warning],
  };
}
