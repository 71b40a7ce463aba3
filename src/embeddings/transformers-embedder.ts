import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { Embeddings } from '@langchain/core/embeddings';
import type { FeatureExtractionPipeline, PretrainedModelOptions } from '@huggingface/transformers';
import { z } from 'zod';

/** Options of {@link TransformersEmbedder}; `modelDir` is resolved to an absolute path. */
export const transformersEmbedderOptionsSchema = z.object({
  /** Folder laid out like a Hugging Face repo: config.json, tokenizer*.json, onnx/model*.onnx. */
  modelDir: z
    .string()
    .trim()
    .min(1, 'modelDir must name a local model folder')
    .transform((p) => path.resolve(p)),
  pooling: z.enum(['mean', 'cls']).default('mean'),
  normalize: z.boolean().default(true),
  /** e5 models expect `query: `; most bi-encoders want ''. */
  queryPrefix: z.string().default(''),
  /** e5 models expect `passage: `. */
  documentPrefix: z.string().default(''),
  batchSize: z.number().int().positive().default(16),
  /** Load onnx/model_quantized.onnx (dtype q8) instead of onnx/model.onnx (fp32). */
  quantized: z.boolean().default(false),
});

export type TransformersEmbedderOptions = z.input<typeof transformersEmbedderOptionsSchema>;
type ResolvedOptions = z.output<typeof transformersEmbedderOptionsSchema>;

/**
 * `pipeline()` narrowed to the one task used here: its generic overload over every
 * task makes tsc fail with TS2590 ("union type that is too complex to represent").
 */
type LoadFeatureExtractor = (
  task: 'feature-extraction',
  model: string,
  options: PretrainedModelOptions,
) => Promise<FeatureExtractionPipeline>;

const REQUIRED_FILES = ['config.json', 'tokenizer.json', 'tokenizer_config.json'] as const;

/** The ONNX file transformers.js will open for the given precision. */
export function onnxFileFor(quantized: boolean): string {
  return quantized ? 'onnx/model_quantized.onnx' : 'onnx/model.onnx';
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

/**
 * Checks the model folder before transformers.js sees it (its own errors name
 * only one file and blame `local_files_only`) and returns config.json's hidden_size.
 */
export async function checkModelFolder(modelDir: string, quantized: boolean): Promise<number | undefined> {
  const dirStat = await stat(modelDir).catch(() => undefined);
  if (!dirStat?.isDirectory()) {
    throw new Error(`Embedding model folder not found: "${modelDir}" does not exist or is not a directory`);
  }
  const wanted = [...REQUIRED_FILES, onnxFileFor(quantized)];
  const missing: string[] = [];
  for (const file of wanted) {
    if (!(await isFile(path.join(modelDir, file)))) missing.push(file);
  }
  if (missing.length > 0) {
    throw new Error(`Embedding model folder "${modelDir}" is missing ${missing.join(', ')}`);
  }
  let config: unknown;
  try {
    config = JSON.parse(await readFile(path.join(modelDir, 'config.json'), 'utf8'));
  } catch (err) {
    throw new Error(`Embedding model folder "${modelDir}" has an unreadable config.json: ${(err as Error).message}`);
  }
  const hidden = (config as { hidden_size?: unknown } | null)?.hidden_size;
  return typeof hidden === 'number' && Number.isInteger(hidden) && hidden > 0 ? hidden : undefined;
}

/** LangChain embeddings backed by a local ONNX sentence-embedding model run with transformers.js. */
export class TransformersEmbedder extends Embeddings {
  readonly options: Readonly<ResolvedOptions>;
  private loading?: Promise<FeatureExtractionPipeline>;
  private dim?: number;

  constructor(options: TransformersEmbedderOptions) {
    super({});
    this.options = Object.freeze(transformersEmbedderOptionsSchema.parse(options));
  }

  /** Vector length: config.json hidden_size once loaded, then the observed output length. */
  get dimension(): number | undefined {
    return this.dim;
  }

  /** Embeds documents (with `documentPrefix`) in batches of `batchSize`. */
  override async embedDocuments(texts: string[]): Promise<number[][]> {
    const { documentPrefix, batchSize } = this.options;
    const out: number[][] = [];
    for (let i = 0; i < texts.length; i += batchSize) {
      const batch = texts.slice(i, i + batchSize).map((t) => documentPrefix + t);
      out.push(...(await this.embedBatch(batch)));
    }
    return out;
  }

  /** Embeds one query (with `queryPrefix`). */
  override async embedQuery(text: string): Promise<number[]> {
    const [vector] = await this.embedBatch([this.options.queryPrefix + text]);
    if (!vector) throw new Error('Embedding model returned no vector for the query');
    return vector;
  }

  /** Loads the model now instead of on the first embed call (e.g. at server start). */
  async load(): Promise<void> {
    await this.pipeline();
  }

  /** Releases the ONNX session; a later call loads the model again. */
  async dispose(): Promise<void> {
    const loading = this.loading;
    this.loading = undefined;
    if (loading) await (await loading.catch(() => undefined))?.dispose();
  }

  private async embedBatch(texts: string[]): Promise<number[][]> {
    if (texts.length === 0) return [];
    const extractor = await this.pipeline();
    const { pooling, normalize } = this.options;
    const tensor = await extractor(texts, { pooling, normalize });
    const [rows, width] = tensor.dims;
    if (tensor.dims.length !== 2 || rows !== texts.length || !width) {
      throw new Error(`Embedding model returned a tensor of shape [${tensor.dims.join(', ')}] for ${texts.length} texts`);
    }
    const data = tensor.data as Float32Array;
    const vectors: number[][] = [];
    for (let r = 0; r < rows; r++) vectors.push(Array.from(data.subarray(r * width, (r + 1) * width)));
    this.dim = width;
    return vectors;
  }

  private pipeline(): Promise<FeatureExtractionPipeline> {
    // One load shared by concurrent callers; a failed load is forgotten so a fixed folder can be retried.
    this.loading ??= this.loadPipeline().catch((err: unknown) => {
      this.loading = undefined;
      throw err;
    });
    return this.loading;
  }

  private async loadPipeline(): Promise<FeatureExtractionPipeline> {
    const { modelDir, quantized } = this.options;
    const hidden = await checkModelFolder(modelDir, quantized);
    this.dim ??= hidden;
    // Imported lazily: it loads the onnxruntime native binding, which only this embedder needs.
    const { env, pipeline } = await import('@huggingface/transformers');
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    // An absolute path is read as a path, not a hub id, so localModelPath is only a
    // safety net: if anything does resolve relative to it, it stays beside the model.
    env.localModelPath = path.dirname(modelDir);
    const load = pipeline as unknown as LoadFeatureExtractor;
    return load('feature-extraction', modelDir, {
      local_files_only: true,
      // v3 picks the file by dtype: fp32 → model.onnx, q8 → model_quantized.onnx.
      dtype: quantized ? 'q8' : 'fp32',
    });
  }
}
