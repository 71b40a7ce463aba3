/**
 * The vocabulary of a TF-IDF model: terms in at least `minDf` of `n` texts and at most
 * `maxDfRatio` of them, the `maxVocab` most frequent (ties by term), in sorted order.
 */
export function selectVocabulary(df: ReadonlyMap<string, number>, n: number, o: { minDf: number; maxDfRatio: number; maxVocab: number }): string[] {
  return [...df.entries()]
    .filter(([, d]) => d >= o.minDf && d <= o.maxDfRatio * n)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, o.maxVocab)
    .map(([t]) => t)
    .sort();
}
