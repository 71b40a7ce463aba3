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

/** A query's candidates packed for fast scoring: one flat feature array, article ids, relevance flags. */
interface Packed {
  flat: Float64Array;
  key: Int32Array;
  relevant: Uint8Array;
  keys: number;
  seen: Uint8Array;
}

const packed = new WeakMap<TrainingQuery, Packed>();

function pack(q: TrainingQuery): Packed {
  let p = packed.get(q);
  if (p) return p;
  const d = FEATURE_NAMES.length;
  const flat = new Float64Array(q.features.length * d);
  q.features.forEach((f, i) => flat.set(f.subarray(0, d), i * d));
  const ids = new Map<string, number>();
  const key = Int32Array.from(q.keys, (k) => (ids.has(k) ? ids.get(k)! : (ids.set(k, ids.size), ids.size - 1)));
  const relevant = Uint8Array.from(q.keys, (k) => (q.relevant.has(k) ? 1 : 0));
  p = { flat, key, relevant, keys: ids.size, seen: new Uint8Array(ids.size) };
  packed.set(q, p);
  return p;
}

/**
 * The first relevant article's rank (1-based) under weights `wv`, or 0 when it is not in the top
 * 10: one pass over the candidates (the articles scoring above the best relevant chunk), no sort.
 */
export function firstRelevantRank(q: TrainingQuery, wv: readonly number[]): number {
  const p = pack(q);
  const d = wv.length;
  const n = p.key.length;
  const scores = new Float64Array(n);
  let best = -Infinity;
  for (let i = 0; i < n; i++) {
    let s = 0;
    const o = i * d;
    for (let j = 0; j < d; j++) s += p.flat[o + j]! * wv[j]!;
    scores[i] = s;
    if (p.relevant[i] && s > best) best = s;
  }
  if (best === -Infinity) return 0;
  p.seen.fill(0);
  let above = 0;
  for (let i = 0; i < n; i++) {
    if (p.relevant[i] || scores[i]! <= best || p.seen[p.key[i]!]) continue;
    p.seen[p.key[i]!] = 1;
    if (++above >= 10) return 0;
  }
  return above + 1;
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

