/**
 * The judges' recommender evaluated honestly: every weight it uses is chosen by nested
 * cross-validation on the dataset itself (see `nested-cv.ts`), and each question is scored with
 * weights chosen without it. Questions are routed as the service routes them (case type first),
 * then compared with two baselines on the same questions: the provisions most often applied, and
 * the provisions of the most similar cases.
 */
import { caseIndexFor } from '../../cases/case-index.js';
import { classifyCaseType } from '../../cases/case-type.js';
import { rankedArticles, type CriminalRecommender, type PreparedCriminal } from '../../cases/criminal/criminal-recommender.js';
import type { CitedProvision } from '../../cases/extract-provisions.js';
import { isProceduralDocument } from '../../cases/procedural.js';
import { ProvisionRecommender, type PreparedCivil } from '../../cases/provision-recommender.js';
import { civilGrid, criminalGrid } from '../../cases/recommender-weights.js';
import { criminalCodeOf } from '../../cases/criminal/criminal-code.js';
import { CriminalRecommender as CriminalRecommenderImpl } from '../../cases/criminal/criminal-recommender.js';
import type { CorpusIndex } from '../../index/corpus-index.js';
import type { HybridRetriever } from '../../retrieval/hybrid-retriever.js';
import { articleKey, type EvalQuestion } from '../eval-question.js';
import { percentile } from '../percentile.js';
import { rankingScores } from '../ranking-metrics.js';
import { round } from '../score-question.js';
import { criminalBaselines } from './criminal-baselines.js';
import { frequencyRanking } from './frequent-provisions.js';
import { judgmentCases } from './judgment-cases.js';
import { nestedCv } from './nested-cv.js';
import { SimilarJudgments } from './similar-judgments.js';

export interface ProvisionCvInput {
  index: CorpusIndex;
  retriever: HybridRetriever;
  /** Questions with their gold mapped to corpus articles. */
  questions: EvalQuestion[];
  /** Gold provisions with clauses and points, by question id (criminal sets). */
  clauseGold?: ReadonlyMap<string, CitedProvision[]>;
  /** The dataset's own case type of each question, when it gives one. */
  caseTypes?: ReadonlyMap<string, string>;
  folds?: number;
  innerFolds?: number;
  seed?: number;
  log?: (message: string) => void;
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
  rows: ProvisionCvRow[];
  /** Weights chosen in each outer fold, per family. */
  chosen: { family: 'criminal' | 'civil'; fold: number; weights: unknown }[];
  perQuestion: { id: string; family: 'criminal' | 'civil'; gold: string[]; returned: Record<string, string[]> }[];
}

type Ranked = string[];

const mean = (xs: number[]) => (xs.length > 0 ? xs.reduce((s, x) => s + x, 0) / xs.length : 0);

interface Scored {
  all: ReturnType<typeof rankingScores> | undefined;
  substantive: ReturnType<typeof rankingScores> | undefined;
  offense1?: number;
  offenses3?: number;
}

export const OBJECTIVES = {
  /** Criminal: the offense first, every offense in the top 3, then the rest of the list. */
  criminal: (s: Scored) => (s.offense1 ?? 0) + 0.5 * (s.offenses3 ?? 0) + (s.all?.['recall@10'] ?? 0),
  /** Civil: substantive recall first (what a judge needs), all provisions second. */
  civil: (s: Scored) => (s.substantive?.['recall@10'] ?? 0) + 0.5 * (s.all?.['recall@10'] ?? 0),
};

