import { articleKeyOf, type AppliedProvision, type CaseRecord } from './case-record.js';
import type { SimilarCase } from './similar-cases.js';

/** How much one application counts: a provision cited only in the reasoning counts `reasoningWeight`. */
function weightOf(p: AppliedProvision, reasoningWeight: number): number {
  return p.source === 'decision' ? 1 : reasoningWeight;
}

const articlesCache = new WeakMap<CaseRecord, Map<number, Map<string, number>>>();

/** Resolved articles of a case, each once, with the weight of its strongest citation (cached per record). */
export function caseArticles(record: CaseRecord, reasoningWeight: number): Map<string, number> {
  let byWeight = articlesCache.get(record);
  if (!byWeight) articlesCache.set(record, (byWeight = new Map()));
  const known = byWeight.get(reasoningWeight);
  if (known) return known;
  const out = new Map<string, number>();
  byWeight.set(reasoningWeight, out);
  for (const p of record.provisions) {
    if (!p.documentId || !p.resolvedArticle) continue;
    const key = articleKeyOf(p.documentId, p.resolvedArticle);
    out.set(key, Math.max(out.get(key) ?? 0, weightOf(p, reasoningWeight)));
  }
  return out;
}

/** Share of the cases (the excluded one left out) that applied each article: the prior. */
export function applicationPrior(records: readonly CaseRecord[], excludeDocumentId: string | undefined, reasoningWeight: number): Map<string, number> {
  const others = records.filter((r) => r.documentId !== excludeDocumentId);
  const prior = new Map<string, number>();
  for (const r of others) for (const [key, w] of caseArticles(r, reasoningWeight)) prior.set(key, (prior.get(key) ?? 0) + w / others.length);
  return prior;
}

/** Similarity-weighted votes of the neighbours for each article they applied, and the total weight. */
export function neighbourVotes(neighbours: readonly SimilarCase[], reasoningWeight: number): { votes: Map<string, number>; total: number } {
  const votes = new Map<string, number>();
  let total = 0;
  for (const n of neighbours) {
    total += n.score;
    for (const [key, w] of caseArticles(n.record, reasoningWeight)) votes.set(key, (votes.get(key) ?? 0) + n.score * w);
  }
  return { votes, total };
}
