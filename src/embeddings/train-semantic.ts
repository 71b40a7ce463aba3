import { contrastiveTune, DEFAULT_CONTRASTIVE_OPTIONS, prepareText, type ContrastiveOptions, type PreparedText } from './contrastive-tuning.js';
import { DEFAULT_LSA_FACTOR_OPTIONS, trainLsaFactors, type LsaFactorOptions } from './lsa-factors.js';
import type { SemanticModel } from './semantic-model.js';
import { modelVersion } from './semantic-model-store.js';

/** One training text: a provision or chunk with its heading kept apart (pseudo-queries come from the body). */
export interface TrainingText {
  heading: string;
  body: string;
  /** The corpus the index is built from, or the Pháp điển dump. */
  source: 'corpus' | 'phapdien';
}

export interface SemanticTrainOptions {
  lsa: LsaFactorOptions;
  tuning: ContrastiveOptions;
  /**
   * Give the corpus as much weight as the Pháp điển dump in both stages (the LSA counts each
   * corpus text N(Pháp điển)/N(corpus) times; each tuning epoch samples as many Pháp điển texts
   * as there are corpus texts). Unbalanced, the dump's 72k provisions set the concepts and the
   * corpus' own distinctions blur.
   */
  balanceSources: boolean;
}

/**
 * The settings `npm run train-semantic` uses. Each was compared on the ALQAC dev set and the
 * natural-question dev sets; the README's semantic-model section lists what was compared.
 */
export const DEFAULT_SEMANTIC_TRAIN_OPTIONS: SemanticTrainOptions = {
  lsa: { ...DEFAULT_LSA_FACTOR_OPTIONS, dim: 256, powerIterations: 1, singularPower: 0.5 },
  tuning: { ...DEFAULT_CONTRASTIVE_OPTIONS, epochs: 10, learningRate: 0.05, neighbourBatches: true },
  balanceSources: true,
};

export type SemanticTrainPhase = 'count' | 'matrix' | 'svd' | 'prepare' | 'tune';

/**
 * Trains the semantic model on texts in a stable order (neighbouring texts share a subject, which
 * the contrastive stage uses for hard negatives): an LSA term table first, then fine-tuned with
 * the inverse cloze task. Deterministic for the same texts and options.
 */
export function trainSemantic(
  texts: readonly TrainingText[],
  options: { lsa?: Partial<LsaFactorOptions>; tuning?: Partial<ContrastiveOptions>; balanceSources?: boolean } = {},
  onProgress?: (phase: SemanticTrainPhase, done: number, total: number) => void,
): SemanticModel {
  const d = DEFAULT_SEMANTIC_TRAIN_OPTIONS;
  const balance = options.balanceSources ?? d.balanceSources;
  const o: SemanticTrainOptions = { lsa: { ...d.lsa, ...options.lsa }, tuning: { ...d.tuning, ...options.tuning, balanceSources: balance }, balanceSources: balance };
  const corpusChunks = texts.filter((t) => t.source === 'corpus').length;
  const phapdienProvisions = texts.length - corpusChunks;
  const corpusWeight = balance && corpusChunks > 0 ? Math.max(1, phapdienProvisions / corpusChunks) : 1;
  const lsa = trainLsaFactors(
    texts.map((t) => (t.heading ? `${t.heading}\n${t.body}` : t.body)),
    o.lsa,
    onProgress,
    texts.map((t) => (t.source === 'corpus' ? corpusWeight : 1)),
  );
  const index = new Map(lsa.vocab.map((t, i) => [t, i]));
  const prepared: PreparedText[] = [];
  texts.forEach((t, i) => {
    const p = prepareText(t.heading, t.body, index, t.source === 'corpus');
    if (p) prepared.push(p);
    if (i % 5000 === 0) onProgress?.('prepare', i, texts.length);
  });
  onProgress?.('prepare', texts.length, texts.length);
  const { meanLoss } = o.tuning.epochs > 0 ? contrastiveTune(lsa.projection, lsa.dim, lsa.idf, prepared, o.tuning, (d, total) => onProgress?.('tune', d, total)) : { meanLoss: [] };
  return {
    version: modelVersion(lsa.vocab, lsa.idf, lsa.projection, lsa.dim),
    vocab: lsa.vocab,
    idf: lsa.idf,
    projection: lsa.projection,
    dim: lsa.dim,
    training: { phapdienProvisions, corpusChunks, corpusWeight: Math.round(corpusWeight * 100) / 100, pairs: prepared.length, options: { ...o }, epochLoss: meanLoss.map((x) => Math.round(x * 1000) / 1000) },
  };
}
