import { idf, type FieldPostings } from '../bm25-field.js';
import type { LexicalIndex } from '../lexical-index.js';
import type { PartitionKey } from './build-layout.js';

/**
 * The in-memory BM25 index turned into PostgreSQL rows, term by term:
 *
 * - `terms`: each term's document frequency per field and its body collection frequency;
 * - `postings`: per term and partition, the chunks containing it ordered by impact (the term's
 *   BM25 contribution: IDF × saturated, length-normalised tf, fields weighted), cut into blocks,
 *   so a search reads only the first blocks of a common term's list (impact-ordered early
 *   termination) and scores its candidates exactly afterwards;
 * - `chunk_terms`: per chunk, its terms and their tf in each field and the field lengths (a
 *   forward index), from which candidates get their exact per-field BM25;
 * - `doc_terms`: per term, its body counts in each legal document (the law-topic model).
 */
export interface LexicalRowsOptions {
  lexical: LexicalIndex;
  /** Partition of each chunk (index into `partitions`). */
  chunkPartition: Int32Array;
  partitions: readonly PartitionKey[];
  /** Position of each chunk's document among the documents the topic model compares, or −1. */
  chunkTopicDoc: Int32Array;
  /** Field weights in the impact that orders postings (the body's is 1). */
  impactWeights: { heading: number; expansion: number };
  blockSize: number;
}

type Field = FieldPostings | undefined;

/** Visits the chunks containing term `t` in any field, in position order, with the tf in each field. */
function forEachChunk(t: number, fields: readonly [Field, Field, Field], visit: (pos: number, tfB: number, tfH: number, tfE: number) => void): void {
  const [b, h, e] = fields;
  const db = b?.docs[t], dh = h?.docs[t], de = e?.docs[t];
  const tb = b?.tfs[t], th = h?.tfs[t], te = e?.tfs[t];
  let i = 0, j = 0, k = 0;
  const nb = db?.length ?? 0, nh = dh?.length ?? 0, ne = de?.length ?? 0;
  while (i < nb || j < nh || k < ne) {
    const pos = Math.min(i < nb ? db![i]! : Infinity, j < nh ? dh![j]! : Infinity, k < ne ? de![k]! : Infinity);
    const fb = i < nb && db![i] === pos ? tb![i++]! : 0;
    const fh = j < nh && dh![j] === pos ? th![j++]! : 0;
    const fe = k < ne && de![k] === pos ? te![k++]! : 0;
    visit(pos, fb, fh, fe);
  }
}

/** A postings block as stored: the chunk positions (int32), then their impacts (float32), little-endian as this machine. */
export function postingsBlock(pos: Int32Array, impact: Float32Array): Uint8Array {
  const out = new Uint8Array(pos.byteLength + impact.byteLength);
  out.set(new Uint8Array(pos.buffer, pos.byteOffset, pos.byteLength), 0);
  out.set(new Uint8Array(impact.buffer, impact.byteOffset, impact.byteLength), pos.byteLength);
  return out;
}

/** Reads a stored postings block back. */
export function readPostingsBlock(data: Uint8Array): { pos: Int32Array; impact: Float32Array } {
  const n = data.byteLength / 8;
  // Buffers from pg are not 4-byte aligned: copy before viewing.
  const copy = new Uint8Array(data.byteLength);
  copy.set(data);
  return { pos: new Int32Array(copy.buffer, 0, n), impact: new Float32Array(copy.buffer, 4 * n, n) };
}

export class LexicalRows {
  private readonly fields: readonly [Field, Field, Field];
  private readonly n: number;

  constructor(private readonly o: LexicalRowsOptions) {
    this.fields = [o.lexical.body, o.lexical.heading, o.lexical.expansion];
    this.n = o.lexical.size;
  }

  get vocabularySize(): number {
    return this.o.lexical.vocab.size;
  }

  /** `[id, term, df_b, df_h, df_e, cf_b]` */
  *terms(): Generator<[number, string, number, number, number, number]> {
    const [b, h, e] = this.fields;
    let id = 0;
    for (const term of this.o.lexical.vocab.keys()) {
      let cf = 0;
      const tfs = b?.tfs[id];
      if (tfs) for (let i = 0; i < tfs.length; i++) cf += tfs[i]!;
      yield [id, term, b?.docs[id]?.length ?? 0, h?.docs[id]?.length ?? 0, e?.docs[id]?.length ?? 0, cf];
      id++;
    }
  }

