import type { ServedIndex } from '../index/served-index.js';
import { HybridRetriever } from './hybrid-retriever.js';
import type { LawCatalog } from './law-catalog.js';
import { lawMentionFinder, missingLawFinder } from './law-mention-finder.js';
import type { QueryExpander } from './query-expansion.js';
import type { RerankerWeights } from './rerank-features.js';

/** What a retriever is built from besides the index: learned weights and curated language data. */
export interface RetrievalResources {
  weights: RerankerWeights;
  /** Laws the corpus lacks (`corpus/catalog/`). */
  catalog?: LawCatalog;
  /** The thesaurus over an index (curated relations plus the definitions mined from that index). */
  expanderFor?: (index: ServedIndex) => QueryExpander;
}

/** A retriever wired as the server wires it: law names, missing laws, thesaurus, learned weights. */
export function createRetriever(index: ServedIndex, r: RetrievalResources): HybridRetriever {
  return new HybridRetriever({
    index: index.retrieval,
    weights: r.weights,
    findLaws: lawMentionFinder(index, r.catalog),
    ...(r.catalog ? { findMissingLaws: missingLawFinder(index, r.catalog) } : {}),
    ...(r.expanderFor ? { expand: r.expanderFor(index) } : {}),
  });
}
