import { FEATURE_NAMES, type FeatureName, type RerankerWeights } from './rerank-features.js';

/** One training question: its candidates' features and which candidates are relevant. */
export interface TrainingQuery {
  features: Float64Array[];
  /** Article key of each candidate (`docId#article`); candidates of one article count once. */
  keys: string[];
  relevant: Set<string>;
  /** Weight in the objective (default 1): sources of different sizes are weighed equally. */
  weight?: number;
}

/** The first relevant article's rank (1-based) under weights `w`, or 0 when it is not in the top 10. */
export function firstRelevantRank(q: TrainingQuery, wv: readonly number[]): number {
  const scored = q.features.map((f, i) => {
    let s = 0;
    for (let j = 0; j < wv.length; j++) s += f[j]! * wv[j]!;
    return { s, key: q.keys[i]! };
  });
  scored.sort((a, b) => b.s - a.s);
  const seen = new Set<string>();
  for (const c of scored) {
    if (seen.has(c.key)) continue;
    seen.add(c.key);
    if (seen.size > 10) break;
    if (q.relevant.has(c.key)) return seen.size;
  }
  return 0;
}

/** Weighted mean reciprocal rank at 10 over articles, with candidates scored by `w`. */
export function mrrAt10(queries: TrainingQuery[], w: Record<FeatureName, number>): number {
  const wv = FEATURE_NAMES.map((n) => w[n]);
  let total = 0;
  let norm = 0;
  for (const q of queries) {
    const weight = q.weight ?? 1;
    norm += weight;
    const rank = firstRelevantRank(q, wv);
    if (rank > 0) total += weight / rank;
  }
  return norm > 0 ? total / norm : 0;
}

/**
 * Coordinate ascent on MRR@10 (Metzler & Croft's approach for linear rankers): one weight at a time
 * over a grid of candidate values, a few rounds. Few weights and a smooth objective keep it from
 * memorising questions; callers cross-validate it.
 */
export function trainWeights(queries: TrainingQuery[], start: Record<FeatureName, number>, rounds = 3, fixed: FeatureName[] = []): Record<FeatureName, number> {
  const w = { ...start };
  let best = mrrAt10(queries, w);
  const grid = [-3, -1.5, -0.75, -0.4, -0.2, -0.1, 0, 0.1, 0.2, 0.4, 0.75, 1.5, 3, 6];
  for (let r = 0; r < rounds; r++) {
    let improved = false;
    for (const name of FEATURE_NAMES) {
      if (name === 'bm25' || fixed.includes(name)) continue; // bm25 fixes the scale
      const original = w[name];
      let bestValue = original;
      for (const v of grid.map((g) => (r === 0 ? g : original + g / (2 * r)))) {
        w[name] = v;
        const m = mrrAt10(queries, w);
        if (m > best + 1e-9) {
          best = m;
          bestValue = v;
          improved = true;
        }
      }
      w[name] = bestValue;
    }
    if (!improved) break;
  }
  return w;
}

export type { RerankerWeights };

