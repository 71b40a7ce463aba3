import type { CorpusIndex } from '../../index/corpus-index.js';
import type { SearchFilters } from '../../retrieval/search-filters.js';
import { chunkFilter } from './bm25-search.js';
import type { PassageSearch } from './passage-system.js';
import { chunkArticles } from './ranked-hit.js';

/** A deliberately broken retriever: random chunks (seeded), to check that the metrics punish it. */
export function randomSearch(index: CorpusIndex, filters?: SearchFilters, seed = 42): PassageSearch {
  const allow = chunkFilter(index, filters);
  const pool = index.chunks.map((_, i) => i).filter((i) => !allow || allow(i));
  let state = seed >>> 0;
  // mulberry32: tiny, deterministic, good enough for picking chunks.
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return async (_q, k) =>
    Array.from({ length: Math.min(k, pool.length) }, (_, r) => {
      const chunk = index.chunks[pool[Math.floor(next() * pool.length)]!]!;
      return { chunk, document: index.documents.get(chunk.documentId)!.meta, score: 1 / (r + 1), articles: chunkArticles(chunk) };
    });
}
