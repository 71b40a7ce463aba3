import { seededUniform } from '../../embeddings/sparse-matrix.js';
import type { CorpusIndex } from '../../index/corpus-index.js';
import type { SearchFilters } from '../../retrieval/search-filters.js';
import { chunkFilter } from './bm25-search.js';
import type { PassageSearch } from './passage-system.js';
import { chunkArticles } from './ranked-hit.js';

/** A deliberately broken retriever: random chunks (seeded), to check that the metrics punish it. */
export function randomSearch(index: CorpusIndex, filters?: SearchFilters, seed = 42): PassageSearch {
  const allow = chunkFilter(index, filters);
  const pool = index.chunks.map((_, i) => i).filter((i) => !allow || allow(i));
  const next = seededUniform(seed);
  return async (_q, k) =>
    Array.from({ length: Math.min(k, pool.length) }, (_, r) => {
      const chunk = index.chunks[pool[Math.floor(next() * pool.length)]!]!;
      return { chunk, document: index.documents.get(chunk.documentId)!.meta, score: 1 / (r + 1), articles: chunkArticles(chunk) };
    });
}
