import path from 'node:path';
import type { CorpusIndex } from '../index/corpus-index.js';
import { createRetriever, type RetrievalResources } from '../retrieval/create-retriever.js';
import type { SearchFilters } from '../retrieval/search-filters.js';
import { crossValidateModels, summarise, trainModels, type HeldOutResult, type TrainedModels, type TrainOptions } from './cross-validation.js';
import { GoldMapper } from './gold-mapping.js';
import { loadDataset } from './load-dataset.js';
import { labelQuestions, titleQuestions, type LabelledQuery } from './training-queries.js';
import type { EvalQuestion } from './eval-question.js';

/** The question sets every tuning step learns from together, in two styles, plus article titles. */
export interface TrainingSets {
  /** ALQAC-format files: the ALQAC dev set (restates the law) and the natural-question set. */
  datasets: string[];
  /** Add "article title → article" questions (a third style, no labelling needed). */
  titles: boolean;
}

export const DEFAULT_FOLDS = 5;

/** Objective shares per source: the two real question styles count equally, titles half. */
export const SOURCE_WEIGHTS: Readonly<Record<string, number>> = { titles: 0.5 };

/**
 * Where each question set searches: questions with briefing gold (the natural set) search what
 * the chat searches (laws, codes, briefings); the others laws and codes, as their gold does.
 */
export function filtersFor(questions: readonly EvalQuestion[]): SearchFilters {
  const briefings = questions.some((q) => q.labels.some((l) => l.briefing !== undefined) || q.style !== 'alqac');
  return { kinds: briefings ? ['law', 'code', 'briefing'] : ['law', 'code'] };
}

/** Searches every training question once and labels it (gold, answerable, fold). */
export async function labelTrainingSets(index: CorpusIndex, resources: RetrievalResources, sets: TrainingSets, folds = DEFAULT_FOLDS, onProgress?: (phase: string, done: number, total: number) => void): Promise<LabelledQuery[]> {
  // Features do not depend on the weights; deep candidate lists let every weighting be scored.
  const retriever = createRetriever(index, resources);
  const mapper = new GoldMapper(index);
  const out: LabelledQuery[] = [];
  for (const file of sets.datasets) {
    const { questions } = await loadDataset(file);
    mapper.mapQuestions(questions);
    const source = path.basename(file).replace(/\.json$/i, '');
    out.push(...(await labelQuestions(retriever, questions, source, filtersFor(questions), folds, (d, t) => onProgress?.(source, d, t))));
  }
  if (sets.titles) out.push(...(await labelQuestions(retriever, titleQuestions(index), 'titles', { kinds: ['law', 'code'] }, folds, (d, t) => onProgress?.('titles', d, t))));
  return out;
}

export interface ServiceTraining {
  /** Models fitted on every question: what the service ships. */
  final: TrainedModels;
  /** One model set per fold, each fitted without that fold's questions. */
  folds: TrainedModels[];
  /** Every question's result under the fold models that did not see it. */
  heldOut: HeldOutResult[];
  summary: ReturnType<typeof summarise>;
}

/** Cross-validates, then fits the shipped models on everything. */
export function trainService(queries: readonly LabelledQuery[], o: TrainOptions, folds = DEFAULT_FOLDS, onFold?: (f: number) => void): ServiceTraining {
  const cv = crossValidateModels(queries, folds, o, onFold);
  return { final: trainModels(queries, o), folds: cv.models, heldOut: cv.results, summary: summarise(cv.results) };
}
