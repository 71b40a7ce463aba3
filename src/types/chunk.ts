import type { SourceKind } from './legal-document.js';

/** A retrievable unit of text with full provenance. */
export interface Chunk {
  /** `${documentId}#d37`, `${documentId}#d37k2`, `${documentId}#s4` — stable across runs for the same text. */
  id: string;
  documentId: string;
  kind: SourceKind;
  /** Title of the document (`Luật Viên chức`). */
  title: string;
  number?: string;
  /** Article number, when the chunk belongs to an article. */
  article?: string;
  articleTitle?: string;
  /** First and last clause numbers when the chunk is a clause group of a long article. */
  clause?: string;
  clauseEnd?: string;
  /** Human-readable legal path: `Bộ luật hình sự 2015 › Chương XIV › Điều 123 › Khoản 2`. */
  path: string[];
  /** Offsets of `text` in the document's normalised text. */
  start: number;
  end: number;
  text: string;
  /** Prefix used when embedding and lexical indexing: document title and article heading. */
  heading: string;
  /** ISO date the content refers to (briefings: meeting date). */
  date?: string;
}
