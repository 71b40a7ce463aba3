import type { Chunk } from '../../types/chunk.js';
import type { DocumentMeta } from '../../types/legal-document.js';
import { articleKey, type ArticleRef } from '../eval-question.js';

/** A retrieved passage with the articles it stands for (a naive split may span several). */
export interface RankedHit {
  chunk: Chunk;
  document: DocumentMeta;
  score: number;
  articles: ArticleRef[];
}

/** The articles of a chunk from the index: its own article, or the whole report for a briefing. */
export function chunkArticles(chunk: Chunk): ArticleRef[] {
  if (chunk.article) return [{ documentId: chunk.documentId, article: chunk.article.toLowerCase() }];
  return chunk.kind === 'briefing' ? [{ documentId: chunk.documentId, article: '' }] : [];
}

/**
 * Hits reduced to articles in rank order, first occurrence kept. A hit outside any article (a
 * preamble) still takes a rank, as an item (`(chunk id)`) no gold can match, so every system
 * pays for it alike.
 */
export function rankArticles(hits: readonly RankedHit[], limit = 10): ArticleRef[] {
  const seen = new Set<string>();
  const out: ArticleRef[] = [];
  for (const h of hits) {
    const refs = h.articles.length > 0 ? h.articles : [{ documentId: h.chunk.documentId, article: `(${h.chunk.id})` }];
    for (const a of refs) {
      const key = articleKey(a);
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(a);
      if (out.length >= limit) return out;
    }
  }
  return out;
}
