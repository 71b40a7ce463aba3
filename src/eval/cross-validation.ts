import { decideFrom, decisionFeatures, ruleDecision, type DecisionInput, type DecisionModel, type Outcome } from '../answer/answer-decision.js';
import { fitDecision, outcomeUtility, type DecisionExample } from '../answer/train-decision.js';
import { DEFAULT_WEIGHTS, FEATURE_NAMES, type FeatureName, type RerankerWeights } from '../retrieval/rerank-features.js';
import { firstRelevantRank, trainWeights } from '../retrieval/train-reranker.js';
import type { LabelledQuery } from './training-queries.js';

/** The learned parts of the service: reranker weights and the answer/suggest/refuse decision. */
export interface TrainedModels {
  weights: RerankerWeights;
  decision: DecisionModel;
}

export interface TrainOptions {
  /** Starting weights and the candidate counts and expansion weight, which are not learned here. */
  base: RerankerWeights;
  /** Share of the objective each source gets (`alqac25-dev`: 1, `natural-dev`: 1, `titles`: 0.5); each source's questions split it equally. */
  sourceWeights: Readonly<Record<string, number>>;
  /** Inner folds that give the decision rankings from a reranker that did not see them. */
  innerFolds?: number;
  /** Sources the decision learns from (synthetic title questions are not questions people ask). */
  decisionSources?: readonly string[];
}

const F = Object.fromEntries(FEATURE_NAMES.map((n, i) => [n, i])) as Record<FeatureName, number>;

/**
 * Features that carry product rules rather than evidence to weigh: a briefing of the period the
 * question names wins, and otherwise the newest one (a dated figure is answered with its latest
 * value). Their weights stay as set in DEFAULT_WEIGHTS: the few briefing questions of the dev set
 * must not learn them away.
 */
const RULE_FEATURES: FeatureName[] = ['periodMatch', 'recency'];

function startWeights(o: TrainOptions): Record<FeatureName, number> {
  const w = { ...o.base.weights };
  for (const n of RULE_FEATURES) w[n] = DEFAULT_WEIGHTS.weights[n];
  return w;
}

/** Sets each query's weight so that every source carries its share of the objective. */
function weighted(queries: readonly LabelledQuery[], sourceWeights: Readonly<Record<string, number>>): LabelledQuery[] {
  const counts = new Map<string, number>();
  for (const q of queries) counts.set(q.source, (counts.get(q.source) ?? 0) + 1);
  return queries.map((q) => ({ ...q, weight: (sourceWeights[q.source] ?? 1) / counts.get(q.source)! }));
}

/** A query's candidates ranked by weights: distinct articles' best chunks keep their features. */
export function rankQuery(q: LabelledQuery, w: Record<FeatureName, number>): DecisionInput['ranked'] {
  const wv = FEATURE_NAMES.map((n) => w[n]);
  return q.features
    .map((f, i) => {
      let s = 0;
      for (let j = 0; j < wv.length; j++) s += f[j]! * wv[j]!;
      return { key: q.keys[i]!, score: s, features: f };
    })
    .sort((a, b) => b.score - a.score);
}

/** The decision's example for a query ranked by `w`, or undefined when a rule decides it. */
export function decisionExample(q: LabelledQuery, w: Record<FeatureName, number>): { example: DecisionExample; rule?: Outcome } {
  const ranked = rankQuery(q, w);
  const input: DecisionInput = { ranked, ...q.question };
  const top = ranked[0];
  const direct = top !== undefined && top.features[F.articleReferenced]! > 0 && top.features[F.lawMentioned]! > 0;
  const distinct = [...new Set(ranked.map((r) => r.key))];
  const example: DecisionExample = {
    x: decisionFeatures(input),
    correct: q.answerable && top !== undefined && q.relevant.has(top.key),
    goldInTop3: q.answerable && distinct.slice(0, 3).some((k) => q.relevant.has(k)),
    answerable: q.answerable,
    weight: q.weight ?? 1,
  };
  const rule = ruleDecision(input, direct);
  return { example, ...(rule ? { rule: rule.outcome } : {}) };
}

/**
 * Trains the reranker on the answerable queries, then the decision on rankings each query got
 * from a reranker trained without it (inner folds), so that P(correct) is learned from rankings as
 * good as the ones unseen questions will get, not from memorised ones.
 */
