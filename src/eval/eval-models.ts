import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CalibratedPolicy, CoverageThresholdPolicy } from '../answer/answer-decision.js';
import type { Config } from '../config.js';
import type { CorpusIndex } from '../index/corpus-index.js';
import { DEFAULT_WEIGHTS, type RerankerWeights } from '../retrieval/rerank-features.js';
import { loadRetrievalResources, loadServingResources } from '../service.js';
import type { EvalQuestion } from './eval-question.js';
import { DEFAULT_FOLDS, labelTrainingSets, SOURCE_WEIGHTS, trainService } from './service-training.js';
import type { ServiceModels } from './systems/full-system.js';
import { foldOf } from './training-queries.js';

const V1_WEIGHTS = new URL('../../eval/baselines/v1-reranker-weights.json', import.meta.url);

/** The first build as a baseline: its frozen reranker weights, its coverage-threshold refusal, no thesaurus or catalog. */
export function v1Models(): ServiceModels {
  const frozen = JSON.parse(readFileSync(V1_WEIGHTS, 'utf8')) as { weights: Partial<RerankerWeights['weights']> };
  return { resources: { weights: { ...DEFAULT_WEIGHTS, weights: { ...DEFAULT_WEIGHTS.weights, ...frozen.weights } } }, policy: new CoverageThresholdPolicy() };
}

/** The models the service ships with. */
export function servingModels(config: Config): ServiceModels {
  return loadServingResources(config);
}

/** The question sets the shipped models are trained on (`npm run train`'s defaults). */
export const TRAINING_DATASETS = ['../shared/datasets/alqac25-dev.json', 'eval/datasets/natural-dev.json'];

/**
 * Cross-validated models per question: trains on the training sets in folds, and gives each
 * question the models of the fold that did not see it. Questions outside the training sets get the
 * models fitted on everything (a set that is not one of them is never trained on).
 */
export async function crossValidatedModels(config: Config, index: CorpusIndex, onProgress?: (phase: string, done: number, total: number) => void): Promise<(q: EvalQuestion) => ServiceModels> {
  const serving = { resources: loadRetrievalResources(config) };
  const datasets = TRAINING_DATASETS.map((f) => path.resolve(f));
  const queries = await labelTrainingSets(index, serving.resources, { datasets, titles: true }, DEFAULT_FOLDS, onProgress);
  const trained = trainService(queries, { base: serving.resources.weights, sourceWeights: SOURCE_WEIGHTS }, DEFAULT_FOLDS, (f) => onProgress?.('cross-validation', f, DEFAULT_FOLDS));
  const asModels = (m: (typeof trained.folds)[number]): ServiceModels => ({ resources: { ...serving.resources, weights: m.weights }, policy: new CalibratedPolicy(m.decision) });
  const folds = trained.folds.map(asModels);
  const final = asModels(trained.final);
  const trainedIds = new Set(queries.map((q) => q.id));
  return (q) => (trainedIds.has(q.id) ? folds[foldOf(q.id, DEFAULT_FOLDS)]! : final);
}
