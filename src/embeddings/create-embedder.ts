import type { Config } from '../config.js';
import { TransformersEmbedder } from './transformers-embedder.js';

/** The operator-provided pretrained embedder, when configured; LSA is built by the ingest itself. */
export function createEmbedder(config: Config): TransformersEmbedder {
  if (!config.EMBEDDING_MODEL_DIR) throw new Error('EMBEDDING_MODEL_DIR is required for EMBEDDER=transformers');
  return new TransformersEmbedder({ modelDir: config.EMBEDDING_MODEL_DIR });
}
