import { articleKey, type ArticleRef, type EvalQuestion } from '../eval-question.js';
import type { EvalSystem, SystemOutput } from '../eval-system.js';

/** A judges' provision recommender: a case description in, the provisions to apply out, best first. */
export interface ProvisionSystem {
  readonly name: string;
  /** `excludeDocumentId` is the judgment being scored: it must play no part in the answer. */
  recommend(caseQuery: string, k: number, excludeDocumentId: string | undefined): Promise<ArticleRef[]>;
}

/** Adapts a provision recommender to the eval port: it ranks articles and gives no answer. */
export class ProvisionEvalSystem implements EvalSystem {
  constructor(private readonly system: ProvisionSystem) {}

  get name(): string {
    return this.system.name;
  }

  async run(q: EvalQuestion): Promise<SystemOutput> {
    const t0 = performance.now();
    const refs = await this.system.recommend(q.text, 10, q.excludeDocumentId);
    const latencyMs = performance.now() - t0;
    const byKey = new Map<string, ArticleRef>();
    for (const a of refs) if (!byKey.has(articleKey(a))) byKey.set(articleKey(a), a);
    const articles = [...byKey.values()].slice(0, 10);
    return { articles, refused: articles.length === 0, latencyMs };
  }
}
