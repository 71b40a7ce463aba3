import { lexicalTerms } from '../text/tokenize.js';
import { randomizedSvd } from './randomized-svd.js';
import { selectVocabulary } from './select-vocabulary.js';
import type { CsrMatrix } from './sparse-matrix.js';
import { termWeights } from './term-weights.js';

export interface LsaFactorOptions {
  dim: number;
  /** Terms in fewer training texts than this carry no co-occurrence signal. */
  minDf: number;
  /** Terms in more than this share of texts are near stop-words. */
  maxDfRatio: number;
  /** The most frequent terms kept (syllables and syllable bigrams together). */
  maxVocab: number;
  /**
   * Concept weighting: a text's vector is Σ tf-idf · V · S^(p−1), i.e. its coordinates in the
   * concept space scaled by S^p. p = 1 is plain LSA (the top concepts dominate the cosine); smaller
   * p spreads the weight over more concepts (Caron 2001; Levy, Goldberg & Dagan 2015).
   */
  singularPower: number;
  powerIterations: number;
  seed: number;
}

export const DEFAULT_LSA_FACTOR_OPTIONS: LsaFactorOptions = { dim: 512, minDf: 3, maxDfRatio: 0.5, maxVocab: 120_000, singularPower: 1, powerIterations: 2, seed: 42 };

export type LsaPhase = 'count' | 'matrix' | 'svd';

/** TF-IDF vocabulary and truncated-SVD term → concept table: the semantic model's starting point. */
export interface LsaFactors {
  vocab: string[];
  idf: Float32Array;
  /** vocab.length × dim, row-major, singular-value weighting folded in. */
  projection: Float32Array;
  dim: number;
  /** Non-zeros of the training matrix. */
  nnz: number;
  singularValues: number[];
}

/**
 * TF-IDF over syllables and syllable bigrams of every training text, then a seeded randomized SVD
 * (the corpus LSA's recipe at a larger scale). Two passes over the texts keep memory to one document-frequency
 * table and one sparse matrix; the same texts in the same order always give the same model.
 */
export function trainLsaFactors(
  texts: readonly string[],
  options: Partial<LsaFactorOptions> = {},
  onProgress?: (phase: LsaPhase, done: number, total: number) => void,
  /** How many times each text counts (document frequencies, and its row scaled by √weight): repeating it without the cost. */
  weights?: ArrayLike<number>,
): LsaFactors {
  const o = { ...DEFAULT_LSA_FACTOR_OPTIONS, ...options };
  const rows = texts.length;
  const weight = (i: number) => weights?.[i] ?? 1;
  let n = 0;
  const df = new Map<string, number>();
  for (let i = 0; i < rows; i++) {
    const w = weight(i);
    n += w;
    for (const t of new Set(lexicalTerms(texts[i]!))) df.set(t, (df.get(t) ?? 0) + w);
    if (i % 2000 === 0) onProgress?.('count', i, rows);
  }
  onProgress?.('count', rows, rows);
  const vocab = selectVocabulary(df, n, o);
  const index = new Map(vocab.map((t, i) => [t, i]));
  const idf = new Float32Array(vocab.length);
  vocab.forEach((t, i) => (idf[i] = Math.log((n + 1) / (df.get(t)! + 1)) + 1));
  df.clear();

  const rowPtr = new Uint32Array(rows + 1);
  let colIdx = new Uint32Array(Math.max(1024, rows * 64));
  let values = new Float32Array(colIdx.length);
  let nnz = 0;
  for (let i = 0; i < rows; i++) {
    const tw = termWeights(lexicalTerms(texts[i]!), index, idf);
    const { ids } = tw;
    const scale = Math.sqrt(weight(i));
    if (nnz + ids.length > colIdx.length) {
      const grow = Math.max(colIdx.length * 2, nnz + ids.length);
      const c = new Uint32Array(grow);
      c.set(colIdx.subarray(0, nnz));
      const v = new Float32Array(grow);
      v.set(values.subarray(0, nnz));
      colIdx = c;
      values = v;
    }
    // Sorted columns make the sparse products walk memory in order.
    const order = ids.map((_, k) => k).sort((a, b) => ids[a]! - ids[b]!);
    for (const k of order) {
      colIdx[nnz] = ids[k]!;
      values[nnz] = tw.weights[k]! * scale;
      nnz++;
    }
    rowPtr[i + 1] = nnz;
    if (i % 2000 === 0) onProgress?.('matrix', i, rows);
  }
  onProgress?.('matrix', rows, rows);
  const matrix: CsrMatrix = { rows, cols: vocab.length, rowPtr, colIdx: colIdx.subarray(0, nnz), values: values.subarray(0, nnz) };

  onProgress?.('svd', 0, 1);
  const svd = randomizedSvd(matrix, Math.min(o.dim, rows - 1, vocab.length), { seed: o.seed, powerIterations: o.powerIterations });
  onProgress?.('svd', 1, 1);
  const k = svd.k;
  const projection = svd.v;
  for (let j = 0; j < k; j++) {
    const scale = svd.singularValues[j]! > 0 ? svd.singularValues[j]! ** (o.singularPower - 1) : 0;
    for (let t = 0; t < vocab.length; t++) projection[t * k + j]! *= scale;
  }
  return { vocab, idf, projection, dim: k, nnz, singularValues: Array.from(svd.singularValues) };
}
