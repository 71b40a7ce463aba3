import type { CorpusIndex } from '../index/corpus-index.js';
import type { HybridRetriever } from '../retrieval/hybrid-retriever.js';
import { caseExcerpt } from './case-excerpt.js';
import { caseIndexFor } from './case-index.js';
import type { AppliedProvision, CaseRecord } from './case-record.js';
import { judgmentLabel } from './case-text.js';
import { factsQuery } from './facts-query.js';
import { ProvisionRecommender } from './provision-recommender.js';

/** What the judges' endpoints compute; plain data, so it can cross a worker-thread boundary. */
export interface CaseTask {
  kind: 'search' | 'provisions';
  facts: string;
  k: number;
}

export function presentProvision(p: AppliedProvision) {
  return {
    label: p.clauses.length === 1 ? `khoản ${p.clauses[0]} ${p.label}` : p.label,
    lawName: p.lawName,
    documentId: p.documentId ?? null,
    article: p.resolvedArticle ?? p.article,
    clauses: p.clauses,
    resolved: p.documentId !== undefined,
    reason: p.reason ?? null,
    source: p.source,
  };
}

export function presentCase(r: CaseRecord) {
  return {
    documentId: r.documentId, kind: r.kind, title: r.title, label: judgmentLabel(r), court: r.court ?? null, number: r.number ?? null, date: r.date ?? null,
    level: r.level ?? null, caseType: r.caseType ?? null, caseName: r.caseName ?? null, outcome: r.outcome === 'unknown' ? null : r.outcome,
  };
}

/** The body of `POST /v1/cases/search` or `POST /v1/cases/provisions` for one fact description. */
export async function caseResponse(index: CorpusIndex, retriever: HybridRetriever, task: CaseTask): Promise<object> {
  const { facts, k } = task;
  if (task.kind === 'provisions') {
    const rec = await new ProvisionRecommender(caseIndexFor(index), retriever).recommend(facts, { k });
    return {
      provisions: rec.provisions,
      unresolved: rec.unresolved,
      similarCases: rec.similar.map((s) => ({ documentId: s.record.documentId, number: s.record.number ?? null, similarity: Math.round(s.score * 1000) / 1000 })),
    };
  }
  const cases = caseIndexFor(index);
  const query = factsQuery(facts, index);
  const found = await cases.similar.search(facts, k);
  return {
    query,
    results: found.map((c) => {
      const ex = caseExcerpt(index, c.record, query);
      return {
        ...presentCase(c.record),
        score: Math.round(c.score * 1000) / 1000,
        excerpt: ex?.text ?? null,
        excerptStart: ex?.start ?? null,
        excerptEnd: ex?.end ?? null,
        provisions: c.record.provisions.map(presentProvision),
      };
    }),
  };
}
