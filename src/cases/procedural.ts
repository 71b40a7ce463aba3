import type { CorpusIndex } from '../index/corpus-index.js';

/** Procedural codes (`Bộ luật tố tụng dân sự`, `Luật Tố tụng hành chính`): their articles govern how a case is heard, not its merits. */
export function isProceduralDocument(index: CorpusIndex, documentId: string): boolean {
  return /tố\s+tụng/iu.test(index.documents.get(documentId)?.meta.title ?? '');
}
