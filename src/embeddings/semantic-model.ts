/** What a model was trained on and how: written beside it and printed by `npm run train-semantic`. */
export interface SemanticTrainingInfo {
  phapdienProvisions: number;
  corpusChunks: number;
  /** How many times each corpus text counted in the LSA stage (see `balanceSources`). */
  corpusWeight: number;
  /** Texts that made inverse-cloze pairs (a text needs two sentences). */
  pairs: number;
  /** Options of each stage, as run. */
  options: Record<string, unknown>;
  /** Mean contrastive loss per epoch. */
  epochLoss: number[];
}

/** The trained semantic model: vocabulary with IDF weights and the learned term → concept table. */
export interface SemanticModel {
  /** Content hash (vocabulary, IDF, table): the index records it, so a changed model re-embeds the corpus. */
  version: string;
  vocab: string[];
  idf: Float32Array;
  /** vocab.length × dim, row-major. */
  projection: Float32Array;
  dim: number;
  training: SemanticTrainingInfo;
}
