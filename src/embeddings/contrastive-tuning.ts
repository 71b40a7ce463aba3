import { BREAK_RE, lexicalTerms } from '../text/tokenize.js';
import { projectTerms } from './project-terms.js';
import { seededUniform } from './sparse-matrix.js';
import { weighIds, type WeightedTerms } from './term-weights.js';

export interface ContrastiveOptions {
  epochs: number;
  /** Texts per batch; the other texts of a batch are each query's negatives. */
  batchSize: number;
  /** Softmax temperature over cosine similarities. */
  temperature: number;
  /** Row-wise Adagrad step size. */
  learningRate: number;
  /** Share of pairs whose document keeps the query's own sentence (Lee et al. 2019 keep 10%). */
  keepQueryInDoc: number;
  /** Pseudo-queries shorter than this many syllables are extended with the next sentence. */
  minQuerySyllables: number;
  /** Document terms beyond this many are dropped (the longest provisions), to bound a batch's cost. */
  maxDocTerms: number;
  /**
   * Batches of neighbouring texts (the same law, the same Pháp điển topic) instead of a random
   * mix: the negatives then share the query's subject and vocabulary, which is what ranking
   * within one law needs.
   */
  neighbourBatches: boolean;
  /**
   * Each epoch visits every corpus text and as many texts of the other source (Pháp điển), a fresh
   * seeded sample in reading order: the corpus is what the index ranks, so it should weigh at least
   * half; the large source adds vocabulary and variety without drowning it.
   */
  balanceSources: boolean;
  seed: number;
}

export const DEFAULT_CONTRASTIVE_OPTIONS: ContrastiveOptions = {
  epochs: 1,
  batchSize: 128,
  temperature: 0.05,
  learningRate: 0.01,
  keepQueryInDoc: 0.1,
  minQuerySyllables: 8,
  maxDocTerms: 600,
  neighbourBatches: false,
  balanceSources: false,
  seed: 7,
};

/** A training text as vocabulary ids, one array per sentence-like piece (the same pieces {@link lexicalTerms} uses). */
export interface PreparedText {
  /** From the corpus the index is built from (the other source is Pháp điển). */
  corpus: boolean;
  heading: Int32Array;
  pieces: Int32Array[];
  syllables: number[];
}

function idsOf(text: string, index: ReadonlyMap<string, number>): Int32Array {
  const out: number[] = [];
  for (const t of lexicalTerms(text)) {
    const id = index.get(t);
    if (id !== undefined) out.push(id);
  }
  return Int32Array.from(out);
}

/** Splits a training text into id arrays; a text with fewer than two body pieces cannot make a pair. */
export function prepareText(heading: string, body: string, index: ReadonlyMap<string, number>, corpus: boolean): PreparedText | undefined {
  const pieces: Int32Array[] = [];
  const syllables: number[] = [];
  for (const p of body.split(BREAK_RE)) {
    const ids = idsOf(p, index);
    if (ids.length === 0) continue;
    pieces.push(ids);
    syllables.push((ids.length + 1) / 2);
  }
  if (pieces.length < 2) return undefined;
  return { corpus, heading: idsOf(heading, index), pieces, syllables };
}

function shuffle(xs: number[], rand: () => number): number[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
}

/** One epoch's batches over `items`: a shuffle cut in B-sized pieces, or runs of B neighbours cut at a random offset, in shuffled order. */
function epochBatches(items: readonly number[], batch: number, neighbours: boolean, rand: () => number): number[][] {
  const out: number[][] = [];
  if (!neighbours) {
    const order = shuffle([...items], rand);
    for (let s = 0; s < order.length; s += batch) out.push(order.slice(s, s + batch));
    return out;
  }
  const offset = Math.floor(rand() * batch);
  if (offset > 0) out.push(items.slice(0, offset));
  for (let s = offset; s < items.length; s += batch) out.push(items.slice(s, s + batch));
  return shuffle(out.map((_, i) => i), rand).map((i) => out[i]!);
}

/** The texts one epoch visits, in reading order: all of them, or every corpus text plus an equal seeded sample of the rest. */
function epochItems(prepared: readonly PreparedText[], balance: boolean, rand: () => number): number[] {
  const all = prepared.map((_, i) => i);
  if (!balance) return all;
  const corpus = all.filter((i) => prepared[i]!.corpus);
  const other = all.filter((i) => !prepared[i]!.corpus);
  if (corpus.length === 0 || other.length <= corpus.length) return all;
  const picked = new Set(shuffle(other, rand).slice(0, corpus.length));
  return all.filter((i) => prepared[i]!.corpus || picked.has(i));
}

/**
 * Fine-tunes the term → concept projection as a bag-of-terms dual encoder with the inverse cloze
 * task (Lee, Chang & Toutanova 2019): a sentence of a provision is the query, the rest of the
 * provision its positive, the other provisions of the batch its negatives; softmax loss over
 * cosines, row-wise Adagrad on the rows of the terms involved. Queries and documents share the
 * encoder, so the embedder needs no second table. Seeded: same texts, same result.
 */
