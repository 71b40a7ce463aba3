/** A text as the semantic model reads it: vocabulary ids and their weights. */
export interface WeightedTerms {
  ids: number[];
  weights: number[];
}

/**
 * Sublinear TF × IDF, L2-normalised, over a bag of vocabulary ids: the semantic model's input, the
 * same in training and embedding. `maxTerms` keeps only the heaviest terms (training bounds a
 * batch's cost with it; the embedder keeps all).
 */
export function weighIds(ids: Iterable<number>, idf: Float32Array, maxTerms = Infinity): WeightedTerms {
  const counts = new Map<number, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  let entries = [...counts];
  if (entries.length > maxTerms) {
    const w = ([id, c]: [number, number]) => (1 + Math.log(c)) * idf[id]!;
    entries = entries.sort((a, b) => w(b) - w(a) || a[0] - b[0]).slice(0, maxTerms);
  }
  const out: WeightedTerms = { ids: [], weights: [] };
  let norm = 0;
  for (const [id, c] of entries) {
    const w = (1 + Math.log(c)) * idf[id]!;
    out.ids.push(id);
    out.weights.push(w);
    norm += w * w;
  }
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < out.weights.length; k++) out.weights[k]! /= norm;
  return out;
}

/** {@link weighIds} of a text's terms that are in the vocabulary. */
export function termWeights(terms: readonly string[], index: ReadonlyMap<string, number>, idf: Float32Array): WeightedTerms {
  const ids: number[] = [];
  for (const t of terms) {
    const id = index.get(t);
    if (id !== undefined) ids.push(id);
  }
  return weighIds(ids, idf);
}
