import { lexicalTerms } from '../text/tokenize.js';
import { buildField, idf, type FieldPostings } from './bm25-field.js';

export interface LexicalParams {
  k1: number;
  b: number;
  /** Weight of the heading field (law title, article title) against the body. */
  headingWeight: number;
  /** Weight of syllable bigrams against single syllables. */
  bigramWeight: number;
  /**
   * Weight of the expansion field: the everyday words for the legal terms a chunk uses (thesaurus
   * document expansion: a chunk about `cho vay lãi nặng` also matches `vay nặng lãi`).
   */
  expansionWeight?: number;
}

export const DEFAULT_LEXICAL_PARAMS: LexicalParams = { k1: 1.2, b: 0.75, headingWeight: 0.6, bigramWeight: 1.0, expansionWeight: 0.5 };

export interface LexicalInput {
  text: string;
  heading: string;
  /** Everyday words for the chunk's legal terms (document expansion); absent when no thesaurus is used. */
  expansion?: string;
}

export interface ScoredDoc {
  doc: number;
  score: number;
}

/** Analysed query: unique terms with their weights, computed once and reused across scorers. */
export interface QueryTerms {
  ids: number[];
  weights: number[];
}

/**
 * BM25 over Vietnamese syllables and syllable bigrams, with a body and a heading field
 * (BM25F-style weighted sum). Hand-written rather than MiniSearch because reranking needs
 * per-field, per-term scores and the scale run needs compact typed-array postings.
 */
export class LexicalIndex {
  private constructor(
    readonly vocab: Map<string, number>,
    readonly body: FieldPostings,
    readonly heading: FieldPostings,
    readonly params: LexicalParams,
    readonly expansion?: FieldPostings,
  ) {}

  get size(): number {
    return this.body.docLen.length;
  }

  /** Builds the index over documents given in a fixed order; doc numbers are their positions. */
  static build(inputs: LexicalInput[], params: LexicalParams = DEFAULT_LEXICAL_PARAMS): LexicalIndex {
    const vocab = new Map<string, number>();
    const toIds = (terms: string[]) => {
      const ids = new Uint32Array(terms.length);
      terms.forEach((t, i) => {
        let id = vocab.get(t);
        if (id === undefined) vocab.set(t, (id = vocab.size));
        ids[i] = id;
      });
      return ids;
    };
    const bodyIds = inputs.map((d) => toIds(lexicalTerms(d.text)));
    const headIds = inputs.map((d) => toIds(lexicalTerms(d.heading)));
    const expIds = inputs.some((d) => d.expansion) ? inputs.map((d) => toIds(lexicalTerms(d.expansion ?? ''))) : undefined;
    const n = vocab.size;
    return new LexicalIndex(vocab, buildField(bodyIds, n), buildField(headIds, n), params, expIds ? buildField(expIds, n) : undefined);
  }

  /**
   * Known terms of a query with bigram weighting; unknown terms carry no signal and are dropped.
   * `extra` texts (thesaurus expansions) add their terms at their own weight, never above a typed term's.
   */
  analyze(query: string, extra: readonly { text: string; weight: number }[] = []): QueryTerms {
    const ids: number[] = [];
    const weights: number[] = [];
    for (const [t, w] of weightedTerms(query, extra, this.params.bigramWeight)) {
      const id = this.vocab.get(t);
      if (id === undefined) continue;
      ids.push(id);
      weights.push(w);
    }
    return { ids, weights };
  }

  /** Adds each field's BM25 for the query into `scores` (length = index size). */
  accumulate(q: QueryTerms, scores: Float32Array, field: 'body' | 'heading' | 'expansion' = 'body', weight = 1): void {
    const f = field === 'body' ? this.body : field === 'heading' ? this.heading : this.expansion;
    if (!f) return;
    const n = this.size;
    const { k1, b } = this.params;
    for (let qi = 0; qi < q.ids.length; qi++) {
      const t = q.ids[qi]!;
      const docs = f.docs[t];
      const tfs = f.tfs[t];
      if (!docs || !tfs || docs.length === 0) continue;
      const w = weight * q.weights[qi]! * idf(docs.length, n);
      for (let i = 0; i < docs.length; i++) {
        const d = docs[i]!;
        const tf = tfs[i]!;
        const norm = k1 * (1 - b + (b * f.docLen[d]!) / (f.avgLen || 1));
        scores[d]! += (w * tf * (k1 + 1)) / (tf + norm);
      }
    }
  }

  /** BM25 scores of every document (body plus weighted heading and expansion fields). */
  scoreAll(q: QueryTerms): Float32Array {
    const scores = new Float32Array(this.size);
    this.accumulate(q, scores, 'body', 1);
    if (this.params.headingWeight > 0) this.accumulate(q, scores, 'heading', this.params.headingWeight);
    const ew = this.params.expansionWeight ?? 0;
    if (this.expansion && ew > 0) this.accumulate(q, scores, 'expansion', ew);
    return scores;
  }

