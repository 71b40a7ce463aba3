import { LexicalIndex } from '../../index/lexical-index.js';
import { normalizeQuery } from '../../text/normalize.js';
import { articleKey, type ArticleRef } from '../eval-question.js';
import { frequencyRanking } from './frequent-provisions.js';
import type { JudgmentCase } from './judgment-cases.js';
import type { ProvisionSystem } from './provision-system.js';

/**
 * Baseline: the provisions applied by the judgments whose facts are most BM25-similar to the case
 * query, each vote weighted by the neighbour's relative score; ties go to overall frequency.
 */
export class SimilarJudgments implements ProvisionSystem {
  readonly name = 'similar-judgments';
  private readonly lexical: LexicalIndex;

  constructor(
    private readonly cases: readonly JudgmentCase[],
    private readonly neighbours = 5,
  ) {
    this.lexical = LexicalIndex.build(cases.map((c) => ({ text: c.facts, heading: '' })));
  }

  async recommend(caseQuery: string, k: number, excludeDocumentId: string | undefined): Promise<ArticleRef[]> {
    const hits = this.lexical.search(normalizeQuery(caseQuery), this.neighbours, (i) => this.cases[i]?.documentId !== excludeDocumentId);
    const top = hits[0]?.score ?? 1;
    const votes = new Map<string, { ref: ArticleRef; score: number }>();
    for (const h of hits) {
      for (const ref of this.cases[h.doc]!.provisions) {
        const e = votes.get(articleKey(ref)) ?? { ref, score: 0 };
        e.score += h.score / top;
        votes.set(articleKey(ref), e);
      }
    }
    const freq = new Map(frequencyRanking(this.cases, excludeDocumentId).map((e, i) => [articleKey(e.ref), i]));
    const rank = (key: string) => freq.get(key) ?? Number.MAX_SAFE_INTEGER;
    return [...votes.entries()]
      .sort(([ka, a], [kb, b]) => b.score - a.score || rank(ka) - rank(kb))
      .slice(0, k)
      .map(([, e]) => e.ref);
  }
}
