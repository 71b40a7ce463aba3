import { stat } from 'node:fs/promises';
import path from 'node:path';
import { SemanticEmbedder } from './semantic-embedder.js';
import { loadSemanticModel } from './semantic-model-store.js';

// Loading a model reads and hashes over 100 MB: keep one per folder while its files stay the same.
const loaded = new Map<string, { stamp: string; embedder: Promise<SemanticEmbedder> }>();

/** The semantic model in `dir`, loaded once per process while its metadata file is unchanged. */
export async function loadSemanticEmbedder(dir: string): Promise<SemanticEmbedder> {
  const st = await stat(path.join(dir, 'model.json')).catch(() => undefined);
  const stamp = st ? `${st.mtimeMs}:${st.size}` : 'missing';
  const hit = loaded.get(dir);
  if (hit && hit.stamp === stamp) return hit.embedder;
  const embedder = loadSemanticModel(dir).then((m) => new SemanticEmbedder(m));
  loaded.set(dir, { stamp, embedder });
  embedder.catch(() => loaded.delete(dir));
  return embedder;
}

/** The model an index was embedded with: the one in `dir` if its version is `version`, else an error saying what to run. */
export async function semanticEmbedderFor(dir: string, version: string | undefined): Promise<SemanticEmbedder> {
  const embedder = await loadSemanticEmbedder(dir);
  if (embedder.version !== version) {
    throw new Error(`the index was embedded with semantic model ${version}, but ${dir} holds ${embedder.version}: run \`npm run ingest\` to re-embed`);
  }
  return embedder;
}
