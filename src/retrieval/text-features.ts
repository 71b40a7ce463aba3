import { has, hashTerm, type TermHashes } from './chunk-terms.js';

/** Query terms as hashes with IDF weights, split by n-gram order. */
export interface WeightedQuery {
  unigrams: Map<number, number>;
  bigrams: Map<number, number>;
  trigrams: Set<number>;
  /** Unweighted syllables and pairs of the query, for title containment. */
  terms: Set<number>;
  /** Word pairs that carry the question's content (no question words, no figures), unknown ones included. */
  contentPairs: Map<number, number>;
}

export interface TextFeatures {
  unigram: number;
  bigram: number;
  trigram: number;
  bestSpan: number;
}

/** Builds a hashed query from `term → idf` weights and the query's own n-grams. */
export function weightedQuery(weights: Map<string, number>, own: TermHashes, contentPairs: Map<string, number> = new Map()): WeightedQuery {
  const q: WeightedQuery = { unigrams: new Map(), bigrams: new Map(), trigrams: new Set(own.tri), terms: new Set([...own.uni, ...own.bi]), contentPairs: new Map() };
  for (const [t, w] of weights) (t.includes('_') ? q.bigrams : q.unigrams).set(hashTerm(t), w);
  for (const [t, w] of contentPairs) q.contentPairs.set(hashTerm(t), w);
  return q;
}

/** IDF-weighted share of the question's content word pairs found in a text's pairs or its title's (1 when it has none). */
export function contentPairCoverage(q: WeightedQuery, t: TermHashes, title?: TermHashes): number {
  let hit = 0;
  let total = 0;
  for (const [h, w] of q.contentPairs) {
    total += w;
    if (has(t.bi, h) || (title !== undefined && has(title.bi, h))) hit += w;
  }
  return total > 0 ? hit / total : 1;
}

function share(m: Map<number, number>, present: Uint32Array): number {
  let hit = 0;
  let total = 0;
  for (const [t, w] of m) {
    total += w;
    if (has(present, t)) hit += w;
  }
  return total > 0 ? hit / total : 0;
}

/**
 * Lexical evidence of one text for a query: IDF-weighted coverage of the query's syllables and
 * syllable pairs, the share of its syllable triples (phrase proximity), and the best pair coverage
 * within a single clause, since a question usually rests on one clause.
 */
export function textFeatures(q: WeightedQuery, t: TermHashes): TextFeatures {
  let tri = 0;
  for (const h of q.trigrams) if (has(t.tri, h)) tri++;
  const bestSpan = t.spanBi.length > 0 ? Math.max(...t.spanBi.map((s) => share(q.bigrams, s))) : share(q.bigrams, t.bi);
  return { unigram: share(q.unigrams, t.uni), bigram: share(q.bigrams, t.bi), trigram: q.trigrams.size > 0 ? tri / q.trigrams.size : 0, bestSpan };
}

/** Share of a title's syllables and pairs that the query contains: a question restating an article's title. */
export function titleContained(title: TermHashes, q: Pick<WeightedQuery, 'terms'>): number {
  const total = title.uni.length + title.bi.length;
  if (total === 0) return 0;
  let hit = 0;
  for (const h of title.uni) if (q.terms.has(h)) hit++;
  for (const h of title.bi) if (q.terms.has(h)) hit++;
  return hit / total;
}
