/**
 * Nested cross-validation for parameters chosen from a grid. `scores[p][i]` is the objective of grid
 * point p on item i (the parameters fit nothing else, so a point's score on an item does not depend
 * on which items it was chosen with). For each outer fold, the point with the best mean score over
 * an inner k-fold split of the other folds is chosen, and only then applied to the outer fold's
 * items: no item's score ever took part in choosing the parameters applied to it.
 */
import { seededUniform } from '../../embeddings/sparse-matrix.js';

/** A fold number in [0, k) for each of n items: shuffled with `seed`, sizes differing by at most one. */
export function assignFolds(n: number, k: number, seed: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  const next = seededUniform(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const folds = new Array<number>(n);
  order.forEach((item, pos) => (folds[item] = pos % k));
  return folds;
}

const mean = (xs: number[]) => (xs.length > 0 ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);

/** The grid point with the best mean inner-CV score over `items` (ties: the earlier point). */
export function selectByCv(scores: readonly (readonly number[])[], items: readonly number[], innerK: number, seed: number): number {
  const inner = assignFolds(items.length, Math.min(innerK, items.length), seed);
  let best = 0;
  let bestScore = -Infinity;
  for (let p = 0; p < scores.length; p++) {
    const perFold: number[] = [];
    for (let f = 0; f < Math.min(innerK, items.length); f++) perFold.push(mean(items.filter((_, j) => inner[j] === f).map((i) => scores[p]![i]!)));
    const s = mean(perFold);
    if (s > bestScore + 1e-12) {
      bestScore = s;
      best = p;
    }
  }
  return best;
}

export interface NestedCvResult {
  /** Outer fold of each item. */
  folds: number[];
  /** Grid point chosen for each outer fold. */
  chosenPerFold: number[];
  /** Grid point applied to each item (that of its outer fold). */
  chosenForItem: number[];
}

/** See the module comment. `outerK` folds outside, `innerK` inside each outer training set. */
export function nestedCv(scores: readonly (readonly number[])[], n: number, outerK = 5, innerK = 4, seed = 7): NestedCvResult {
  const k = Math.min(outerK, n);
  const folds = assignFolds(n, k, seed);
  const chosenPerFold: number[] = [];
  for (let f = 0; f < k; f++) {
    const train = folds.map((fold, i) => (fold === f ? -1 : i)).filter((i) => i >= 0);
    chosenPerFold.push(selectByCv(scores, train, innerK, seed + f + 1));
  }
  return { folds, chosenPerFold, chosenForItem: folds.map((f) => chosenPerFold[f]!) };
}
