import type { CorpusIndex } from '../../index/corpus-index.js';
import { compileFilters, type SearchFilters } from '../../retrieval/search-filters.js';
import { normalizeQuery } from '../../text/normalize.js';
import type { PassageSearch } from './passage-system.js';
import { chunkArticles } from './ranked-hit.js';

/** Chunk positions a search may return under the filters, or undefined when all may. */
export function chunkFilter(index: CorpusIndex, filters?: SearchFilters): ((i: number) => boolean) | undefined {
  const f = compileFilters(filters);
  if (!f) return undefined;
  return (i) => {
    const c = index.chunks[i];
    const d = c ? index.documents.get(c.documentId) : undefined;
    return d !== undefined && f(d.meta);
  };
}

/** The lexical index alone: BM25 over syllables and bigrams, no reranking, no reference resolution. */
export function bm25Search(index: CorpusIndex, filters?: SearchFilters): PassageSearch {
  const allow = chunkFilter(index, filters);
  return async (q, k) =>
    index.lexical.search(normalizeQuery(q.text), k, allow).map((h) => {
      const chunk = index.chunks[h.doc]!;
      return { chunk, document: index.documents.get(chunk.documentId)!.meta, score: h.score, articles: chunkArticles(chunk) };
    });
}
