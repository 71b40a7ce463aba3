import type { Answer } from '../answer/answer-generator.js';
import type { CaseAdvisor as CaseAdvisorPort } from '../answer/chat-service.js';
import type { CorpusIndex } from '../index/corpus-index.js';
import type { ServedIndex } from '../index/served-index.js';
import { composeCaseAnswer } from './case-answer.js';
import { isFactPattern } from './fact-pattern.js';
import type { JudgeAdvisor } from './judge-advisor.js';

export interface CaseAdvisorOptions {
  /** Provisions listed in the answer. */
  provisions: number;
  /** Similar judgments listed in the answer. */
  judgments: number;
}

/**
 * The chat's route for judges: a message that describes a criminal or civil case is answered with
 * the case type, the provisions likely to apply (each cited to the clause or article text, with its
 * reason) and the most similar judgments, instead of a single quoted rule.
 */
export class CaseAdvisor implements CaseAdvisorPort {
  constructor(
    private readonly judge: JudgeAdvisor,
    private readonly o: CaseAdvisorOptions = { provisions: 10, judgments: 3 },
  ) {}

  async advise(question: string): Promise<Answer | undefined> {
    return isFactPattern(question) ? this.adviseOnFacts(question) : undefined;
  }

  /** Advises on any text taken as a case description (a judge's explicit choice), or undefined when no provision comes up. */
  async adviseOnFacts(facts: string): Promise<Answer | undefined> {
    const advice = await this.judge.advise(facts, { k: this.o.provisions });
    if (advice.provisions.length === 0 && advice.procedural.length === 0) return undefined;
    return composeCaseAnswer(this.judge.cases.index, advice, this.o.judgments);
  }
}

/**
 * The chat's case advisor over a served index: its judgments are loaded on the first fact pattern,
 * not when the index is (`judgeFor` builds the judge advisor over them).
 */
export function lazyCaseAdvisor(index: ServedIndex, judgeFor: (corpus: CorpusIndex) => JudgeAdvisor): CaseAdvisorPort {
  let advisor: Promise<CaseAdvisor> | undefined;
  return {
    advise: async (question) => {
      if (!isFactPattern(question)) return undefined;
      advisor ??= index.caseCorpus().then((corpus) => new CaseAdvisor(judgeFor(corpus)));
      return (await advisor).advise(question);
    },
  };
}
