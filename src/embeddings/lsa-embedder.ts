import { lexicalTerms } from '../text/tokenize.js';
import { randomizedSvd } from './randomized-svd.js';
import { selectVocabulary } from './select-vocabulary.js';
import type { CsrMatrix } from './sparse-matrix.js';
import { TermTableEmbedder } from './term-table-embedder.js';

export interface LsaOptions {
  dim: number;
  /** Terms in fewer documents than this carry no co-occurrence signal. */
  minDf: number;
  /** Terms in more than this share of documents are near stop-words. */
  maxDfRatio: number;
  maxVocab: number;
  seed: number;
  /**
   * At most this many texts train the model (an even, deterministic stride over the corpus); the
   * rest are folded in. The SVD and the per-text term maps grow with the corpus: at 220k chunks
   * they took most of a 25-minute ingest and 3 GB.
   */
  maxTrainTexts: number;
}

export const DEFAULT_LSA_OPTIONS: LsaOptions = { dim: 256, minDf: 2, maxDfRatio: 0.5, maxVocab: 40_000, seed: 42, maxTrainTexts: 25_000 };

/** A trained LSA model: vocabulary with IDF weights and the term → concept projection. */
export interface LsaModel {
  vocab: string[];
  idf: Float32Array;
  /** vocab.length × dim, row-major. */
  projection: Float32Array;
  dim: number;
  /** SHA of the training texts' ids, so the index knows which corpus the model came from. */
  trainedOn: number;
}

/** Trains LSA (TF-IDF + truncated SVD) on the corpus' own texts: semantic vectors with no pretrained weights. */
export function trainLsa(texts: string[], options: Partial<LsaOptions> = {}): LsaModel {
  const o = { ...DEFAULT_LSA_OPTIONS, ...options };
  const stride = Math.max(1, Math.ceil(texts.length / o.maxTrainTexts));
  const sample = stride === 1 ? texts : texts.filter((_, i) => i % stride === 0);
  const docsTerms = sample.map((t) => countTerms(lexicalTerms(t)));
  const df = new Map<string, number>();
  for (const m of docsTerms) for (const t of m.keys()) df.set(t, (df.get(t) ?? 0) + 1);
  const n = sample.length;
  const vocab = selectVocabulary(df, n, o);
  const index = new Map(vocab.map((t, i) => [t, i]));
  const idf = new Float32Array(vocab.length);
  vocab.forEach((t, i) => (idf[i] = Math.log((n + 1) / (df.get(t)! + 1)) + 1));
  const matrix = toCsr(docsTerms, index, idf);
  const svd = randomizedSvd(matrix, Math.min(o.dim, n - 1), { seed: o.seed });
  return { vocab, idf, projection: svd.v, dim: svd.k, trainedOn: n };
}

function countTerms(terms: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of terms) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/** Log-scaled, IDF-weighted, L2-normalised term weights of one text. */
function weightVector(counts: Map<string, number>, index: Map<string, number>, idf: Float32Array): { cols: number[]; vals: number[] } {
  const cols: number[] = [];
  const vals: number[] = [];
  let norm = 0;
  for (const [t, c] of counts) {
    const i = index.get(t);
    if (i === undefined) continue;
    const w = (1 + Math.log(c)) * idf[i]!;
    cols.push(i);
    vals.push(w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  return { cols, vals: vals.map((v) => v / norm) };
}

function toCsr(docs: Map<string, number>[], index: Map<string, number>, idf: Float32Array): CsrMatrix {
  const rowPtr = new Uint32Array(docs.length + 1);
  const cols: number[] = [];
  const vals: number[] = [];
  docs.forEach((m, r) => {
    const w = weightVector(m, index, idf);
    cols.push(...w.cols);
    vals.push(...w.vals);
    rowPtr[r + 1] = cols.length;
  });
  return { rows: docs.length, cols: index.size, rowPtr, colIdx: Uint32Array.from(cols), values: Float32Array.from(vals) };
}

/** LangChain `Embeddings` backed by a trained {@link LsaModel}; deterministic and offline. */
export class LsaEmbedder extends TermTableEmbedder<LsaModel> {
  toJSON(): object {
    return { vocab: this.model.vocab, dim: this.model.dim, trainedOn: this.model.trainedOn, idf: Buffer.from(this.model.idf.buffer).toString('base64'), projection: Buffer.from(this.model.projection.buffer).toString('base64') };
  }

  /**
   * The model as bytes: a JSON header (vocabulary, dimension, training SHA), then idf and the
   * projection as raw float32. Loading it costs the projection's size once, where the JSON's base64
   * costs it about four times over while parsing.
   */
  toBinary(): Buffer {
    const header = Buffer.from(JSON.stringify({ vocab: this.model.vocab, dim: this.model.dim, trainedOn: this.model.trainedOn }));
    const size = Buffer.alloc(4);
    size.writeUInt32LE(header.length);
    const raw = (a: Float32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    return Buffer.concat([size, header, raw(this.model.idf), raw(this.model.projection)]);
  }

  static fromBinary(b: Buffer): LsaEmbedder {
    const headerEnd = 4 + b.readUInt32LE(0);
    const { vocab, dim, trainedOn } = JSON.parse(b.toString('utf8', 4, headerEnd)) as { vocab: string[]; dim: number; trainedOn: number };
    const f32 = (from: number, n: number) => new Float32Array(b.buffer.slice(b.byteOffset + from, b.byteOffset + from + 4 * n));
    const idf = f32(headerEnd, vocab.length);
    return new LsaEmbedder({ vocab, dim, trainedOn, idf, projection: f32(headerEnd + 4 * vocab.length, vocab.length * dim) });
  }

  static fromJSON(j: { vocab: string[]; dim: number; trainedOn: number; idf: string; projection: string }): LsaEmbedder {
    const f32 = (s: string) => {
      const b = Buffer.from(s, 'base64');
      const ab = new ArrayBuffer(b.byteLength);
      new Uint8Array(ab).set(b);
      return new Float32Array(ab);
    };
    return new LsaEmbedder({ vocab: j.vocab, dim: j.dim, trainedOn: j.trainedOn, idf: f32(j.idf), projection: f32(j.projection) });
  }
}