  /** Each field's BM25 for the query, unweighted, so that callers can weigh fields (and features) themselves. */
  fieldScores(q: QueryTerms): { body: Float32Array; heading: Float32Array; expansion: Float32Array } {
    const body = new Float32Array(this.size);
    const heading = new Float32Array(this.size);
    const expansion = new Float32Array(this.size);
    this.accumulate(q, body, 'body');
    this.accumulate(q, heading, 'heading');
    this.accumulate(q, expansion, 'expansion');
    return { body, heading, expansion };
  }

  /** Top-k documents for a query, optionally restricted by a predicate on doc numbers. */
  search(query: string | QueryTerms, k: number, allow?: (doc: number) => boolean): ScoredDoc[] {
    const q = typeof query === 'string' ? this.analyze(query) : query;
    return topK(this.scoreAll(q), k, allow);
  }

  toJSON(): object {
    return { params: this.params, vocab: [...this.vocab.keys()], body: serializeField(this.body), heading: serializeField(this.heading), ...(this.expansion ? { expansion: serializeField(this.expansion) } : {}) };
  }

  static fromJSON(json: SerializedLexical): LexicalIndex {
    const vocab = new Map<string, number>(json.vocab.map((t, i) => [t, i]));
    return new LexicalIndex(vocab, deserializeField(json.body), deserializeField(json.heading), json.params, json.expansion ? deserializeField(json.expansion) : undefined);
  }
}

export interface SerializedField {
  docs: string;
  tfs: string;
  offsets: string;
  docLen: string;
  avgLen: number;
}

export interface SerializedLexical {
  params: LexicalParams;
  vocab: string[];
  body: SerializedField;
  heading: SerializedField;
  expansion?: SerializedField;
}

function b64(a: ArrayBufferView): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

function serializeField(f: FieldPostings): SerializedField {
  const offsets = new Uint32Array(f.docs.length + 1);
  f.docs.forEach((d, i) => (offsets[i + 1] = offsets[i]! + d.length));
  const docs = new Uint32Array(offsets[f.docs.length]!);
  const tfs = new Uint16Array(docs.length);
  f.docs.forEach((d, i) => {
    docs.set(d, offsets[i]!);
    tfs.set(f.tfs[i]!, offsets[i]!);
  });
  return { docs: b64(docs), tfs: b64(tfs), offsets: b64(offsets), docLen: b64(f.docLen), avgLen: f.avgLen };
}

function typed<T>(s: string, ctor: { new (buf: ArrayBuffer, off: number, len: number): T; BYTES_PER_ELEMENT: number }): T {
  const buf = Buffer.from(s, 'base64');
  const copy = new ArrayBuffer(buf.byteLength);
  new Uint8Array(copy).set(buf);
  return new ctor(copy, 0, buf.byteLength / ctor.BYTES_PER_ELEMENT);
}

function deserializeField(s: SerializedField): FieldPostings {
  const offsets = typed(s.offsets, Uint32Array);
  const docs = typed(s.docs, Uint32Array);
  const tfs = typed(s.tfs, Uint16Array);
  const n = offsets.length - 1;
  return {
    docs: Array.from({ length: n }, (_, i) => docs.subarray(offsets[i]!, offsets[i + 1]!)),
    tfs: Array.from({ length: n }, (_, i) => tfs.subarray(offsets[i]!, offsets[i + 1]!)),
    docLen: typed(s.docLen, Float32Array),
    avgLen: s.avgLen,
  };
}

/**
 * A query's terms with their weights, in first-occurrence order: bigrams weigh `bigramWeight`,
 * `extra` texts (thesaurus expansions) add their terms at their own weight, and a term keeps its
 * highest weight. Every lexical backend analyses queries with this one function.
 */
export function weightedTerms(query: string, extra: readonly { text: string; weight: number }[], bigramWeight: number): Map<string, number> {
  const weights = new Map<string, number>();
  const add = (text: string, scale: number) => {
    for (const t of lexicalTerms(text)) {
      const w = scale * (t.includes('_') ? bigramWeight : 1);
      weights.set(t, Math.max(weights.get(t) ?? 0, w));
    }
  };
  add(query, 1);
  for (const e of extra) if (e.weight > 0) add(e.text, e.weight);
  return weights;
}

/** Indices of the k highest positive scores, best first. */
export function topK(scores: Float32Array, k: number, allow?: (doc: number) => boolean): ScoredDoc[] {
  const out: ScoredDoc[] = [];
  let min = -Infinity;
  for (let d = 0; d < scores.length; d++) {
    const s = scores[d]!;
    if (s <= 0 || (out.length >= k && s <= min)) continue;
    if (allow && !allow(d)) continue;
    out.push({ doc: d, score: s });
    if (out.length > k * 4) {
      out.sort((a, b) => b.score - a.score);
      out.length = k;
      min = out[k - 1]!.score;
    }
  }
  out.sort((a, b) => b.score - a.score || a.doc - b.doc);
  return out.slice(0, k);
}