/** Runs the evaluation; see the module comment. */
export async function evaluateProvisionsCv(input: ProvisionCvInput): Promise<ProvisionCvReport> {
  const { index, retriever, questions } = input;
  const log = input.log ?? (() => {});
  const cases = caseIndexFor(index);
  const civil = new ProvisionRecommender(cases, retriever);
  const code = criminalCodeOf(index);
  const criminal: CriminalRecommender | undefined = code ? new CriminalRecommenderImpl(code, index, retriever) : undefined;
  const procedural = (key: string) => isProceduralDocument(index, key.slice(0, key.lastIndexOf('#')));
  const offenseArticles = (q: EvalQuestion) => new Set(q.gold.filter((g) => code && g.documentId === code.documentId && code.offense(g.article)).map(articleKey));

  const score = (q: EvalQuestion, ranked: Ranked, family: 'criminal' | 'civil'): Scored => {
    const gold = new Set(q.gold.map(articleKey));
    const subGold = new Set([...gold].filter((k) => !procedural(k)));
    const s: Scored = { all: gold.size > 0 ? rankingScores(ranked, gold) : undefined, substantive: subGold.size > 0 ? rankingScores(ranked.filter((k) => !procedural(k)), subGold) : undefined };
    const offenses = offenseArticles(q);
    if (family === 'criminal' && offenses.size > 0) {
      s.offense1 = offenses.has(ranked[0] ?? '') ? 1 : 0;
      s.offenses3 = [...offenses].every((k) => ranked.slice(0, 3).includes(k)) ? 1 : 0;
    }
    return s;
  };

  // 1. Route and prepare every question once (the expensive part), timing it.
  const families = questions.map((q) => (classifyCaseType(q.text).family === 'criminal' && criminal ? 'criminal' : 'civil') as 'criminal' | 'civil');
  const prepared: (PreparedCriminal | PreparedCivil)[] = [];
  const prepareMs: number[] = [];
  for (const [i, q] of questions.entries()) {
    const t0 = performance.now();
    prepared.push(families[i] === 'criminal' ? await criminal!.prepare(q.text) : await civil.prepare(q.text, q.excludeDocumentId));
    prepareMs.push(performance.now() - t0);
    if ((i + 1) % 10 === 0) log(`prepared ${i + 1}/${questions.length}`);
  }

  // 2. Each family's weights by nested CV over its own questions.
  const rankedBy = new Array<Ranked>(questions.length);
  const decideMs = new Array<number>(questions.length).fill(0);
  const chosen: ProvisionCvReport['chosen'] = [];
  const chosenPoint = new Array<number>(questions.length).fill(0);
  const grids = { criminal: criminalGrid(), civil: civilGrid() };
  const outerFold = new Array<number>(questions.length).fill(0);
  for (const family of ['criminal', 'civil'] as const) {
    const items = questions.map((_, i) => i).filter((i) => families[i] === family);
    if (items.length === 0) continue;
    const rank = (i: number, p: number): Ranked => {
      if (family === 'criminal') {
        const r = criminal!.decide(prepared[i] as PreparedCriminal, grids.criminal[p]);
        return rankedArticles(r).map((a) => `${code!.documentId}#${a}`);
      }
      return civil.decide(prepared[i] as PreparedCivil, grids.civil[p]).merged.map((s) => s.key);
    };
    const grid = grids[family];
    log(`${family}: ${items.length} questions × ${grid.length} weight settings`);
    const matrix = grid.map((_, p) => items.map((i) => OBJECTIVES[family](score(questions[i]!, rank(i, p), family))));
    const cv = nestedCv(matrix, items.length, input.folds ?? 5, input.innerFolds ?? 4, input.seed ?? 7);
    cv.chosenPerFold.forEach((p, fold) => chosen.push({ family, fold, weights: grid[p] }));
    items.forEach((i, j) => {
      outerFold[i] = cv.folds[j]!;
      chosenPoint[i] = cv.chosenForItem[j]!;
      const t0 = performance.now();
      rankedBy[i] = rank(i, cv.chosenForItem[j]!);
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
    const s = questions.map((q, i) => score(q, ranked[i]!, families[i]!));
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
  return {
    questions: questions.length,
    criminal: criminalIdx.length,
    civil: questions.length - criminalIdx.length,
    substantiveQuestions: questions.filter((q) => q.gold.some((g) => !procedural(articleKey(g)))).length,
    caseTypeAccuracy: typed.length > 0 ? round(mean(typed.map((q) => (classifyCaseType(q.text).type === input.caseTypes!.get(q.id)!.toLowerCase() ? 1 : 0)))) : null,
    rows,
    chosen,
    perQuestion: questions.map((q, i) => ({ id: q.id, family: families[i]!, gold: q.gold.map(articleKey), returned: { 'frequent-provisions': frequency[i]!.slice(0, 10), 'similar-judgments': similarRanked[i]!.slice(0, 10), recommender: rankedBy[i]!.slice(0, 10) } })),
  };
}
