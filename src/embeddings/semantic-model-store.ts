import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { SemanticModel, SemanticTrainingInfo } from './semantic-model.js';

const FORMAT = 'semantic-term-table';
const FORMAT_VERSION = 1;
const META = 'model.json';
const VOCAB = 'vocab.txt';
const IDF = 'idf.f32';
const TABLE = 'projection.f32';

interface ModelMeta {
  format: typeof FORMAT;
  formatVersion: number;
  version: string;
  dim: number;
  vocabSize: number;
  training: SemanticTrainingInfo;
}

/** Content hash of a model's vocabulary, IDF and table: equal models have equal versions. */
export function modelVersion(vocab: readonly string[], idf: Float32Array, projection: Float32Array, dim: number): string {
  const h = createHash('sha256');
  h.update(`${FORMAT}/${FORMAT_VERSION}/${dim}\n`);
  h.update(vocab.join('\n'));
  h.update(new Uint8Array(idf.buffer, idf.byteOffset, idf.byteLength));
  h.update(new Uint8Array(projection.buffer, projection.byteOffset, projection.byteLength));
  return h.digest('hex').slice(0, 16);
}

/** True when `dir` holds a saved model (its metadata file). */
export function hasSemanticModel(dir: string): boolean {
  return existsSync(path.join(dir, META));
}

/**
 * Writes the model into `dir`: metadata JSON, one term a line, and little-endian float32 arrays.
 * Written into a sibling temporary folder and renamed into place, so a reader never sees half a model.
 */
export async function saveSemanticModel(model: SemanticModel, dir: string): Promise<void> {
  const target = path.resolve(dir);
  const tmp = `${target}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  const meta: ModelMeta = { format: FORMAT, formatVersion: FORMAT_VERSION, version: model.version, dim: model.dim, vocabSize: model.vocab.length, training: model.training };
  await writeFile(path.join(tmp, META), `${JSON.stringify(meta, null, 2)}\n`);
  await writeFile(path.join(tmp, VOCAB), `${model.vocab.join('\n')}\n`);
  await writeFile(path.join(tmp, IDF), new Uint8Array(model.idf.buffer, model.idf.byteOffset, model.idf.byteLength));
  await writeFile(path.join(tmp, TABLE), new Uint8Array(model.projection.buffer, model.projection.byteOffset, model.projection.byteLength));
  const old = `${target}.old-${process.pid}`;
  if (existsSync(target)) await rename(target, old);
  await rename(tmp, target);
  await rm(old, { recursive: true, force: true });
}

/** Reads a float32 file straight into an aligned array (no second copy of a 100 MB table in memory). */
async function readFloats(file: string, expected: number): Promise<Float32Array> {
  const fh = await open(file, 'r');
  try {
    const size = (await fh.stat()).size;
    if (size !== expected * 4) throw new Error(`${file}: expected ${expected} float32 values, found ${size / 4}`);
    const out = new Float32Array(expected);
    const bytes = new Uint8Array(out.buffer);
    for (let at = 0; at < bytes.byteLength; ) {
      const { bytesRead } = await fh.read(bytes, at, bytes.byteLength - at, at);
      if (bytesRead === 0) throw new Error(`${file}: ended after ${at} of ${bytes.byteLength} bytes`);
      at += bytesRead;
    }
    return out;
  } finally {
    await fh.close();
  }
}

/** Reads a model saved by {@link saveSemanticModel}, checking sizes and the content hash. */
export async function loadSemanticModel(dir: string): Promise<SemanticModel> {
  const metaFile = path.join(dir, META);
  let meta: ModelMeta;
  try {
    meta = JSON.parse(await readFile(metaFile, 'utf8')) as ModelMeta;
  } catch (cause) {
    throw new Error(`Semantic model not found or unreadable: ${metaFile} (run \`npm run train-semantic\` or set SEMANTIC_MODEL_DIR)`, { cause });
  }
  if (meta.format !== FORMAT || meta.formatVersion !== FORMAT_VERSION) {
    throw new Error(`${metaFile}: unsupported model format ${meta.format}/${meta.formatVersion}; retrain with \`npm run train-semantic\``);
  }
  const vocab = (await readFile(path.join(dir, VOCAB), 'utf8')).split('\n');
  if (vocab.at(-1) === '') vocab.pop();
  if (vocab.length !== meta.vocabSize) throw new Error(`${path.join(dir, VOCAB)}: expected ${meta.vocabSize} terms, found ${vocab.length}`);
  const idf = await readFloats(path.join(dir, IDF), vocab.length);
  const projection = await readFloats(path.join(dir, TABLE), vocab.length * meta.dim);
  const version = modelVersion(vocab, idf, projection, meta.dim);
  if (version !== meta.version) throw new Error(`${dir}: model files do not match their recorded version (${meta.version} ≠ ${version}); retrain with \`npm run train-semantic\``);
  return { version, vocab, idf, projection, dim: meta.dim, training: meta.training };
}
