import { mkdtemp, rm, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TransformersEmbedder, type TransformersEmbedderOptions } from '../src/embeddings/transformers-embedder.js';
import { TINY_HIDDEN_SIZE, writeTinyModel } from './fixtures/tiny-onnx-model.js';

const norm = (v: number[]) => Math.hypot(...v);
const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);

let root: string;
let modelDir: string;
const embedders: TransformersEmbedder[] = [];

/** Builds an embedder over the tiny model and remembers it for disposal. */
function embedder(options: Partial<TransformersEmbedderOptions> = {}): TransformersEmbedder {
  const e = new TransformersEmbedder({ modelDir, ...options });
  embedders.push(e);
  return e;
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'tiny-embedder-'));
  modelDir = path.join(root, 'tiny-bert');
  await writeTinyModel(modelDir, { quantized: true });
});

afterAll(async () => {
  await Promise.all(embedders.map((e) => e.dispose()));
  await rm(root, { recursive: true, force: true });
});

describe('TransformersEmbedder on a real ONNX model', () => {
  it('returns L2-normalised vectors of hidden_size dimensions and exposes the dimension', async () => {
    const e = embedder();
    expect(e.dimension).toBeUndefined();
    const vectors = await e.embedDocuments(['luật đất đai', 'thuế thu nhập cá nhân', 'hôn nhân']);
    expect(vectors).toHaveLength(3);
    for (const v of vectors) {
      expect(v).toHaveLength(TINY_HIDDEN_SIZE);
      expect(norm(v)).toBeCloseTo(1, 5);
    }
    expect(e.dimension).toBe(TINY_HIDDEN_SIZE);
    const q = await e.embedQuery('luật lao động');
    expect(q).toHaveLength(TINY_HIDDEN_SIZE);
    expect(norm(q)).toBeCloseTo(1, 5);
  });

  it('knows the dimension from config.json hidden_size once loaded, before any embedding', async () => {
    const e = embedder();
    await e.load();
    expect(e.dimension).toBe(TINY_HIDDEN_SIZE);
  });

  it('makes texts that share words more similar than texts that share none', async () => {
    const [land, landLaw, incomeTax] = await embedder().embedDocuments([
      'luật đất đai',
      'đất đai',
      'thuế thu nhập',
    ]);
    const shared = dot(land!, landLaw!);
    const disjoint = dot(land!, incomeTax!);
    expect(shared).toBeGreaterThan(0.7);
    // Only the shared [CLS] row connects them.
    expect(disjoint).toBeLessThan(0.1);
    expect(shared).toBeGreaterThan(disjoint);
  });

  it('applies queryPrefix in embedQuery and documentPrefix in embedDocuments', async () => {
    const plain = embedder();
    const e5 = embedder({ queryPrefix: 'query: ', documentPrefix: 'passage: ' });

    const [prefixedByHand] = await plain.embedDocuments(['query: luật']);
    const query = await e5.embedQuery('luật');
    expect(query).toEqual(prefixedByHand);
    expect(query).not.toEqual(await plain.embedQuery('luật'));

    const [passageByHand] = await plain.embedDocuments(['passage: luật']);
    const [doc] = await e5.embedDocuments(['luật']);
    expect(doc).toEqual(passageByHand);
    expect(doc).not.toEqual(query);
  });

  it('splits embedDocuments into batches of batchSize without padding leaking into vectors', async () => {
    const e = embedder({ batchSize: 2 });
    const proto = TransformersEmbedder.prototype as unknown as { embedBatch(t: string[]): Promise<number[][]> };
    const spy = vi.spyOn(proto, 'embedBatch');
    const texts = ['luật', 'luật đất đai thuế thu nhập', 'hôn nhân', 'lao động', 'cá nhân'];
    let batched: number[][];
    try {
      batched = await e.embedDocuments(texts);
      expect(spy.mock.calls.map(([batch]) => batch.length)).toEqual([2, 2, 1]);
    } finally {
      spy.mockRestore();
    }
    expect(batched).toHaveLength(texts.length);
    const single = await embedder({ batchSize: 1 }).embedDocuments(texts);
    for (let i = 0; i < texts.length; i++) {
      for (let d = 0; d < TINY_HIDDEN_SIZE; d++) expect(batched[i]![d]).toBeCloseTo(single[i]![d]!, 6);
    }
    expect(await e.embedDocuments([])).toEqual([]);
  });

  it('is deterministic across calls and instances', async () => {
    const texts = ['Luật Đất đai', 'thuế thu nhập cá nhân'];
    const a = embedder();
    const first = await a.embedDocuments(texts);
    expect(await a.embedDocuments(texts)).toEqual(first);
    expect(await embedder().embedDocuments(texts)).toEqual(first);
  });

  it('honours pooling and normalize', async () => {
    // In this context-free model [CLS] is the same one-hot row for every text.
    const cls = await embedder({ pooling: 'cls' }).embedDocuments(['luật', 'thuế thu nhập']);
    const clsRow = [1, ...new Array<number>(TINY_HIDDEN_SIZE - 1).fill(0)];
    expect(cls).toEqual([clsRow, clsRow]);

    // Mean of [CLS](0.25 on dim 0), three one-hot words and the zero [SEP] row.
    const [raw] = await embedder({ normalize: false }).embedDocuments(['luật đất đai']);
    expect(raw![0]).toBeCloseTo(0.25 / 5, 6);
    expect(norm(raw!)).toBeCloseTo(Math.sqrt(0.25 ** 2 + 3) / 5, 5);
  });

  it('loads onnx/model_quantized.onnx when quantized is set', async () => {
    const v = await embedder({ quantized: true }).embedQuery('luật');
    expect(v).toHaveLength(TINY_HIDDEN_SIZE);
    expect(norm(v)).toBeCloseTo(1, 5);
  });
});

describe('TransformersEmbedder errors', () => {
  it('rejects with the folder path when the model folder does not exist', async () => {
    const missing = path.join(root, 'no-such-model');
    const e = new TransformersEmbedder({ modelDir: missing });
    await expect(e.embedQuery('luật')).rejects.toThrow(missing);
    await expect(e.embedDocuments(['luật'])).rejects.toThrow(/does not exist/);
  });

  it('names the folder and every missing file before transformers.js runs', async () => {
    const dir = path.join(root, 'fp32-only');
    await writeTinyModel(dir);
    await unlink(path.join(dir, 'tokenizer.json'));
    const e = new TransformersEmbedder({ modelDir: dir, quantized: true });
    const err = await e.embedQuery('luật').then(
      () => undefined,
      (x: unknown) => x as Error,
    );
    expect(err?.message).toBe(`Embedding model folder "${dir}" is missing tokenizer.json, onnx/model_quantized.onnx`);
  });

  it('validates options with zod and resolves modelDir to an absolute path', () => {
    expect(() => new TransformersEmbedder({ modelDir: '' })).toThrow();
    expect(() => new TransformersEmbedder({ modelDir, batchSize: 0 })).toThrow();
    expect(() => new TransformersEmbedder({ modelDir, pooling: 'max' as 'mean' })).toThrow();
    const e = new TransformersEmbedder({ modelDir: 'models/e5' });
    expect(path.isAbsolute(e.options.modelDir)).toBe(true);
    expect(e.options).toMatchObject({ pooling: 'mean', normalize: true, batchSize: 16, quantized: false });
  });
});
