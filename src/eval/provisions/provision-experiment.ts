/**
 * Questions routed and prepared once (the expensive part: search, case index, clause matching),
 * then ranked under any grid point cheaply. Shared by the nested-CV evaluation and by
 * `npm run train-recommender`, which fits the weights on all questions.
 */
import { caseIndexFor } from '../../cases/case-index.js';
import { classifyCaseType } from '../../cases/case-type.js';
import { criminalCodeOf, type CriminalCode } from '../../cases/criminal/criminal-code.js';
import { CriminalRecommender, rankedArticles, type CriminalWeights, type PreparedCriminal } from '../../cases/criminal/criminal-recommender.js';
import { isProceduralDocument } from '../../cases/procedural.js';
import { ProvisionRecommender, type PreparedCivil, type RecommenderWeights } from '../../cases/provision-recommender.js';
import { civilGrid, criminalGrid } from '../../cases/recommender-weights.js';
import type { CorpusIndex } from '../../index/corpus-index.js';
import type { HybridRetriever } from '../../retrieval/hybrid-retriever.js';
import type { Thesaurus } from '../../text/thesaurus.js';
import { articleKey, type EvalQuestion } from '../eval-question.js';
import { rankingScores } from '../ranking-metrics.js';

export type Family = 'criminal' | 'civil';
export type Ranked = string[];

/** One question's scores under one ranking. */
export interface Scored {
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

export interface ExperimentInput {
  index: CorpusIndex;
  retriever: HybridRetriever;
  /** Questions with their gold mapped to corpus articles. */
  questions: EvalQuestion[];
  /** The curated thesaurus the service reads criminal wording with. */
  thesaurus?: Thesaurus;
  log?: (message: string) => void;
}

export class ProvisionExperiment {
  readonly grids = { criminal: criminalGrid(), civil: civilGrid() };

  private constructor(
    readonly input: ExperimentInput,
    readonly code: CriminalCode | undefined,
    readonly criminal: CriminalRecommender | undefined,
    readonly civil: ProvisionRecommender,
    readonly families: Family[],
    readonly prepared: (PreparedCriminal | PreparedCivil)[],
    /** Milliseconds each question took to prepare. */
    readonly prepareMs: number[],
  ) {}

  /** Routes each question by its case type and prepares it once. */
  static async prepare(input: ExperimentInput): Promise<ProvisionExperiment> {
    const { index, retriever, questions } = input;
    const code = criminalCodeOf(index);
    const criminal = code ? new CriminalRecommender(code, index, retriever, input.thesaurus) : undefined;
    const civil = new ProvisionRecommender(caseIndexFor(index), retriever);
    const families = questions.map((q): Family => (classifyCaseType(q.text).family === 'criminal' && criminal ? 'criminal' : 'civil'));
    const prepared: (PreparedCriminal | PreparedCivil)[] = [];
    const prepareMs: number[] = [];
    for (const [i, q] of questions.entries()) {
      const t0 = performance.now();
      prepared.push(families[i] === 'criminal' ? await criminal!.prepare(q.text) : await civil.prepare(q.text, q.excludeDocumentId));
      prepareMs.push(performance.now() - t0);
      if ((i + 1) % 10 === 0) input.log?.(`prepared ${i + 1}/${questions.length}`);
    }
    return new ProvisionExperiment(input, code, criminal, civil, families, prepared, prepareMs);
  }

  get questions(): EvalQuestion[] {
    return this.input.questions;
  }

  itemsOf(family: Family): number[] {
    return this.families.map((_, i) => i).filter((i) => this.families[i] === family);
  }

  /** Article keys best first for question i under grid point p of its family. */
  rank(i: number, p: number): Ranked {
    if (this.families[i] === 'criminal') {
      const r = this.criminal!.decide(this.prepared[i] as PreparedCriminal, this.grids.criminal[p]!);
      return rankedArticles(r).map((a) => `${this.code!.documentId}#${a}`);
    }
    return this.civil.decide(this.prepared[i] as PreparedCivil, this.grids.civil[p]!).merged.map((s) => s.key);
  }

  procedural(key: string): boolean {
    return isProceduralDocument(this.input.index, key.slice(0, key.lastIndexOf('#')));
  }

  score(i: number, ranked: Ranked): Scored {
    const q = this.questions[i]!;
    const gold = new Set(q.gold.map(articleKey));
    const subGold = new Set([...gold].filter((k) => !this.procedural(k)));
    const s: Scored = { all: gold.size > 0 ? rankingScores(ranked, gold) : undefined, substantive: subGold.size > 0 ? rankingScores(ranked.filter((k) => !this.procedural(k)), subGold) : undefined };
    const code = this.code;
    const offenses = new Set(q.gold.filter((g) => code && g.documentId === code.documentId && code.offense(g.article)).map(articleKey));
    if (this.families[i] === 'criminal' && offenses.size > 0) {
      s.offense1 = offenses.has(ranked[0] ?? '') ? 1 : 0;
      s.offenses3 = [...offenses].every((k) => ranked.slice(0, 3).includes(k)) ? 1 : 0;
    }
    return s;
  }

  /** The objective of every grid point (rows) on every question of the family (columns). */
  matrix(family: Family): { items: number[]; matrix: number[][] } {
    const items = this.itemsOf(family);
    this.input.log?.(`${family}: ${items.length} questions × ${this.grids[family].length} weight settings`);
    return { items, matrix: this.grids[family].map((_, p) => items.map((i) => OBJECTIVES[family](this.score(i, this.rank(i, p))))) };
  }

  /** The grid point with the best mean objective over all the family's questions (what the service ships). */
  fit(family: Family): { weights: CriminalWeights | RecommenderWeights; objective: number; questions: number } | undefined {
    const { items, matrix } = this.matrix(family);
    if (items.length === 0) return undefined;
    let best = 0;
    const means = matrix.map((row) => row.reduce((a, b) => a + b, 0) / row.length);
    means.forEach((m, p) => {
      if (m > means[best]! + 1e-12) best = p;
    });
    return { weights: this.grids[family][best]!, objective: means[best]!, questions: items.length };
  }
}
