import type { CorpusIndex } from '../index/corpus-index.js';
import type { HybridRetriever } from '../retrieval/hybrid-retriever.js';
import { caseExcerpt } from './case-excerpt.js';
import { caseIndexFor } from './case-index.js';
import type { AppliedProvision, CaseRecord } from './case-record.js';
import { judgmentLabel } from './case-text.js';
import { factsQuery } from './facts-query.js';
import { judgeAdvisorFor } from './judge-advisor.js';
import { outcomeTendency, sharedFactsOf } from './similar-facts.js';
import type { Thesaurus } from '../text/thesaurus.js';

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
export async function caseResponse(index: CorpusIndex, retriever: HybridRetriever, task: CaseTask, thesaurus?: Thesaurus): Promise<object> {
  const { facts, k } = task;
  const cases = caseIndexFor(index);
  if (task.kind === 'provisions') {
    const advice = await judgeAdvisorFor(cases, retriever, undefined, thesaurus).advise(facts, { k });
    return { ...advice, tendency: advice.tendency ?? null, similarCases: advice.similar };
  }
  const query = factsQuery(facts, index);
  const found = await cases.similar.search(facts, k);
  const shared = sharedFactsOf(cases);
  const tendency = outcomeTendency(found);
  const scores = index.lexical.scoreAll(index.lexical.analyze(query));
  return {
    query,
    tendency: tendency ?? null,
    results: found.map((c) => {
      const ex = caseExcerpt(index, c.record, query, 400, scores);
      return {
        ...presentCase(c.record),
        score: Math.round(c.score * 1000) / 1000,
        sharedFacts: shared.shared(query, c.record),
        excerpt: ex?.text ?? null,
        excerptStart: ex?.start ?? null,
        excerptEnd: ex?.end ?? null,
        provisions: c.record.provisions.map(presentProvision),
      };
    }),
  };
}
