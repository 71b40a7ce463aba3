import type { WeightedTerms } from './term-weights.js';

/**
 * Σ weight × row of a term → concept table, L2-normalised; `norm` is the length before
 * normalising (the contrastive stage back-propagates through it). Both term-table embedders,
 * the corpus LSA and the semantic model, embed this way.
 */
export function projectTerms(terms: WeightedTerms, table: Float32Array, dim: number): { vector: Float64Array; norm: number } {
  const vector = new Float64Array(dim);
  for (let p = 0; p < terms.ids.length; p++) {
    const base = terms.ids[p]! * dim;
    const w = terms.weights[p]!;
    for (let j = 0; j < dim; j++) vector[j]! += w * table[base + j]!;
  }
  let norm = 0;
  for (const x of vector) norm += x * x;
  norm = Math.sqrt(norm);
  const scale = norm || 1;
  for (let j = 0; j < dim; j++) vector[j]! /= scale;
  return { vector, norm: scale };
}
