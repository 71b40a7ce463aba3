/**
 * The judges' recommender evaluated honestly: every weight it uses is chosen by nested
 * cross-validation on the dataset itself (see `nested-cv.ts`), and each question is scored with
 * weights chosen without it. Questions are routed as the service routes them (case type first),
 * then compared with two baselines on the same questions: the provisions most often applied, and
 * the provisions of the most similar cases.
 */
import { classifyCaseType } from '../../cases/case-type.js';
import { isFactPattern } from '../../cases/fact-pattern.js';
import { caseIndexFor } from '../../cases/case-index.js';
import { JudgeAdvisor } from '../../cases/judge-advisor.js';
import { loadJudgeWeights } from '../../cases/recommender-weights.js';
import type { PreparedCriminal } from '../../cases/criminal/criminal-recommender.js';
import type { CitedProvision } from '../../cases/extract-provisions.js';
import { articleKey } from '../eval-question.js';
import { percentile } from '../percentile.js';
import { round } from '../score-question.js';
import { criminalBaselines } from './criminal-baselines.js';
import { frequencyRanking } from './frequent-provisions.js';
import { judgmentCases } from './judgment-cases.js';
import { nestedCv } from './nested-cv.js';
import { ProvisionExperiment, type ExperimentInput } from './provision-experiment.js';
import { SimilarJudgments } from './similar-judgments.js';

export interface ProvisionCvInput extends ExperimentInput {
  /** Gold provisions with clauses and points, by question id (criminal sets). */
  clauseGold?: ReadonlyMap<string, CitedProvision[]>;
  /** The dataset's own case type of each question, when it gives one. */
  caseTypes?: ReadonlyMap<string, string>;
  folds?: number;
  innerFolds?: number;
  seed?: number;
}

export interface ProvisionCvRow {
  system: string;
  'recall@5': number;
  'recall@10': number;
  'substantive recall@5': number;
  'substantive recall@10': number;
  /** Criminal questions: the first recommendation is an offense the court applied. */
  'offense@1': number | null;
  /** Criminal questions: every offense the court applied is in the top 3. */
  'offenses@3': number | null;
  /** Criminal questions: gold offenses charged under the gold clause. */
  'clause accuracy': number | null;
  latency_ms_p50: number | null;
  latency_ms_p95: number | null;
}

export interface ProvisionCvReport {
  questions: number;
  criminal: number;
  civil: number;
  /** Questions with substantive gold in the corpus. */
  substantiveQuestions: number;
  /** Share of questions whose case type the classifier got right, when the dataset states it. */
  caseTypeAccuracy: number | null;
  /**
   * What `/v1/cases/provisions` does for each description, timed in-process after one warm-up call:
   * the advisor as served (fitted weights, no judgment left out), article texts, similar cases and reasons.
   */
  served: { latency_ms_p50: number; latency_ms_p95: number };
  /** Share of questions the chat hands to the case advisor (a fact pattern with provisions to give) instead of answering or refusing. */
  chatRouted: number;
  rows: ProvisionCvRow[];
  /** Weights chosen in each outer fold, per family. */
  chosen: { family: 'criminal' | 'civil'; fold: number; weights: unknown }[];
  perQuestion: { id: string; family: 'criminal' | 'civil'; gold: string[]; returned: Record<string, string[]> }[];
}

type Ranked = string[];

const mean = (xs: number[]) => (xs.length > 0 ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);

