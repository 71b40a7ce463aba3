import type { Answer } from '../answer/answer-generator.js';
import type { CaseAdvisor as CaseAdvisorPort } from '../answer/chat-service.js';
import type { HybridRetriever } from '../retrieval/hybrid-retriever.js';
import { composeCaseAnswer } from './case-answer.js';
import type { CaseIndex } from './case-index.js';
import { isFactPattern } from './fact-pattern.js';
import { ProvisionRecommender } from './provision-recommender.js';

export interface CaseAdvisorOptions {
  /** Provisions listed in the answer. */
  provisions: number;
  /** Similar judgments listed in the answer. */
  judgments: number;
}

/**
 * The chat's route for judges: a message that describes a dispute is answered with the provisions
 * most likely to apply (each cited to its article text) and the most similar judgments (each cited
 * to its reasoning), instead of a single quoted rule.
 */
export class CaseAdvisor implements CaseAdvisorPort {
  private readonly recommender: ProvisionRecommender;

  constructor(
    private readonly cases: CaseIndex,
    retriever: HybridRetriever,
    private readonly o: CaseAdvisorOptions = { provisions: 10, judgments: 3 },
  ) {
    this.recommender = new ProvisionRecommender(cases, retriever);
  }

  async advise(question: string): Promise<Answer | undefined> {
    return isFactPattern(question) ? this.adviseOnFacts(question) : undefined;
  }

  /** Advises on any text taken as a dispute (a judge's explicit choice), or undefined when no provision comes up. */
  async adviseOnFacts(facts: string): Promise<Answer | undefined> {
    if (this.cases.records.length === 0) return undefined;
    const rec = await this.recommender.recommend(facts, { k: this.o.provisions });
    if (rec.provisions.length === 0) return undefined;
    return composeCaseAnswer(this.cases.index, facts, rec, this.o.judgments);
  }
}
