import { LexicalIndex } from '../index/lexical-index.js';
import type { CaseIndex } from './case-index.js';
import type { CaseRecord } from './case-record.js';
import { COMPARED_SECTIONS, comparedText, inSections } from './case-text.js';
import { factsQuery } from './facts-query.js';

/** A judgment similar to a fact description, with the parts of its score. */
export interface SimilarCase {
  record: CaseRecord;
  /** Combined similarity in [0, 1]; the best case of a search leads each part with 1. */
  score: number;
  /** BM25 of the facts and reasoning, relative to the best case. */
  lexical: number;
  /** Cosine between the description and the case's mean passage vector. */
  dense: number;
}

export interface SimilarSearchOptions {
  /** The judgment being evaluated: it plays no part, not even in the BM25 statistics. */
  excludeDocumentId?: string;
  /** Weight of the dense part against the lexical one (default 0.5). */
  denseWeight?: number;
}

/**
 * Ranks judgments by similarity to a fact description: BM25 over each judgment's facts and
 * reasoning as one document (its case name as the heading), and the cosine with the mean vector
 * of its indexed passages of those sections, each relative to the best case.
 */
export class SimilarCaseSearch {
  private readonly vectors = new Map<string, number[]>();
  private readonly lexicalCache = new Map<string, { lexical: LexicalIndex; docs: CaseRecord[] }>();

  constructor(readonly cases: CaseIndex) {
    for (const r of cases.records) {
      const v = this.meanVector(r);
      if (v) this.vectors.set(r.documentId, v);
    }
  }

  /** The `k` most similar cases, best first. */
  async search(facts: string, k: number, options: SimilarSearchOptions = {}): Promise<SimilarCase[]> {
    const query = factsQuery(facts, this.cases.index);
    const { lexical, docs } = this.lexicalWithout(options.excludeDocumentId);
    if (docs.length === 0) return [];
    const bm25 = lexical.scoreAll(lexical.analyze(query));
    const maxBm25 = Math.max(...bm25, 1e-9);
    const qvec = await this.cases.index.embedder.embedQuery(query);
    const out = docs.map((record, i) => {
      const v = this.vectors.get(record.documentId);
      return { record, lexical: bm25[i]! / maxBm25, dense: v ? Math.max(0, dot(v, qvec)) : 0, score: 0 };
    });
    const maxDense = Math.max(...out.map((c) => c.dense), 1e-9);
    const w = options.denseWeight ?? 0.5;
    for (const c of out) c.score = (1 - w) * c.lexical + (w * c.dense) / maxDense;
    out.sort((a, b) => b.score - a.score || a.record.documentId.localeCompare(b.record.documentId));
    return out.filter((c) => c.score > 0).slice(0, k);
  }

  /** BM25 over every case but the excluded one; the full index and the last leave-one-out one are kept. */
  private lexicalWithout(excludeDocumentId: string | undefined): { lexical: LexicalIndex; docs: CaseRecord[] } {
    const key = excludeDocumentId ?? '';
    let hit = this.lexicalCache.get(key);
    if (!hit) {
      const docs = this.cases.records.filter((r) => r.documentId !== excludeDocumentId);
      const lexical = LexicalIndex.build(docs.map((r) => ({ text: comparedText(r, this.cases.index.documents.get(r.documentId)!), heading: r.caseName ?? '' })));
      for (const k of [...this.lexicalCache.keys()]) if (k !== '') this.lexicalCache.delete(k);
      this.lexicalCache.set(key, (hit = { lexical, docs }));
    }
    return hit;
  }

  /** Normalised mean of the stored vectors of a case's facts and reasoning passages. */
  private meanVector(record: CaseRecord): number[] | undefined {
    const idx = this.cases.index;
    let sum: number[] | undefined;
    for (const pos of idx.chunksByDocument.get(record.documentId) ?? []) {
      const c = idx.chunks[pos]!;
      if (!inSections(record, COMPARED_SECTIONS, c.start, c.end)) continue;
      let v: ArrayLike<number>;
      try {
        v = idx.vectors.vector(c.label);
      } catch {
        continue;
      }
      sum ??= new Array<number>(v.length).fill(0);
      for (let j = 0; j < v.length; j++) sum[j]! += v[j]!;
    }
    if (!sum) return undefined;
    const n = Math.sqrt(dot(sum, sum)) || 1;
    return sum.map((x) => x / n);
  }
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length && i < b.length; i++) s += a[i]! * b[i]!;
  return s;
}
