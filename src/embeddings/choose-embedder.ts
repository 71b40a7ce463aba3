import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Embeddings } from '@langchain/core/embeddings';
import type { Config } from '../config.js';
import type { Manifest } from '../index/index-store.js';
import { createEmbedder } from './create-embedder.js';
import { SemanticEmbedder } from './semantic-embedder.js';
import { hasSemanticModel, loadSemanticModel } from './semantic-model-store.js';

export type EmbedderKind = Manifest['embedder']['kind'];

/** The embedder an ingest should use, and one line saying which and why (for the log). */
export interface EmbedderChoice {
  kind: EmbedderKind;
  /** Absent for `lsa`: the ingest trains it on the corpus. */
  embedder?: Embeddings & { dimension?: number };
  /** `transformers`: the model folder. */
  modelDir?: string;
  /** `semantic`: the model's content hash, recorded in the index manifest. */
  modelVersion?: string;
  reason: string;
}

// Loading a model reads and hashes a few hundred MB: keep one per folder while its files stay the same.
const loaded = new Map<string, { stamp: string; embedder: Promise<SemanticEmbedder> }>();

/** The semantic model in `dir`, loaded once per process while its metadata file is unchanged. */
export async function semanticEmbedder(dir: string): Promise<SemanticEmbedder> {
  const st = await stat(path.join(dir, 'model.json')).catch(() => undefined);
  const stamp = st ? `${st.mtimeMs}:${st.size}` : 'missing';
  const hit = loaded.get(dir);
  if (hit && hit.stamp === stamp) return hit.embedder;
  const embedder = loadSemanticModel(dir).then((m) => new SemanticEmbedder(m));
  loaded.set(dir, { stamp, embedder });
  embedder.catch(() => loaded.delete(dir));
  return embedder;
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
      const embedder = await semanticEmbedder(dir);
      return { kind: 'semantic', embedder, modelVersion: embedder.version, reason: `embedder: semantic model ${embedder.version} from ${dir} (${embedder.dimension} dimensions, ${embedder.model.vocab.length} terms)` };
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
  const embedder = await semanticEmbedder(config.SEMANTIC_MODEL_DIR);
  if (embedder.version !== e.modelVersion) {
    throw new Error(`the index was embedded with semantic model ${e.modelVersion}, but ${config.SEMANTIC_MODEL_DIR} holds ${embedder.version}: run \`npm run ingest\` to re-embed`);
  }
  return embedder;
}
