import { idf } from '../bm25-field.js';
import type { LexicalScores } from '../retrieval-corpus.js';
import type { BuildParams } from './build-params.js';

/** A chunk's row of the forward index: term ids (ascending), tf per field, field lengths. */
export interface ForwardRow {
  terms: Int32Array;
  /** Body tfs, then heading tfs, then expansion tfs (`terms.length` each). */
  tfs: Int16Array;
  lengths: [number, number, number];
}

/** A query term as the exact scorer weighs it: typed or thesaurus weight, document frequency per field. */
export interface ScoredTerm {
  typed: number;
  extra: number;
  df: [number, number, number];
}

/** Decodes a forward row from the two bytea columns (little-endian int32 ids, int16 tfs). */
export function forwardRow(terms: Uint8Array, tfs: Uint8Array, lengths: [number, number, number]): ForwardRow {
  // pg hands bytea as unaligned Buffers: copy into typed arrays.
  const t = new Int32Array(terms.byteLength / 4);
  new Uint8Array(t.buffer).set(terms);
  const f = new Int16Array(tfs.byteLength / 2);
  new Uint8Array(f.buffer).set(tfs);
  return { terms: t, tfs: f, lengths };
}

const FIELDS = ['body', 'heading', 'expansion'] as const;

/**
 * Scores chunks from their forward rows for one query: each field's BM25 for the typed terms and,
 * apart, for the thesaurus terms — the formula of `LexicalIndex.accumulate` (IDF of the field's
 * document frequency, saturated tf, length normalised by the field's average). Query and chunk
 * terms are both sorted by id and merged.
 */
export class ForwardScorer {
  private readonly ids: Int32Array;
  private readonly typed: Float64Array;
  private readonly extra: Float64Array;
  /** IDF of each query term in each field (3 per term). */
  private readonly idfs: Float64Array;

  constructor(
    query: ReadonlyMap<number, ScoredTerm>,
    private readonly p: Pick<BuildParams, 'size' | 'k1' | 'b' | 'avgLen'>,
  ) {
    this.ids = Int32Array.from(query.keys()).sort();
    this.typed = Float64Array.from(this.ids, (id) => query.get(id)!.typed);
    this.extra = Float64Array.from(this.ids, (id) => query.get(id)!.extra);
    this.idfs = new Float64Array(3 * this.ids.length);
    this.ids.forEach((id, k) => query.get(id)!.df.forEach((df, f) => (this.idfs[3 * k + f] = idf(df, p.size))));
  }

  score(row: ForwardRow): LexicalScores {
    const out = { typed: { body: 0, heading: 0, expansion: 0 }, extra: { body: 0, heading: 0, expansion: 0 } };
    const { k1, b } = this.p;
    const avg = [this.p.avgLen.body || 1, this.p.avgLen.heading || 1, this.p.avgLen.expansion || 1];
    const n = row.terms.length;
    for (let i = 0, k = 0; i < n && k < this.ids.length; ) {
      const t = row.terms[i]!;
      const q = this.ids[k]!;
      if (t < q) i++;
      else if (t > q) k++;
      else {
        for (let f = 0; f < 3; f++) {
          const tf = row.tfs[f * n + i]!;
          if (tf === 0) continue;
          const part = (this.idfs[3 * k + f]! * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * row.lengths[f]!) / avg[f]!));
          out.typed[FIELDS[f]!] += this.typed[k]! * part;
          out.extra[FIELDS[f]!] += this.extra[k]! * part;
        }
        i++;
        k++;
      }
    }
    return out;
  }
}
