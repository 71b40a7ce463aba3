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
export function forwardRow(terms: Buffer, tfs: Buffer, lengths: [number, number, number]): ForwardRow {
  // pg hands bytea as unaligned Buffers: copy into typed arrays.
  const t = new Int32Array(terms.byteLength / 4);
  new Uint8Array(t.buffer).set(terms);
  const f = new Int16Array(tfs.byteLength / 2);
  new Uint8Array(f.buffer).set(tfs);
  return { terms: t, tfs: f, lengths };
}

/**
 * Each field's BM25 of one chunk for the typed terms and, apart, for the thesaurus terms: the
 * same formula as `LexicalIndex.accumulate` (IDF of the field's document frequency, saturated
 * tf, length normalised by the field's average).
 */
export function forwardScores(row: ForwardRow, query: ReadonlyMap<number, ScoredTerm>, p: Pick<BuildParams, 'size' | 'k1' | 'b' | 'avgLen'>): LexicalScores {
  const out = { typed: { body: 0, heading: 0, expansion: 0 }, extra: { body: 0, heading: 0, expansion: 0 } };
  const n = row.terms.length;
  const avg = [p.avgLen.body || 1, p.avgLen.heading || 1, p.avgLen.expansion || 1];
  const keys = ['body', 'heading', 'expansion'] as const;
  for (let i = 0; i < n; i++) {
    const q = query.get(row.terms[i]!);
    if (!q) continue;
    for (let f = 0; f < 3; f++) {
      const tf = row.tfs[f * n + i]!;
      if (tf === 0) continue;
      const norm = p.k1 * (1 - p.b + (p.b * row.lengths[f]!) / avg[f]!);
      const part = (idf(q.df[f]!, p.size) * tf * (p.k1 + 1)) / (tf + norm);
      if (q.typed > 0) out.typed[keys[f]!] += q.typed * part;
      if (q.extra > 0) out.extra[keys[f]!] += q.extra * part;
    }
  }
  return out;
}
