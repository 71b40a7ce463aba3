import type { Chunk } from '../types/chunk.js';
import type { Article } from '../types/legal-document.js';

/** Clause spans of a chunk, relative to the chunk text (features compare a question with each clause). */
export function clauseSpans(doc: { articles: readonly Pick<Article, 'number' | 'clauses'>[] }, chunk: Pick<Chunk, 'article' | 'start' | 'end'>): { start: number; end: number }[] {
  if (!chunk.article) return [];
  const art = doc.articles.find((a) => a.number === chunk.article);
  return (art?.clauses ?? []).filter((c) => c.start >= chunk.start && c.end <= chunk.end).map((c) => ({ start: c.start - chunk.start, end: c.end - chunk.start }));
}
