import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { chooseEmbedder } from '../src/embeddings/choose-embedder.js';
import { corpusTrainingTexts } from '../src/embeddings/corpus-training-texts.js';
import { provisionsOfPage } from '../src/embeddings/phapdien-page.js';
import { readPhapdien } from '../src/embeddings/read-phapdien.js';
import { SemanticEmbedder } from '../src/embeddings/semantic-embedder.js';
import type { SemanticModel } from '../src/embeddings/semantic-model.js';
import { loadSemanticModel, saveSemanticModel } from '../src/embeddings/semantic-model-store.js';
import { trainSemantic, type TrainingText } from '../src/embeddings/train-semantic.js';
import { CorpusIndex } from '../src/index/corpus-index.js';
import { currentBuildDir, readJson, type Manifest } from '../src/index/index-store.js';
import { ensureIndexBuilt, loadIndex, runIngest } from '../src/service.js';
import { lexicalTerms } from '../src/text/tokenize.js';
import { TEST_CORPUS_DIR } from './paths.js';

const ARCHIVE = path.resolve(TEST_CORPUS_DIR, '../datasets/phapdien-van-ban-md.tar.gz');
// Small settings so a real slice trains in seconds; the shipped model uses the defaults.
const SMALL = { lsa: { dim: 64, minDf: 2 }, tuning: { epochs: 2, batchSize: 32 } };

let root: string;
let corpus: string;
let texts: TrainingText[];
let model: SemanticModel;

const cosine = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i]!, 0);

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'semantic-'));
  corpus = path.join(root, 'corpus');
  mkdirSync(path.join(corpus, 'laws'), { recursive: true });
  mkdirSync(path.join(corpus, 'codes'), { recursive: true });
  for (const f of ['luat-hon-nhan-va-gia-dinh.txt', 'luat-vien-thong.txt']) cpSync(path.join(TEST_CORPUS_DIR, 'laws', f), path.join(corpus, 'laws', f));
  for (const f of ['bo-luat-lao-dong-2019.txt', 'bo-luat-lao-dong-2019.meta.json']) cpSync(path.join(TEST_CORPUS_DIR, 'codes', f), path.join(corpus, 'codes', f));
  const pd: TrainingText[] = [];
  await readPhapdien(ARCHIVE, { maxProvisions: 300, onProvision: (p) => pd.push({ heading: p.heading, body: p.text, source: 'phapdien' }) });
  const c = await corpusTrainingTexts(corpus);
  texts = [...pd, ...c.texts];
  model = trainSemantic(texts, SMALL);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('Pháp điển reader', () => {
  it('streams the first provisions of the real archive with their Pháp điển numbers, headings and source citations', async () => {
    const got: { id?: string; heading: string; text: string; page: string }[] = [];
    const report = await readPhapdien(ARCHIVE, { maxProvisions: 300, onProvision: (p, page) => got.push({ ...p, page }) });
    expect(report.provisions).toBe(300);
    expect(got).toHaveLength(300);
    const first = got.find((p) => p.id === '40.1.LQ.1')!;
    expect(first.page).toBe('van-ban/tuong-tro-tu-phap/tuong-tro-tu-phap.md');
    expect(first.heading).toBe('Điều 40.1.LQ.1. Phạm vi điều chỉnh');
    expect(first.text).toContain('Luật số 08/2007/QH12 Tương trợ tư pháp');
    // Cross-reference lists and metadata tables are not training text.
    expect(got.some((p) => p.text.includes('Điều này có nội dung liên quan'))).toBe(false);
    expect(got.some((p) => p.text.includes('| **Số hiệu** |'))).toBe(false);
  });

  it('keeps a topic page digest entry only as a flagged stand-in, and drops captions and front matter', () => {
    const page = [
      '---',
      'layout: page',
      'title: Bảo hiểm',
      '---',
      '## VĂN BẢN',
      'Chương I',
      'NHỮNG QUY ĐỊNH CHUNG',
      'Điều 2.2.LQ.1. Phạm vi điều chỉnh',
      '(Điều 1 Luật số 25/2008/QH12 Bảo hiểm y tế)',
      '1. Luật này quy định về chế độ, chính sách bảo hiểm y tế.(Điều này có nội dung liên quan đến Điều 6.5.PL.10. Chế độ ưu đãi)',
      '(Điều này có nội dung liên quan đến Điều 2.2.LQ.12. Đối tượng tham gia bảo hiểm y tế)',
      '## Danh sách điều khoản',
      '### 0200200000000000100000100000000000000000',
      'Điều 2.2.LQ.2. Giải thích từ ngữ Trong Luật này, các từ ngữ dưới đây được hiểu như sau...',
    ].join('\n');
    const [full, digest, ...rest] = provisionsOfPage(page);
    expect(rest).toHaveLength(0);
    expect(full).toEqual({ id: '2.2.LQ.1', heading: 'Điều 2.2.LQ.1. Phạm vi điều chỉnh', text: '(Điều 1 Luật số 25/2008/QH12 Bảo hiểm y tế) 1. Luật này quy định về chế độ, chính sách bảo hiểm y tế.', digest: false });
    expect(digest).toMatchObject({ id: '2.2.LQ.2', digest: true, text: '' });
    expect(digest!.heading).toBe('Điều 2.2.LQ.2. Giải thích từ ngữ Trong Luật này, các từ ngữ dưới đây được hiểu như sau');
  });
});

