import { LexicalIndex } from '../../index/lexical-index.js';
import { normalizeQuery } from '../../text/normalize.js';
import { articleKey, type EvalQuestion } from '../eval-question.js';

/**
 * Baselines for a criminal set, which the corpus has no judgments for: both learn only from the
 * other folds' questions. `frequency` ranks provisions by how many training questions apply them;
 * `similar` takes the provisions of the 5 training questions most BM25-similar to the description,
 * votes weighted by relative score, ties broken by frequency.
 */
export function criminalBaselines(questions: readonly EvalQuestion[], folds: readonly number[], neighbours = 5): { frequency: string[][]; similar: string[][] } {
  const frequency: string[][] = [];
  const similar: string[][] = [];
  const byFold = new Map<number, { order: string[]; lexical: LexicalIndex; train: EvalQuestion[] }>();
  for (const [i, q] of questions.entries()) {
    const f = folds[i]!;
    let model = byFold.get(f);
    if (!model) {
      const train = questions.filter((_, j) => folds[j] !== f);
      const counts = new Map<string, number>();
      for (const t of train) for (const g of new Set(t.gold.map(articleKey))) counts.set(g, (counts.get(g) ?? 0) + 1);
      const order = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
      byFold.set(f, (model = { order, lexical: LexicalIndex.build(train.map((t) => ({ text: normalizeQuery(t.text), heading: '' }))), train }));
    }
    frequency.push(model.order);
    const hits = model.lexical.search(normalizeQuery(q.text), neighbours);
    const top = hits[0]?.score ?? 1;
    const votes = new Map<string, number>();
    for (const h of hits) for (const g of new Set(model.train[h.doc]!.gold.map(articleKey))) votes.set(g, (votes.get(g) ?? 0) + h.score / top);
    const rank = new Map(model.order.map((k, j) => [k, j]));
    similar.push([...votes].sort((a, b) => b[1] - a[1] || (rank.get(a[0]) ?? 1e9) - (rank.get(b[0]) ?? 1e9)).map(([k]) => k));
  }
  return { frequency, similar };
}
