import { DECISION_FEATURES, decideFrom, type DecisionModel, type Outcome, type OutcomeUtility } from './answer-decision.js';
import { fitLogistic } from './logistic-model.js';

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
export const OUTCOME_UTILITY: OutcomeUtility = {
  answerable: { answerRight: 1, answerWrong: -0.25, suggestRight: 0.25, suggestWrong: 0, refuse: -1 },
  unanswerable: { answer: -2, suggest: 0.5, refuse: 1 },
};

/** The utility of one outcome for one example. */
export function outcomeUtility(e: DecisionExample, outcome: Outcome): number {
  if (!e.answerable) return OUTCOME_UTILITY.unanswerable[outcome];
  const u = OUTCOME_UTILITY.answerable;
  if (outcome === 'answer') return e.correct ? u.answerRight : u.answerWrong;
  if (outcome === 'suggest') return e.goldInTop3 ? u.suggestRight : u.suggestWrong;
  return u.refuse;
}

/**
 * Fits the decision: logistic models for "the first article is right", "a right one is among the
 * first three" and "the corpus answers it" (unanswerable questions count as wrong for the first
 * two). The outcome is then the one of highest expected utility, so nothing else is fitted.
 * Callers cross-validate it, and should pass examples whose rankings came from a reranker that did
 * not see them.
 */
export function fitDecision(examples: readonly DecisionExample[], l2 = 1): DecisionModel {
  const xs = examples.map((e) => e.x);
  // Weights rescaled to mean 1, so the L2 penalty means the same whatever the sources' shares.
  const mean = examples.reduce((s, e) => s + e.weight, 0) / Math.max(examples.length, 1);
  const sampleWeights = examples.map((e) => e.weight / mean);
  const fit = (label: (e: DecisionExample) => boolean) => fitLogistic(xs, examples.map((e) => (label(e) ? 1 : 0)), { l2, sampleWeights });
  return { features: DECISION_FEATURES, correct: fit((e) => e.correct), top3: fit((e) => e.goldInTop3), answerable: fit((e) => e.answerable), utility: OUTCOME_UTILITY };
}

/** Outcome counts and weighted utility of a model on examples (for reports). */
export function decisionOutcomes(model: DecisionModel, examples: readonly DecisionExample[]): { outcome: Outcome; example: DecisionExample }[] {
  return examples.map((example) => ({ outcome: decideFrom(model, example.x).outcome, example }));
}
