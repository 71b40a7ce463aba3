/** Article-level ranking metrics of one question. */
export interface RankingScores {
  'recall@1': number;
  'recall@5': number;
  'recall@10': number;
  'mrr@10': number;
  'ndcg@10': number;
  /** 1-based rank of the first gold article in the list, or null when none is returned. */
  firstGoldRank: number | null;
}

/**
 * Scores a ranked, de-duplicated list of article keys against the gold keys. Recall@k divides by
 * min(|gold|, k), so a perfect ranking scores 1 and, for single-gold questions, recall@k is the
 * usual hit@k; nDCG uses binary gains.
 */
export function rankingScores(ranked: readonly string[], gold: ReadonlySet<string>): RankingScores {
  const recall = (k: number) => {
    if (gold.size === 0) return 0;
    const hits = ranked.slice(0, k).filter((key) => gold.has(key)).length;
    return hits / Math.min(gold.size, k);
  };
  const first = ranked.findIndex((key) => gold.has(key));
  let dcg = 0;
  ranked.slice(0, 10).forEach((key, i) => {
    if (gold.has(key)) dcg += 1 / Math.log2(i + 2);
  });
  let ideal = 0;
  for (let i = 0; i < Math.min(gold.size, 10); i++) ideal += 1 / Math.log2(i + 2);
  return {
    'recall@1': recall(1),
    'recall@5': recall(5),
    'recall@10': recall(10),
    'mrr@10': first >= 0 && first < 10 ? 1 / (first + 1) : 0,
    'ndcg@10': ideal > 0 ? dcg / ideal : 0,
    firstGoldRank: first >= 0 ? first + 1 : null,
  };
}
