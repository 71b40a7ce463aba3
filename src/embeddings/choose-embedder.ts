import type { Embeddings } from '@langchain/core/embeddings';
import type { Config } from '../config.js';
import type { Manifest } from '../index/index-store.js';
import { createEmbedder } from './create-embedder.js';
import { loadSemanticEmbedder, semanticEmbedderFor } from './load-semantic-embedder.js';
import { hasSemanticModel } from './semantic-model-store.js';

export type EmbedderKind = Manifest['embedder']['kind'];

/** The embedder an ingest should use, and one line saying which and why (for the log). */
export interface EmbedderChoice {
  kind: EmbedderKind;
  /** Absent for `lsa`: the ingest trains it on the corpus. */
  embedder?: Embeddings & { dimension?: number };
  /** `transformers` and `semantic`: the model folder. */
  modelDir?: string;
  /** `semantic`: the model's content hash, recorded in the index manifest. */
  modelVersion?: string;
  reason: string;
}

/**
 * Resolves `EMBEDDER`: `auto` takes the trained semantic model when its folder holds one and
 * otherwise falls back to the corpus-trained LSA (training at first start would hold `npm start`
 * up for a quarter of an hour and needs the Pháp điển archive, which a fresh machine may lack).
 */
export async function chooseEmbedder(config: Config): Promise<EmbedderChoice> {
  const dir = config.SEMANTIC_MODEL_DIR;
  switch (config.EMBEDDER) {
    case 'transformers':
      return { kind: 'transformers', embedder: createEmbedder(config), ...(config.EMBEDDING_MODEL_DIR ? { modelDir: config.EMBEDDING_MODEL_DIR } : {}), reason: `embedder: transformers model in ${config.EMBEDDING_MODEL_DIR}` };
    case 'lsa':
      return { kind: 'lsa', reason: 'embedder: LSA trained on the corpus (EMBEDDER=lsa)' };
    case 'semantic':
    case 'auto': {
      if (config.EMBEDDER === 'auto' && !hasSemanticModel(dir)) {
        return { kind: 'lsa', reason: `embedder: LSA trained on the corpus — no semantic model in ${dir} (\`npm run train-semantic\` builds one)` };
      }
      const embedder = await loadSemanticEmbedder(dir);
      return { kind: 'semantic', embedder, modelDir: dir, modelVersion: embedder.version, reason: `embedder: semantic model ${embedder.version} from ${dir} (${embedder.dimension} dimensions, ${embedder.model.vocab.length} terms)` };
    }
  }
}

/** True when an index built as `manifest` says was made by the embedder `choice` names. */
export function builtWith(manifest: Manifest, choice: EmbedderChoice): boolean {
  const e = manifest.embedder;
  if (e.kind !== choice.kind) return false;
  if (e.kind === 'semantic') return e.modelVersion === choice.modelVersion;
  if (e.kind === 'transformers') return e.modelDir === choice.modelDir;
  return true;
}

/**
 * The embedder that can query an index: the one its manifest names, whatever the configuration
 * says now (a build is only ever queried in the space it was embedded in). LSA builds carry their
 * own model, so nothing is returned for them.
 */
export async function queryEmbedderFor(config: Config, manifest: Manifest): Promise<Embeddings | undefined> {
  const e = manifest.embedder;
  if (e.kind === 'transformers') return createEmbedder(config);
  if (e.kind !== 'semantic') return undefined;
  return semanticEmbedderFor(config.SEMANTIC_MODEL_DIR, e.modelVersion);
}