  /** `[coll, year, term_id, block, data]`, each term's chunks by descending impact, per partition (see {@link postingsBlock}). */
  *postings(): Generator<[string, number, number, number, Uint8Array]> {
    const { k1, b: bParam } = this.o.lexical.params;
    const [fb, fh, fe] = this.fields;
    const weights = [1, this.o.impactWeights.heading, this.o.impactWeights.expansion];
    const fieldList = [fb, fh, fe];
    const parts = this.o.partitions.length;
    const perPart: { pos: number[]; imp: number[] }[] = Array.from({ length: parts }, () => ({ pos: [], imp: [] }));
    for (let t = 0; t < this.vocabularySize; t++) {
      const idfs = fieldList.map((f) => (f ? idf(f.docs[t]?.length ?? 0, this.n) : 0));
      for (const p of perPart) {
        p.pos.length = 0;
        p.imp.length = 0;
      }
      forEachChunk(t, this.fields, (pos, tfB, tfH, tfE) => {
        let impact = 0;
        const tfs = [tfB, tfH, tfE];
        for (let f = 0; f < 3; f++) {
          const tf = tfs[f]!;
          const field = fieldList[f];
          if (tf === 0 || !field) continue;
          const norm = k1 * (1 - bParam + (bParam * field.docLen[pos]!) / (field.avgLen || 1));
          impact += weights[f]! * idfs[f]! * ((tf * (k1 + 1)) / (tf + norm));
        }
        const p = perPart[this.o.chunkPartition[pos]!]!;
        p.pos.push(pos);
        p.imp.push(impact);
      });
      for (let part = 0; part < parts; part++) {
        const { pos, imp } = perPart[part]!;
        if (pos.length === 0) continue;
        const order = pos.map((_, i) => i).sort((x, y) => imp[y]! - imp[x]! || pos[x]! - pos[y]!);
        const key = this.o.partitions[part]!;
        for (let start = 0, block = 0; start < order.length; start += this.o.blockSize, block++) {
          const slice = order.slice(start, start + this.o.blockSize);
          yield [key.coll, key.year, t, block, postingsBlock(Int32Array.from(slice, (i) => pos[i]!), Float32Array.from(slice, (i) => imp[i]!))];
        }
      }
    }
  }

  /** `[term_id, docs[], tfs[]]`: body counts of a term in each document the topic model compares. */
  *documentTerms(): Generator<[number, Int32Array, Int32Array]> {
    const body = this.fields[0];
    if (!body) return;
    const counts = new Map<number, number>();
    for (let t = 0; t < this.vocabularySize; t++) {
      const docs = body.docs[t];
      const tfs = body.tfs[t];
      if (!docs || !tfs) continue;
      counts.clear();
      for (let i = 0; i < docs.length; i++) {
        const d = this.o.chunkTopicDoc[docs[i]!]!;
        if (d >= 0) counts.set(d, (counts.get(d) ?? 0) + tfs[i]!);
      }
      if (counts.size === 0) continue;
      const ds = [...counts.keys()].sort((x, y) => x - y);
      yield [t, Int32Array.from(ds), Int32Array.from(ds, (d) => counts.get(d)!)];
    }
  }

  /**
   * `[coll, year, pos, terms, tfs, len_b, len_h, len_e]` per chunk, `terms` the int32 ids and
   * `tfs` the int16 counts per field (body, heading, expansion) as bytes: postings inverted in two
   * passes into flat typed arrays (a list per chunk cost gigabytes at 220k chunks).
   */
  *forward(): Generator<[string, number, number, Uint8Array, Uint8Array, number, number, number]> {
    const n = this.n;
    const count = new Uint32Array(n + 1);
    for (let t = 0; t < this.vocabularySize; t++) forEachChunk(t, this.fields, (pos) => count[pos + 1]!++);
    for (let i = 1; i <= n; i++) count[i]! += count[i - 1]!;
    const offsets = count;
    const total = offsets[n]!;
    const ids = new Int32Array(total);
    const tfB = new Int16Array(total), tfH = new Int16Array(total), tfE = new Int16Array(total);
    const fill = new Uint32Array(n);
    for (let t = 0; t < this.vocabularySize; t++) {
      forEachChunk(t, this.fields, (pos, b, h, e) => {
        const at = offsets[pos]! + fill[pos]!++;
        ids[at] = t;
        // tf is stored as uint16 in memory; smallint holds what any chunk of text reaches.
        tfB[at] = Math.min(b, 32767);
        tfH[at] = Math.min(h, 32767);
        tfE[at] = Math.min(e, 32767);
      });
    }
    const [fb, fh, fe] = this.fields;
    for (let pos = 0; pos < n; pos++) {
      const key = this.o.partitions[this.o.chunkPartition[pos]!]!;
      const a = offsets[pos]!, z = offsets[pos + 1]!;
      const tfs = new Int16Array(3 * (z - a));
      tfs.set(tfB.subarray(a, z), 0);
      tfs.set(tfH.subarray(a, z), z - a);
      tfs.set(tfE.subarray(a, z), 2 * (z - a));
      const termBytes = ids.subarray(a, z);
      yield [key.coll, key.year, pos, new Uint8Array(termBytes.buffer, termBytes.byteOffset, termBytes.byteLength), new Uint8Array(tfs.buffer), fb?.docLen[pos] ?? 0, fh?.docLen[pos] ?? 0, fe?.docLen[pos] ?? 0];
    }
  }
}
