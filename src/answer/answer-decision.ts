import type { SearchHit, SearchResult } from '../retrieval/hybrid-retriever.js';
import { FEATURE_NAMES } from '../retrieval/rerank-features.js';
import { predictProbability, type LogisticModel } from './logistic-model.js';

/** What the chat does with a question. */
export type Outcome = 'answer' | 'suggest' | 'refuse';

/** Evidence the decision weighs, per question (names in vector order). */
export const DECISION_FEATURES = [
  'coverage',
  'expandedCoverage',
  'pairCoverage',
  'clauseCoverage',
  'dense',
  'score',
  'margin',
  'articleShare',
  'unknownShare',
  'missingNamed',
  'missingTopic',
  'corpusLawNamed',
  'contentWords',
  'titleContained',
  'lawTopic',
] as const;

export type DecisionFeature = (typeof DECISION_FEATURES)[number];

/** What each outcome is worth, by whether the corpus answers the question (see `train-decision.ts`). */
export interface OutcomeUtility {
  answerable: { answerRight: number; answerWrong: number; suggestRight: number; suggestWrong: number; refuse: number };
  unanswerable: { answer: number; suggest: number; refuse: number };
}

/**
 * The calibrated answer/suggest/refuse decision: three logistic models — "the first article is a
 * right one", "a right one is among the three a gợi ý would list", "the corpus answers it at all" —
 * and the outcome of highest expected utility under them. The models are fitted with
 * cross-validation by `npm run train`; the utilities are the product's, not fitted. Shipped as JSON.
 */
export interface DecisionModel {
  features: readonly string[];
  /** P(the first article is a right one). */
  correct: LogisticModel;
  /** P(a right article is among the first three). */
  top3: LogisticModel;
  /** P(some article of the corpus answers the question). */
  answerable: LogisticModel;
  utility: OutcomeUtility;
}

export interface Decision {
  outcome: Outcome;
  pCorrect: number;
  pAnswerable: number;
  /** Why, in words for logs and the eval report. */
  reason: string;
}

const F = Object.fromEntries(FEATURE_NAMES.map((n, i) => [n, i])) as Record<(typeof FEATURE_NAMES)[number], number>;

/** What the decision reads of a search: the ranked hits (article key, score, features) and the question. */
export interface DecisionInput {
  ranked: readonly { key: string; score: number; features: ArrayLike<number> }[];
  unknownShare: number;
  contentWords: number;
  missingNamed: boolean;
  missingTopic: boolean;
  corpusLawNamed: boolean;
}

/** A search as the decision reads it. */
export function decisionInput(search: SearchResult): DecisionInput {
  return {
    ranked: search.hits.map((h: SearchHit) => ({ key: h.chunk.article ? `${h.chunk.documentId}#${h.chunk.article}` : h.chunk.id, score: h.score, features: h.features })),
    unknownShare: search.unknownShare,
    contentWords: search.contentWords,
    missingNamed: search.missingLaws.some((m) => m.how === 'named'),
    missingTopic: search.missingLaws.some((m) => m.how === 'topic' && !m.covered),
    corpusLawNamed: search.mentionedDocuments.length > 0,
  };
}

/** The decision's evidence: the best hit, its lead over the next article, and the question itself. */
export function decisionFeatures(input: DecisionInput): Float64Array {
  const x = new Float64Array(DECISION_FEATURES.length);
  const set = (name: DecisionFeature, v: number) => (x[DECISION_FEATURES.indexOf(name)] = v);
  const hits = input.ranked;
  const top = hits[0];
  if (top) {
    const f = top.features;
    set('coverage', f[F.unigramCoverage]!);
    set('expandedCoverage', f[F.expandedCoverage]!);
    set('pairCoverage', f[F.contentPairCoverage]!);
    set('clauseCoverage', f[F.bestClauseCoverage]!);
    set('dense', f[F.dense]!);
    set('score', top.score);
    const second = hits.find((h) => h.key !== top.key);
    set('margin', second ? top.score - second.score : 1);
    // How much of the top ten is this one article: a clear answer dominates its neighbours.
    const ten = hits.slice(0, 10);
    set('articleShare', ten.filter((h) => h.key === top.key).length / ten.length);
    set('titleContained', f[F.expandedTitleContained]!);
    set('lawTopic', f[F.lawTopic]!);
  }
  set('unknownShare', input.unknownShare);
  set('missingNamed', input.missingNamed ? 1 : 0);
  set('missingTopic', input.missingTopic ? 1 : 0);
  set('corpusLawNamed', input.corpusLawNamed ? 1 : 0);
  set('contentWords', Math.min(input.contentWords, 20) / 20);
  return x;
}

/** Decides what the chat does with a search: answer, suggest or refuse. */
export interface AnswerPolicy {
  decide(search: SearchResult, directReference: boolean): Decision;
  /** Whether an answer no sentence supports becomes a "gợi ý" (else a refusal). */
  readonly suggests: boolean;
}