export function trainModels(train: readonly LabelledQuery[], o: TrainOptions): TrainedModels {
  const qs = weighted(train, o.sourceWeights);
  const answerable = qs.filter((q) => q.answerable);
  const weights = { ...o.base, weights: trainWeights(answerable, startWeights(o), 3, RULE_FEATURES) };
  const inner = o.innerFolds ?? 5;
  const decisionSources = new Set(o.decisionSources ?? [...new Set(qs.map((q) => q.source))].filter((s) => s !== 'titles'));
  const examples: DecisionExample[] = [];
  const position = new Map(qs.map((q, i) => [q, i]));
  for (let f = 0; f < inner; f++) {
    const held = qs.filter((q, i) => i % inner === f && decisionSources.has(q.source));
    const w = trainWeights(answerable.filter((q) => position.get(q)! % inner !== f), startWeights(o), 3, RULE_FEATURES);
    for (const q of held) {
      const { example, rule } = decisionExample(q, w);
      if (!rule) examples.push(example);
    }
  }
  return { weights, decision: fitDecision(examples) };
}

/**
 * Cross-validated MRR@10 of the reranker alone, each real source weighed equally (titles train but
 * are not scored): the criterion for settings that change the candidates themselves.
 */
export function crossValidatedRankerMrr(all: readonly LabelledQuery[], folds: number, o: TrainOptions): { mean: number; bySource: Record<string, number> } {
  const sums = new Map<string, { rr: number; n: number }>();
  for (let f = 0; f < folds; f++) {
    const train = weighted(all.filter((q) => q.fold !== f && q.answerable), o.sourceWeights);
    const trained = trainWeights(train, startWeights(o), 3, RULE_FEATURES);
    const w = FEATURE_NAMES.map((n) => trained[n]);
    for (const q of all) {
      if (q.fold !== f || !q.answerable || q.source === 'titles') continue;
      const rank = firstRelevantRank(q, w);
      const s = sums.get(q.source) ?? { rr: 0, n: 0 };
      s.rr += rank > 0 ? 1 / rank : 0;
      s.n++;
      sums.set(q.source, s);
    }
  }
  const bySource = Object.fromEntries([...sums].map(([k, s]) => [k, s.rr / s.n]));
  const values = Object.values(bySource);
  return { mean: values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1), bySource };
}

/** One held-out question's result under models that never saw it. */
export interface HeldOutResult {
  id: string;
  source: string;
  answerable: boolean;
  /** Rank of the first gold article (0: not in the top 10). */
  rank: number;
  outcome: Outcome;
  utility: number;
}

/** K-fold cross-validation: models per fold, and every question's held-out result. */
export function crossValidateModels(all: readonly LabelledQuery[], folds: number, o: TrainOptions, onFold?: (f: number) => void): { models: TrainedModels[]; results: HeldOutResult[] } {
  const models: TrainedModels[] = [];
  const results: HeldOutResult[] = [];
  for (let f = 0; f < folds; f++) {
    onFold?.(f);
    const m = trainModels(all.filter((q) => q.fold !== f), o);
    models.push(m);
    for (const q of weighted(all, o.sourceWeights).filter((x) => x.fold === f && x.source !== 'titles')) {
      const { example, rule } = decisionExample(q, m.weights.weights);
      const outcome = rule ?? decideFrom(m.decision, example.x).outcome;
      results.push({ id: q.id, source: q.source, answerable: q.answerable, rank: q.answerable ? firstRelevantRank(q, FEATURE_NAMES.map((n) => m.weights.weights[n])) : 0, outcome, utility: outcomeUtility(example, outcome) });
    }
  }
  return { models, results };
}

/** Held-out figures per source: MRR@10 and recall@1 of answerable questions, outcome rates. */
export function summarise(results: readonly HeldOutResult[]): Record<string, { n: number; mrr: number; recall1: number; answeredRight: number; answerableRefused: number; unanswerable: number; unanswerableDeclined: number; suggested: number }> {
  const out: ReturnType<typeof summarise> = {};
  for (const source of [...new Set(results.map((r) => r.source))]) {
    const rs = results.filter((r) => r.source === source);
    const ans = rs.filter((r) => r.answerable);
    const un = rs.filter((r) => !r.answerable);
    const share = (xs: readonly HeldOutResult[], p: (r: HeldOutResult) => boolean) => (xs.length ? xs.filter(p).length / xs.length : 0);
    out[source] = {
      n: rs.length,
      mrr: ans.reduce((s, r) => s + (r.rank > 0 ? 1 / r.rank : 0), 0) / Math.max(ans.length, 1),
      recall1: share(ans, (r) => r.rank === 1),
      answeredRight: share(ans, (r) => r.rank === 1 && r.outcome === 'answer'),
      answerableRefused: share(ans, (r) => r.outcome === 'refuse'),
      unanswerable: un.length,
      unanswerableDeclined: share(un, (r) => r.outcome !== 'answer'),
      suggested: share(rs, (r) => r.outcome === 'suggest'),
    };
  }
  return out;
}
