/** Postings of one field: for each term id, the documents containing it and the term frequency. */
export interface FieldPostings {
  docs: Uint32Array[];
  tfs: Uint16Array[];
  docLen: Float32Array;
  avgLen: number;
}

/** Builds postings from per-document term-id lists. */
export function buildField(termIdsPerDoc: Uint32Array[], vocabSize: number): FieldPostings {
  const counts = new Uint32Array(vocabSize);
  const perDoc: Map<number, number>[] = termIdsPerDoc.map((ids) => {
    const m = new Map<number, number>();
    for (const t of ids) m.set(t, (m.get(t) ?? 0) + 1);
    for (const t of m.keys()) counts[t]!++;
    return m;
  });
  const docs = Array.from(counts, (c) => new Uint32Array(c));
  const tfs = Array.from(counts, (c) => new Uint16Array(c));
  const fill = new Uint32Array(vocabSize);
  const docLen = new Float32Array(termIdsPerDoc.length);
  perDoc.forEach((m, d) => {
    docLen[d] = termIdsPerDoc[d]!.length;
    for (const [t, tf] of m) {
      const i = fill[t]!++;
      docs[t]![i] = d;
      tfs[t]![i] = Math.min(tf, 65535);
    }
  });
  let total = 0;
  for (const l of docLen) total += l;
  return { docs, tfs, docLen, avgLen: docLen.length ? total / docLen.length : 0 };
}

/** Okapi BM25 inverse document frequency (always positive). */
export function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}
