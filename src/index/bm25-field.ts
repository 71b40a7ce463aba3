/** Postings of one field: for each term id, the documents containing it and the term frequency. */
export interface FieldPostings {
  docs: Uint32Array[];
  tfs: Uint16Array[];
  docLen: Float32Array;
  avgLen: number;
}

/**
 * Builds postings from per-document term-id lists in two passes with one reused counter, so memory
 * stays at the postings themselves (a map per document cost gigabytes at 220k chunks).
 */
export function buildField(termIdsPerDoc: Uint32Array[], vocabSize: number): FieldPostings {
  const df = new Uint32Array(vocabSize);
  const counts = new Map<number, number>();
  const countDoc = (ids: Uint32Array) => {
    counts.clear();
    for (const t of ids) counts.set(t, (counts.get(t) ?? 0) + 1);
    return counts;
  };
  for (const ids of termIdsPerDoc) for (const t of countDoc(ids).keys()) df[t]!++;
  const docs = Array.from(df, (c) => new Uint32Array(c));
  const tfs = Array.from(df, (c) => new Uint16Array(c));
  const fill = new Uint32Array(vocabSize);
  const docLen = new Float32Array(termIdsPerDoc.length);
  let total = 0;
  termIdsPerDoc.forEach((ids, d) => {
    docLen[d] = ids.length;
    total += ids.length;
    for (const [t, tf] of countDoc(ids)) {
      const i = fill[t]!++;
      docs[t]![i] = d;
      tfs[t]![i] = Math.min(tf, 65535);
    }
  });
  return { docs, tfs, docLen, avgLen: docLen.length ? total / docLen.length : 0 };
}

/** Okapi BM25 inverse document frequency (always positive). */
export function idf(df: number, n: number): number {
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}
