import { DECISION_FEATURES, decideFrom, type DecisionModel, type Outcome } from './answer-decision.js';
import { fitLogistic, predictProbability } from './logistic-model.js';

/** One question as the decision learns from it. */
export interface DecisionExample {
  x: Float64Array;
  /** The first article is a gold one. */
  correct: boolean;
  /** A gold article is among the three a "gợi ý" would list. */
  goldInTop3: boolean;
  /** The corpus answers the question at all. */
  answerable: boolean;
  weight: number;
}

/**
 * What each outcome is worth, by whether the corpus answers the question. Not fitted: set once from
 * what the product promises (issue 9's targets) — answer what the corpus answers, citing the right
 * article; never answer what it cannot (the worst outcome); a refusal of an answerable question is
 * nearly as bad. A "gợi ý" is an honest reply to a question the corpus cannot answer, and only a
 * small help for one it can (the user must ask again); an answer citing a near-miss article of the
 * right law costs less than refusing.
 */
export const OUTCOME_UTILITY = {
  answerable: { answerRight: 1, answerWrong: -0.25, suggestRight: 0.25, suggestWrong: 0, refuse: -1 },
  unanswerable: { answer: -2, suggest: 0.5, refuse: 1 },
} as const;

/** The utility of one outcome for one example. */
export function outcomeUtility(e: DecisionExample, outcome: Outcome): number {
  if (!e.answerable) return OUTCOME_UTILITY.unanswerable[outcome];
  const u = OUTCOME_UTILITY.answerable;
  if (outcome === 'answer') return e.correct ? u.answerRight : u.answerWrong;
  if (outcome === 'suggest') return e.goldInTop3 ? u.suggestRight : u.suggestWrong;
  return u.refuse;
}

const grid = (from: number, to: number, step: number) => Array.from({ length: Math.round((to - from) / step) + 1 }, (_, i) => Math.round((from + i * step) * 1000) / 1000);

/**
 * Fits the decision: a logistic model for "the first article is right" (unanswerable questions
 * count as wrong), one for "the corpus answers it", then the two thresholds that maximise the
 * weighted utility on the same examples. Callers cross-validate it, and should pass examples whose
 * rankings came from a reranker that did not see them.
 */
export function fitDecision(examples: readonly DecisionExample[], l2 = 1): DecisionModel {
  const xs = examples.map((e) => e.x);
  const weights = examples.map((e) => e.weight);
  const correct = fitLogistic(xs, examples.map((e) => (e.correct ? 1 : 0)), { l2, sampleWeights: weights });
  const answerable = fitLogistic(xs, examples.map((e) => (e.answerable ? 1 : 0)), { l2, sampleWeights: weights });
  const pc = examples.map((e) => predictProbability(correct, e.x));
  const pa = examples.map((e) => predictProbability(answerable, e.x));
  let best = { answerAt: 0.5, suggestAt: 0.5, u: -Infinity };
  for (const answerAt of grid(0.2, 0.95, 0.025)) {
    for (const suggestAt of grid(0.05, 0.95, 0.025)) {
      let u = 0;
      examples.forEach((e, i) => {
        const outcome: Outcome = pc[i]! >= answerAt ? 'answer' : pa[i]! >= suggestAt ? 'suggest' : 'refuse';
        u += e.weight * outcomeUtility(e, outcome);
      });
      // Ties go to the stricter answer threshold: fewer confident answers for the same utility.
      if (u > best.u + 1e-9) best = { answerAt, suggestAt, u };
    }
  }
  return { features: DECISION_FEATURES, correct, answerable, answerAt: best.answerAt, suggestAt: best.suggestAt };
}

/** Outcome counts and weighted utility of a model on examples (for reports). */
export function decisionOutcomes(model: DecisionModel, examples: readonly DecisionExample[]): { outcome: Outcome; example: DecisionExample }[] {
  return examples.map((example) => ({ outcome: decideFrom(model, example.x).outcome, example }));
}
