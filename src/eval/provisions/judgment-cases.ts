import { caseIndexFor } from '../../cases/case-index.js';
import { SECTION } from '../../cases/parse-judgment.js';
import type { CorpusIndex } from '../../index/corpus-index.js';
import { articleKey, type ArticleRef } from '../eval-question.js';

/** A corpus judgment as the provision baselines see it: its facts and the provisions it applied. */
export interface JudgmentCase {
  documentId: string;
  facts: string;
  provisions: ArticleRef[];
}

/**
 * The corpus judgments (and precedents) from the service's own case index: the provisions each
 * applied, resolved to corpus articles as the recommender sees them, so the baselines know exactly
 * what the service knows.
 */
export function judgmentCases(index: CorpusIndex): JudgmentCase[] {
  return caseIndexFor(index).records.map((r) => {
    const text = index.documents.get(r.documentId)?.text ?? '';
    const facts = r.sections.find((s) => s.heading === SECTION.facts || s.heading === SECTION.situation);
    const seen = new Set<string>();
    const provisions: ArticleRef[] = [];
    for (const p of r.provisions) {
      if (!p.documentId || !p.resolvedArticle) continue;
      const ref = { documentId: p.documentId, article: p.resolvedArticle };
      if (seen.has(articleKey(ref))) continue;
      seen.add(articleKey(ref));
      provisions.push(ref);
    }
    return { documentId: r.documentId, facts: facts ? text.slice(facts.start, facts.end) : text, provisions };
  });
}
