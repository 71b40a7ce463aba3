import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { dense, mulDense, mulTransposeDense, orthonormalizeColumns, seededGaussian, type CsrMatrix } from './sparse-matrix.js';

export interface TruncatedSvd {
  /** Right singular vectors, cols(A) × k, row-major: the term → concept projection. */
  v: Float32Array;
  singularValues: Float64Array;
  k: number;
}

/**
 * Rank-k SVD of a sparse matrix by randomized range finding (Halko, Martinsson & Tropp 2011):
 * sketch the column space with a seeded Gaussian test matrix, refine with power iterations, then
 * solve the small l × l problem exactly with ml-matrix. Every large product is sparse × dense or
 * walks contiguous rows: dense products over the vocabulary side are what make a naive version slow.
 */
export function randomizedSvd(a: CsrMatrix, k: number, opts: { oversample?: number; powerIterations?: number; seed?: number } = {}): TruncatedSvd {
  const l = Math.min(k + (opts.oversample ?? 10), a.rows, a.cols);
  const gauss = seededGaussian(opts.seed ?? 42);
  const omega = dense(a.cols, l);
  for (let i = 0; i < omega.data.length; i++) omega.data[i] = gauss();
  let q = mulDense(a, omega);
  for (let it = 0; it < (opts.powerIterations ?? 1); it++) {
    // Rescale columns between iterations to keep magnitudes sane; one full QR at the end suffices for 2 iterations.
    normalizeColumns(q);
    q = mulDense(a, mulTransposeDense(a, q));
  }
  orthonormalizeColumns(q);
  // Gram matrix of B = Qᵀ A: B Bᵀ = Qᵀ (A (Aᵀ Q)).
  const c = mulDense(a, mulTransposeDense(a, q));
  const acc = new Float64Array(l * l);
  for (let r = 0; r < a.rows; r++) {
    const base = r * l;
    for (let i = 0; i < l; i++) {
      const x = q.data[base + i]!;
      if (x === 0) continue;
      const o = i * l;
      for (let j = 0; j < l; j++) acc[o + j]! += x * c.data[base + j]!;
    }
  }
  const gram = new Matrix(l, l);
  for (let i = 0; i < l; i++) for (let j = 0; j < l; j++) gram.set(i, j, (acc[i * l + j]! + acc[j * l + i]!) / 2);
  const eig = new EigenvalueDecomposition(gram, { assumeSymmetric: true });
  const order = eig.realEigenvalues
    .map((v, i) => [v, i] as const)
    .sort((x, y) => y[0] - x[0])
    .slice(0, Math.min(k, l));
  const kk = order.length;
  const vecs = eig.eigenvectorMatrix;
  const singularValues = Float64Array.from(order, ([val]) => Math.sqrt(Math.max(val, 0)));
  // W = Q U S⁻¹ (rows × k); then V = Aᵀ W, a sparse product.
  const ub = new Float64Array(l * kk);
  order.forEach(([, idx], col) => {
    const s = singularValues[col]! || 1;
    for (let j = 0; j < l; j++) ub[j * kk + col] = vecs.get(j, idx) / s;
  });
  const w = dense(a.rows, kk);
  for (let r = 0; r < a.rows; r++) {
    for (let j = 0; j < l; j++) {
      const x = q.data[r * l + j]!;
      if (x === 0) continue;
      for (let col = 0; col < kk; col++) w.data[r * kk + col]! += x * ub[j * kk + col]!;
    }
  }
  const v = Float32Array.from(mulTransposeDense(a, w).data);
  return { v, singularValues, k: kk };
}

function normalizeColumns(m: { rows: number; cols: number; data: Float64Array }): void {
  const norms = new Float64Array(m.cols);
  for (let r = 0; r < m.rows; r++) for (let j = 0; j < m.cols; j++) norms[j]! += m.data[r * m.cols + j]! ** 2;
  for (let j = 0; j < m.cols; j++) norms[j] = Math.sqrt(norms[j]!) || 1;
  for (let r = 0; r < m.rows; r++) for (let j = 0; j < m.cols; j++) m.data[r * m.cols + j]! /= norms[j]!;
}
