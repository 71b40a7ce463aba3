import type { HybridRetriever, SearchHit } from '../retrieval/hybrid-retriever.js';
import { articleKeyOf } from './case-record.js';

/** An article of a law whose passages match the facts. */
export interface LawMatch {
  documentId: string;
  article: string;
  /** 0-based rank of its best passage among the articles found. */
  rank: number;
  hits: SearchHit[];
}

/**
 * Articles of the given documents (the laws and codes courts apply) whose passages match a fact
 * description, best first: the service's hybrid retriever, its passages grouped by article.
 */
export async function matchLawArticles(retriever: HybridRetriever, query: string, documentIds: readonly string[], passages = 60): Promise<Map<string, LawMatch>> {
  const out = new Map<string, LawMatch>();
  if (documentIds.length === 0) return out;
  const result = await retriever.search(query, passages, { documentIds: [...documentIds] });
  for (const h of result.hits) {
    if (!h.chunk.article) continue;
    const key = articleKeyOf(h.chunk.documentId, h.chunk.article);
    const known = out.get(key);
    if (known) known.hits.push(h);
    else out.set(key, { documentId: h.chunk.documentId, article: h.chunk.article.toLowerCase(), rank: out.size, hits: [h] });
  }
  return out;
}
