import { articleKey, type ArticleRef } from '../eval-question.js';
import type { JudgmentCase } from './judgment-cases.js';
import type { ProvisionSystem } from './provision-system.js';

/** Provisions ranked by how many judgments applied them, the judgment being scored left out. */
export function frequencyRanking(cases: readonly JudgmentCase[], excludeDocumentId: string | undefined): { ref: ArticleRef; count: number }[] {
  const counts = new Map<string, { ref: ArticleRef; count: number }>();
  for (const c of cases) {
    if (c.documentId === excludeDocumentId) continue;
    for (const ref of c.provisions) {
      const e = counts.get(articleKey(ref)) ?? { ref, count: 0 };
      e.count++;
      counts.set(articleKey(ref), e);
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || articleKey(a.ref).localeCompare(articleKey(b.ref)));
}

/** Baseline: the same most-frequent provisions for every case, whatever it is about. */
export class FrequentProvisions implements ProvisionSystem {
  readonly name = 'frequent-provisions';

  constructor(private readonly cases: readonly JudgmentCase[]) {}

  async recommend(_caseQuery: string, k: number, excludeDocumentId: string | undefined): Promise<ArticleRef[]> {
    return frequencyRanking(this.cases, excludeDocumentId)
      .slice(0, k)
      .map((e) => e.ref);
  }
}