/**
 * The calibrated policy. Two rules come before the models: a question that names the article it
 * asks about is answered from it, and one that names only laws the corpus lacks is refused.
 */
export class CalibratedPolicy implements AnswerPolicy {
  readonly suggests = true;
  constructor(readonly model: DecisionModel) {}

  decide(search: SearchResult, directReference: boolean): Decision {
    const input = decisionInput(search);
    const rule = ruleDecision(input, directReference);
    if (rule) return rule.outcome === 'refuse' && input.missingNamed ? { ...rule, reason: `names ${search.missingLaws.filter((m) => m.how === 'named').map((m) => m.name).join(', ')}, which the corpus lacks` } : rule;
    return datedFigureDecision(input, decideFrom(this.model, decisionFeatures(input)));
  }
}

/** The decisions no model overrides: nothing found, the article named, or only missing laws named. */
export function ruleDecision(input: DecisionInput, directReference: boolean): Decision | undefined {
  if (!input.ranked[0]) return { outcome: 'refuse', pCorrect: 0, pAnswerable: 0, reason: 'no provision matched' };
  if (directReference) return { outcome: 'answer', pCorrect: 1, pAnswerable: 1, reason: 'the question names the article' };
  if (input.missingNamed && !input.corpusLawNamed) return { outcome: 'refuse', pCorrect: 0, pAnswerable: 0, reason: 'names only laws the corpus lacks' };
  return undefined;
}

/**
 * A question that names a reporting period (`năm 2023`, `tháng 8/2022`, `quý III/2023`) whose
 * first hit is the briefing of exactly that period is answered from it, with its date, rather than
 * offered as a "gợi ý": the models learn from few briefing questions, and the period settles which
 * briefing is meant. Only when they think the corpus answers the question at all (P ≥ ½), so a price
 * or a figure no briefing reports, asked for a year, is still not answered from that year's briefing.
 */
export function datedFigureDecision(input: DecisionInput, decision: Decision): Decision {
  const top = input.ranked[0];
  if (decision.outcome !== 'suggest' || decision.pAnswerable < 0.5 || !top || top.features[F.periodMatch]! < 1) return decision;
  return { ...decision, outcome: 'answer', reason: `${decision.reason}; the question names the reporting period of the briefing found first` };
}

/** The outcome of highest expected utility on a feature vector (training uses it directly). */
export function decideFrom(model: DecisionModel, x: ArrayLike<number>): Decision {
  // P(right first) ≤ P(right in three) ≤ P(answerable), as the events nest.
  const pAnswerable = predictProbability(model.answerable, x);
  const pTop3 = Math.min(predictProbability(model.top3, x), pAnswerable);
  const pCorrect = Math.min(predictProbability(model.correct, x), pTop3);
  const u = model.utility;
  const expected: Record<Outcome, number> = {
    answer: pCorrect * u.answerable.answerRight + (pAnswerable - pCorrect) * u.answerable.answerWrong + (1 - pAnswerable) * u.unanswerable.answer,
    suggest: pTop3 * u.answerable.suggestRight + (pAnswerable - pTop3) * u.answerable.suggestWrong + (1 - pAnswerable) * u.unanswerable.suggest,
    refuse: pAnswerable * u.answerable.refuse + (1 - pAnswerable) * u.unanswerable.refuse,
  };
  const outcome = (['answer', 'suggest', 'refuse'] as const).reduce((best, o) => (expected[o] > expected[best] ? o : best));
  const reason = `P(right first) ${pCorrect.toFixed(2)}, P(right in three) ${pTop3.toFixed(2)}, P(answerable) ${pAnswerable.toFixed(2)}; expected utility answer ${expected.answer.toFixed(2)}, suggest ${expected.suggest.toFixed(2)}, refuse ${expected.refuse.toFixed(2)}`;
  return { outcome, pCorrect, pAnswerable, reason };
}

/**
 * The first build's rule, kept as the eval's baseline: refuse when the best hit covers less than
 * 30% of the question's IDF-weighted words or 20% of its content word pairs; never suggest.
 */
export class CoverageThresholdPolicy implements AnswerPolicy {
  readonly suggests = false;
  constructor(
    private readonly coverage = 0.3,
    private readonly pairs = 0.2,
  ) {}

  decide(search: SearchResult, directReference: boolean): Decision {
    const top = search.hits[0];
    if (!top) return { outcome: 'refuse', pCorrect: 0, pAnswerable: 0, reason: 'no provision matched' };
    if (directReference) return { outcome: 'answer', pCorrect: 1, pAnswerable: 1, reason: 'the question names the article' };
    const ok = top.features[F.unigramCoverage]! >= this.coverage && top.features[F.contentPairCoverage]! >= this.pairs;
    return { outcome: ok ? 'answer' : 'refuse', pCorrect: ok ? 1 : 0, pAnswerable: ok ? 1 : 0, reason: ok ? 'coverage above thresholds' : 'coverage below thresholds' };
  }
}
