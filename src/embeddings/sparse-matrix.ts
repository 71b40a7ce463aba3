/** Compressed sparse rows: enough linear algebra for a truncated SVD of a TF-IDF matrix. */
export interface CsrMatrix {
  rows: number;
  cols: number;
  rowPtr: Uint32Array;
  colIdx: Uint32Array;
  values: Float32Array;
}

/** Row-major dense matrix. */
export interface Dense {
  rows: number;
  cols: number;
  data: Float64Array;
}

export function dense(rows: number, cols: number): Dense {
  return { rows, cols, data: new Float64Array(rows * cols) };
}

/** A · M where M is dense (cols(A) × l). */
export function mulDense(a: CsrMatrix, m: Dense): Dense {
  const l = m.cols;
  const out = dense(a.rows, l);
  for (let r = 0; r < a.rows; r++) {
    const o = r * l;
    for (let p = a.rowPtr[r]!; p < a.rowPtr[r + 1]!; p++) {
      const v = a.values[p]!;
      const base = a.colIdx[p]! * l;
      for (let j = 0; j < l; j++) out.data[o + j]! += v * m.data[base + j]!;
    }
  }
  return out;
}

/** Aᵀ · Y where Y is dense (rows(A) × l). */
export function mulTransposeDense(a: CsrMatrix, y: Dense): Dense {
  const l = y.cols;
  const out = dense(a.cols, l);
  for (let r = 0; r < a.rows; r++) {
    const yb = r * l;
    for (let p = a.rowPtr[r]!; p < a.rowPtr[r + 1]!; p++) {
      const v = a.values[p]!;
      const ob = a.colIdx[p]! * l;
      for (let j = 0; j < l; j++) out.data[ob + j]! += v * y.data[yb + j]!;
    }
  }
  return out;
}

/** Orthonormalises the columns in place (modified Gram–Schmidt, run twice for stability). */
export function orthonormalizeColumns(m: Dense): void {
  const { rows, cols, data } = m;
  // Work column-major so every inner loop walks contiguous memory.
  const c = Array.from({ length: cols }, (_, j) => {
    const col = new Float64Array(rows);
    for (let r = 0; r < rows; r++) col[r] = data[r * cols + j]!;
    return col;
  });
  for (let pass = 0; pass < 2; pass++) {
    for (let j = 0; j < cols; j++) {
      const cj = c[j]!;
      for (let i = 0; i < j; i++) {
        const ci = c[i]!;
        let dot = 0;
        for (let r = 0; r < rows; r++) dot += ci[r]! * cj[r]!;
        for (let r = 0; r < rows; r++) cj[r]! -= dot * ci[r]!;
      }
      let norm = 0;
      for (let r = 0; r < rows; r++) norm += cj[r]! * cj[r]!;
      norm = Math.sqrt(norm) || 1;
      for (let r = 0; r < rows; r++) cj[r]! /= norm;
    }
  }
  for (let j = 0; j < cols; j++) {
    const cj = c[j]!;
    for (let r = 0; r < rows; r++) data[r * cols + j] = cj[r]!;
  }
}

/** Deterministic uniform numbers in [0, 1) (mulberry32): tiny and reproducible across runs. */
export function seededUniform(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Deterministic standard normal numbers (mulberry32 + Box–Muller), so a corpus always trains the same model. */
export function seededGaussian(seed: number): () => number {
  const uniform = seededUniform(seed);
  return () => {
    const u = Math.max(uniform(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * uniform());
  };
}