/** Runs the evaluation; see the module comment. */
export async function evaluateProvisionsCv(input: ProvisionCvInput): Promise<ProvisionCvReport> {
  const { index, questions } = input;
  const x = await ProvisionExperiment.prepare(input);
  const { families, prepared, prepareMs, grids, code, criminal } = x;

  // 2. Each family's weights by nested CV over its own questions.
  const rankedBy = new Array<Ranked>(questions.length);
  const decideMs = new Array<number>(questions.length).fill(0);
  const chosen: ProvisionCvReport['chosen'] = [];
  const chosenPoint = new Array<number>(questions.length).fill(0);
  const outerFold = new Array<number>(questions.length).fill(0);
  for (const family of ['criminal', 'civil'] as const) {
    const { items, matrix } = x.matrix(family);
    if (items.length === 0) continue;
    const grid = grids[family];
    const cv = nestedCv(matrix, items.length, input.folds ?? 5, input.innerFolds ?? 4, input.seed ?? 7);
    cv.chosenPerFold.forEach((p, fold) => chosen.push({ family, fold, weights: grid[p] }));
    items.forEach((i, j) => {
      outerFold[i] = cv.folds[j]!;
      chosenPoint[i] = cv.chosenForItem[j]!;
      const t0 = performance.now();
      rankedBy[i] = x.rank(i, cv.chosenForItem[j]!);
      decideMs[i] = performance.now() - t0;
    });
  }

  // 3. Baselines on the same questions and folds.
  const corpusCases = judgmentCases(index);
  const similar = new SimilarJudgments(corpusCases);
  const criminalIdx = questions.map((_, i) => i).filter((i) => families[i] === 'criminal');
  const crim = criminalBaselines(
    criminalIdx.map((i) => questions[i]!),
    criminalIdx.map((i) => outerFold[i]!),
  );
  const frequency: Ranked[] = [];
  const similarRanked: Ranked[] = [];
  for (const [i, q] of questions.entries()) {
    if (families[i] === 'criminal') {
      const j = criminalIdx.indexOf(i);
      frequency.push(crim.frequency[j]!);
      similarRanked.push(crim.similar[j]!);
    } else {
      frequency.push(frequencyRanking(corpusCases, q.excludeDocumentId).map((e) => articleKey(e.ref)));
      similarRanked.push((await similar.recommend(q.text, 50, q.excludeDocumentId)).map(articleKey));
    }
  }

  // 4. Rows.
  const clauseAccuracy = (): number | null => {
    if (!input.clauseGold || !criminal || !code) return null;
    let hit = 0;
    let n = 0;
    for (const i of criminalIdx) {
      const q = questions[i]!;
      const r = criminal.decide(prepared[i] as PreparedCriminal, grids.criminal[chosenPoint[i]!]);
      for (const g of input.clauseGold.get(q.id) ?? []) {
        if (!code.offense(g.article) || !g.clause) continue;
        n++;
        if (r.offenses.some((o) => o.offense.article === g.article.toLowerCase() && o.match.clause.number === g.clause)) hit++;
      }
    }
    return n > 0 ? hit / n : null;
  };
  const row = (system: string, ranked: Ranked[], latencies: number[] | null, clause: number | null): ProvisionCvRow => {
    const s = questions.map((_, i) => x.score(i, ranked[i]!));
    const all = s.flatMap((x) => (x.all ? [x.all] : []));
    const sub = s.flatMap((x) => (x.substantive ? [x.substantive] : []));
    const off1 = s.flatMap((x) => (x.offense1 === undefined ? [] : [x.offense1]));
    const off3 = s.flatMap((x) => (x.offenses3 === undefined ? [] : [x.offenses3]));
    return {
      system,
      'recall@5': round(mean(all.map((r) => r['recall@5']))),
      'recall@10': round(mean(all.map((r) => r['recall@10']))),
      'substantive recall@5': round(mean(sub.map((r) => r['recall@5']))),
      'substantive recall@10': round(mean(sub.map((r) => r['recall@10']))),
      'offense@1': off1.length > 0 ? round(mean(off1)) : null,
      'offenses@3': off3.length > 0 ? round(mean(off3)) : null,
      'clause accuracy': clause === null ? null : round(clause),
      latency_ms_p50: latencies ? round(percentile(latencies, 50), 1) : null,
      latency_ms_p95: latencies ? round(percentile(latencies, 95), 1) : null,
    };
  };
  const latencies = prepareMs.map((ms, i) => ms + decideMs[i]!);
  const rows = [row('frequent-provisions', frequency, null, null), row('similar-judgments', similarRanked, null, null), row('recommender (nested CV)', rankedBy, latencies, clauseAccuracy())];
  const typed = questions.filter((q) => input.caseTypes?.get(q.id));
  const advisor = new JudgeAdvisor(caseIndexFor(index), input.retriever, loadJudgeWeights(), input.thesaurus);
  await advisor.advise(questions[0]?.text ?? '');
  const served: number[] = [];
  for (const q of questions) {
    const t0 = performance.now();
    await advisor.advise(q.text, { k: 10 });
    served.push(performance.now() - t0);
  }
  return {
    questions: questions.length,
    criminal: criminalIdx.length,
    civil: questions.length - criminalIdx.length,
    substantiveQuestions: questions.filter((q) => q.gold.some((g) => !x.procedural(articleKey(g)))).length,
    served: { latency_ms_p50: round(percentile(served, 50), 1), latency_ms_p95: round(percentile(served, 95), 1) },
    chatRouted: round(mean(questions.map((q, i) => (isFactPattern(q.text) && rankedBy[i]!.length > 0 ? 1 : 0)))),
    caseTypeAccuracy: typed.length > 0 ? round(mean(typed.map((q) => (classifyCaseType(q.text).type === input.caseTypes!.get(q.id)!.toLowerCase() ? 1 : 0)))) : null,
    rows,
    chosen,
    perQuestion: questions.map((q, i) => ({ id: q.id, family: families[i]!, gold: q.gold.map(articleKey), returned: { 'frequent-provisions': frequency[i]!.slice(0, 10), 'similar-judgments': similarRanked[i]!.slice(0, 10), recommender: rankedBy[i]!.slice(0, 10) } })),
  };
}