describe('semantic model', () => {
  it('trains deterministically: the same real slice gives the same model, byte for byte', () => {
    const again = trainSemantic(texts, SMALL);
    expect(again.version).toBe(model.version);
    expect(Buffer.from(again.projection.buffer).equals(Buffer.from(model.projection.buffer))).toBe(true);
    // The contrastive stage really ran and lowered its loss.
    expect(model.training.epochLoss).toHaveLength(2);
    expect(model.training.epochLoss[1]!).toBeLessThan(model.training.epochLoss[0]!);
  });

  it('puts a question near its paraphrase in other words and far from an unrelated provision', async () => {
    const e = new SemanticEmbedder(model);
    const question = 'bị sa thải';
    const paraphrase = 'hình thức xử lý kỷ luật lao động';
    const unrelated = 'Doanh nghiệp viễn thông được sử dụng tần số vô tuyến điện theo giấy phép';
    // Not one shared syllable: a purely lexical embedding would score the pair 0.
    const shared = lexicalTerms(question).filter((t) => lexicalTerms(paraphrase).includes(t));
    expect(shared).toEqual([]);
    const [q, p, u] = await e.embedDocuments([question, paraphrase, unrelated]);
    expect(cosine(q!, p!)).toBeGreaterThan(0.3);
    expect(cosine(q!, p!) - cosine(q!, u!)).toBeGreaterThan(0.3);
  });

  it('saves and loads identically, and refuses a damaged file', async () => {
    const dir = path.join(root, 'model');
    await saveSemanticModel(model, dir);
    const loaded = await loadSemanticModel(dir);
    expect(loaded.version).toBe(model.version);
    expect(loaded.vocab).toEqual(model.vocab);
    const text = 'Người lao động có quyền đơn phương chấm dứt hợp đồng lao động';
    expect(new SemanticEmbedder(loaded).embed(text)).toEqual(new SemanticEmbedder(model).embed(text));
    writeFileSync(path.join(dir, 'idf.f32'), Buffer.alloc(model.idf.byteLength));
    await expect(loadSemanticModel(dir)).rejects.toThrow(/do not match their recorded version/);
  });
});

describe('choosing the embedder', () => {
  it('falls back to the corpus LSA, saying so, when no model was trained; EMBEDDER=semantic then fails naming the command', async () => {
    const missing = path.join(root, 'no-model');
    const auto = await chooseEmbedder(loadConfig({ SEMANTIC_MODEL_DIR: missing }));
    expect(auto.kind).toBe('lsa');
    expect(auto.reason).toMatch(/no semantic model in .*npm run train-semantic/);
    await expect(chooseEmbedder(loadConfig({ SEMANTIC_MODEL_DIR: missing, EMBEDDER: 'semantic' }))).rejects.toThrow(/npm run train-semantic/);
  });

  it('embeds the corpus with the trained model when its folder exists, and re-embeds when the model changes', async () => {
    const modelDir = path.join(root, 'served-model');
    const indexDir = path.join(root, 'index');
    await saveSemanticModel(model, modelDir);
    const config = loadConfig({ SEMANTIC_MODEL_DIR: modelDir, INDEX_DIR: indexDir, CORPUS_DIR: corpus, LOG_LEVEL: 'silent' });
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (l: string) => lines.push(JSON.parse(l).msg as string) });
    await ensureIndexBuilt(config, logger);
    expect(lines[0]).toBe(`embedder: semantic model ${model.version} from ${modelDir} (64 dimensions, ${model.vocab.length} terms)`);
    const manifest = await readJson<Manifest>((await currentBuildDir(indexDir))!, 'manifest.json');
    expect(manifest.embedder).toMatchObject({ kind: 'semantic', dim: 64, modelVersion: model.version });
    const index = await loadIndex(config);
    expect(index.embedder).toBeInstanceOf(SemanticEmbedder);
    // Tools that load a build directly find the model through its manifest.
    expect((await CorpusIndex.load(indexDir)).embedder).toBeInstanceOf(SemanticEmbedder);
    const query = 'thời giờ làm việc bình thường của người lao động';
    const top = index.vectors.search(await index.embedder.embedQuery(query), 1)[0]!;
    expect(index.chunks[index.chunkByLabel.get(top.label)!]!.id).toBe('codes/bo-luat-lao-dong-2019#d105');
    expect((await runIngest(config)).unchanged).toBe(true);

    // A retrained model (one more epoch) has another version: the whole corpus is embedded again.
    const retrained = trainSemantic(texts, { ...SMALL, tuning: { ...SMALL.tuning, epochs: 3 } });
    await saveSemanticModel(retrained, modelDir);
    lines.length = 0;
    await ensureIndexBuilt(config, logger);
    expect(lines[1]).toBe(`index embedded with semantic ${model.version}: re-embedding it with semantic ${retrained.version}`);
    const after = await readJson<Manifest>((await currentBuildDir(indexDir))!, 'manifest.json');
    expect(after.embedder.modelVersion).toBe(retrained.version);
    expect(after.counts.chunks).toBe(manifest.counts.chunks);

    // Without the model the service falls back to LSA and rebuilds rather than querying vectors it cannot read.
    rmSync(modelDir, { recursive: true });
    expect(existsSync(modelDir)).toBe(false);
    lines.length = 0;
    await ensureIndexBuilt(config, logger);
    expect(lines[0]).toMatch(/^embedder: LSA trained on the corpus — no semantic model/);
    expect((await CorpusIndex.load(indexDir)).manifest.embedder.kind).toBe('lsa');
  });
});
