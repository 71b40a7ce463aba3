import { Matrix, solve } from 'ml-matrix';

/** A fitted binary logistic model over standardised features; plain JSON so it ships as a file. */
export interface LogisticModel {
  weights: number[];
  bias: number;
  /** Feature means and standard deviations of the training set. */
  mean: number[];
  std: number[];
}

/** P(y = 1 | x). */
export function predictProbability(m: LogisticModel, x: ArrayLike<number>): number {
  let z = m.bias;
  for (let j = 0; j < m.weights.length; j++) z += m.weights[j]! * ((x[j]! - m.mean[j]!) / m.std[j]!);
  return 1 / (1 + Math.exp(-z));
}

/**
 * L2-regularised logistic regression fitted by Newton's method (IRLS) with ml-matrix's solver.
 * A dozen features and a few hundred questions: exact, deterministic and fast. (mljs'
 * ml-logistic-regression predicts classes only and cannot be saved as weights.)
 */
export function fitLogistic(xs: readonly ArrayLike<number>[], ys: readonly number[], opts: { l2?: number; iterations?: number; sampleWeights?: readonly number[] } = {}): LogisticModel {
  const n = xs.length;
  const d = n > 0 ? xs[0]!.length : 0;
  const l2 = opts.l2 ?? 1;
  const mean = Array.from({ length: d }, (_, j) => xs.reduce((s, x) => s + x[j]!, 0) / Math.max(n, 1));
  const std = Array.from({ length: d }, (_, j) => Math.sqrt(xs.reduce((s, x) => s + (x[j]! - mean[j]!) ** 2, 0) / Math.max(n, 1)) || 1);
  // Standardised design matrix with an intercept column last.
  const X = xs.map((x) => [...Array.from({ length: d }, (_, j) => (x[j]! - mean[j]!) / std[j]!), 1]);
  const sw = opts.sampleWeights ?? ys.map(() => 1);
  let beta = new Array<number>(d + 1).fill(0);
  for (let it = 0; it < (opts.iterations ?? 25); it++) {
    const grad = new Array<number>(d + 1).fill(0);
    const H = Matrix.zeros(d + 1, d + 1);
    for (let i = 0; i < n; i++) {
      const row = X[i]!;
      let z = 0;
      for (let j = 0; j <= d; j++) z += row[j]! * beta[j]!;
      const p = 1 / (1 + Math.exp(-z));
      const w = sw[i]!;
      for (let j = 0; j <= d; j++) {
        grad[j]! += w * (ys[i]! - p) * row[j]!;
        for (let k = 0; k <= d; k++) H.set(j, k, H.get(j, k) + w * p * (1 - p) * row[j]! * row[k]!);
      }
    }
    // The intercept is not penalised.
    for (let j = 0; j < d; j++) {
      grad[j]! -= l2 * beta[j]!;
      H.set(j, j, H.get(j, j) + l2);
    }
    H.set(d, d, H.get(d, d) + 1e-9);
    const step = solve(H, Matrix.columnVector(grad)).to1DArray();
    beta = beta.map((b, j) => b + step[j]!);
    if (Math.max(...step.map(Math.abs)) < 1e-8) break;
  }
  return { weights: beta.slice(0, d), bias: beta[d]!, mean, std };
}
