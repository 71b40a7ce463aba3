import type { CorpusIndex } from '../../index/corpus-index.js';
import type { SearchFilters } from '../../retrieval/search-filters.js';
import { normalizeQuery } from '../../text/normalize.js';
import { chunkFilter } from './bm25-search.js';
import type { PassageSearch } from './passage-system.js';
import type { RankedHit } from './ranked-hit.js';
import { chunkArticles } from './ranked-hit.js';

/** The vector index alone: the query's embedding against the chunks' (hnswlib, cosine). */
export function denseSearch(index: CorpusIndex, filters?: SearchFilters): PassageSearch {
  const allow = chunkFilter(index, filters);
  const allowLabel = allow ? (label: number) => allow(index.chunkByLabel.get(label) ?? -1) : undefined;
  return async (q, k) => {
    const vec = await index.embedder.embedQuery(normalizeQuery(q.text));
    const out: RankedHit[] = [];
    for (const h of index.vectors.search(vec, k, allowLabel)) {
      const pos = index.chunkByLabel.get(h.label);
      const chunk = pos === undefined ? undefined : index.chunks[pos];
      if (!chunk) continue;
      out.push({ chunk, document: index.documents.get(chunk.documentId)!.meta, score: h.score, articles: chunkArticles(chunk) });
    }
    return out;
  };
}