export function contrastiveTune(
  projection: Float32Array,
  dim: number,
  idf: Float32Array,
  prepared: readonly PreparedText[],
  options: Partial<ContrastiveOptions> = {},
  onProgress?: (done: number, total: number, loss: number) => void,
  /** Called after each epoch with its mean loss (the table is updated in place). */
  onEpoch?: (epoch: number, meanLoss: number) => void,
): { meanLoss: number[] } {
  const o = { ...DEFAULT_CONTRASTIVE_OPTIONS, ...options };
  const rand = seededUniform(o.seed);
  const rows = projection.length / dim;
  // Cosines ignore a global scale: set the RMS row norm to 1 so the step size means the same for any SVD.
  let ss = 0;
  for (let i = 0; i < projection.length; i++) ss += projection[i]! * projection[i]!;
  const scale = 1 / (Math.sqrt(ss / rows) || 1);
  for (let i = 0; i < projection.length; i++) projection[i]! *= scale;
  const accum = new Float32Array(rows);
  const B = o.batchSize;
  const meanLoss: number[] = [];
  const corpusTexts = prepared.filter((p) => p.corpus).length;
  const perEpoch = o.balanceSources && corpusTexts > 0 && prepared.length - corpusTexts > corpusTexts ? 2 * corpusTexts : prepared.length;
  const totalBatches = o.epochs * Math.ceil(perEpoch / B);
  let batchNo = 0;
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    // Adagrad restarts each epoch: steps shrink within an epoch and come back for the next (warm restarts).
    accum.fill(1e-6);
    const batches = epochBatches(epochItems(prepared, o.balanceSources, rand), B, o.neighbourBatches, rand);
    let lossSum = 0;
    let lossN = 0;
    for (const ids of batches) {
      const batch = ids.map((i) => prepared[i]!);
      const n = batch.length;
      if (n < 2) continue;
      const queries: WeightedTerms[] = [];
      const docs: WeightedTerms[] = [];
      for (const t of batch) {
        let a = Math.floor(rand() * t.pieces.length);
        let b = a + 1;
        let syl = t.syllables[a]!;
        while (syl < o.minQuerySyllables && (b < t.pieces.length || a > 0)) {
          if (b < t.pieces.length) syl += t.syllables[b++]!;
          else syl += t.syllables[--a]!;
        }
        const keep = rand() < o.keepQueryInDoc;
        const q: number[] = [];
        const d: number[] = [...t.heading];
        t.pieces.forEach((p, k) => {
          const inQuery = k >= a && k < b;
          if (inQuery) for (const id of p) q.push(id);
          if (!inQuery || keep) for (const id of p) d.push(id);
        });
        queries.push(weighIds(q, idf, o.maxDocTerms));
        docs.push(weighIds(d, idf, o.maxDocTerms));
      }
      const encode = (bag: WeightedTerms) => projectTerms(bag, projection, dim);
      const qv = queries.map(encode);
      const dv = docs.map(encode);
      // Softmax over each query's row of scaled cosines; G = (P − I) / τ is dLoss/dScore.
      const g = new Float32Array(n * n);
      for (let i = 0; i < n; i++) {
        let max = -Infinity;
        for (let j = 0; j < n; j++) {
          let s = 0;
          const a = qv[i]!.vector;
          const b = dv[j]!.vector;
          for (let k = 0; k < dim; k++) s += a[k]! * b[k]!;
          g[i * n + j] = s / o.temperature;
          if (g[i * n + j]! > max) max = g[i * n + j]!;
        }
        let z = 0;
        for (let j = 0; j < n; j++) z += Math.exp(g[i * n + j]! - max);
        lossSum += -(g[i * n + i]! - max - Math.log(z));
        lossN++;
        for (let j = 0; j < n; j++) g[i * n + j] = (Math.exp(g[i * n + j]! - max) / z - (i === j ? 1 : 0)) / (o.temperature * n);
      }
      // Gradients on the normalised vectors, then through the normalisation, then onto term rows.
      const rowGrads = new Map<number, Float32Array>();
      const push = (bag: WeightedTerms, enc: { vector: Float64Array; norm: number }, gv: Float32Array) => {
        let dot = 0;
        for (let k = 0; k < dim; k++) dot += gv[k]! * enc.vector[k]!;
        for (let k = 0; k < dim; k++) gv[k] = (gv[k]! - dot * enc.vector[k]!) / enc.norm;
        for (let t = 0; t < bag.ids.length; t++) {
          const id = bag.ids[t]!;
          let r = rowGrads.get(id);
          if (!r) rowGrads.set(id, (r = new Float32Array(dim)));
          const w = bag.weights[t]!;
          for (let k = 0; k < dim; k++) r[k]! += w * gv[k]!;
        }
      };
      for (let i = 0; i < n; i++) {
        const gq = new Float32Array(dim);
        for (let j = 0; j < n; j++) {
          const c = g[i * n + j]!;
          const b = dv[j]!.vector;
          for (let k = 0; k < dim; k++) gq[k]! += c * b[k]!;
        }
        push(queries[i]!, qv[i]!, gq);
      }
      for (let j = 0; j < n; j++) {
        const gd = new Float32Array(dim);
        for (let i = 0; i < n; i++) {
          const c = g[i * n + j]!;
          const a = qv[i]!.vector;
          for (let k = 0; k < dim; k++) gd[k]! += c * a[k]!;
        }
        push(docs[j]!, dv[j]!, gd);
      }
      // Row-wise Adagrad (one accumulator per term, as fastText and StarSpace do); rows in id order for determinism.
      for (const id of [...rowGrads.keys()].sort((x, y) => x - y)) {
        const r = rowGrads.get(id)!;
        let sq = 0;
        for (let k = 0; k < dim; k++) sq += r[k]! * r[k]!;
        accum[id]! += sq / dim;
        const step = o.learningRate / Math.sqrt(accum[id]!);
        const base = id * dim;
        for (let k = 0; k < dim; k++) projection[base + k]! -= step * r[k]!;
      }
      batchNo++;
      if (batchNo % 20 === 0) onProgress?.(batchNo, totalBatches, lossSum / Math.max(lossN, 1));
    }
    meanLoss.push(lossSum / Math.max(lossN, 1));
    onEpoch?.(epoch + 1, meanLoss.at(-1)!);
  }
  onProgress?.(totalBatches, totalBatches, meanLoss.at(-1) ?? 0);
  return { meanLoss };
}
