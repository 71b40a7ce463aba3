import type { CaseRecord } from './case-record.js';
import type { SimilarCase } from './similar-cases.js';

/** A provision the similar judgments applied that the corpus does not hold, as the courts wrote it. */
export interface UnresolvedRecommendation {
  label: string;
  lawName: string;
  article: string;
  reason: string;
  score: number;
  judgments: { documentId: string; number?: string }[];
}

/** References the neighbours applied that resolve to no corpus article, scored by their votes. */
export function unresolvedVotes(neighbours: readonly SimilarCase[], norm: number, k: number): UnresolvedRecommendation[] {
  const byKey = new Map<string, UnresolvedRecommendation>();
  for (const n of neighbours) {
    for (const p of n.record.provisions) {
      if (p.documentId) continue;
      const key = `${p.lawName.toLowerCase()}#${p.article.toLowerCase()}`;
      const e = byKey.get(key) ?? { label: p.label, lawName: p.lawName, article: p.article, reason: p.reason ?? '', score: 0, judgments: [] };
      if (!e.judgments.some((j) => j.documentId === n.record.documentId)) {
        e.score += n.score / norm;
        e.judgments.push(judgmentRef(n.record));
      }
      byKey.set(key, e);
    }
  }
  return [...byKey.values()]
    .map((e) => ({ ...e, score: round(e.score) }))
    .sort((a, b) => b.score - a.score || a.label.localeCompare(b.label))
    .slice(0, k);
}

function judgmentRef(r: CaseRecord): { documentId: string; number?: string } {
  return { documentId: r.documentId, ...(r.number ? { number: r.number } : {}) };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
