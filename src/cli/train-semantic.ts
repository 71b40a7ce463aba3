import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { corpusTrainingTexts } from '../embeddings/corpus-training-texts.js';
import { readPhapdien } from '../embeddings/read-phapdien.js';
import { saveSemanticModel } from '../embeddings/semantic-model-store.js';
import { DEFAULT_SEMANTIC_TRAIN_OPTIONS, trainSemantic, type TrainingText } from '../embeddings/train-semantic.js';
import { createPhaseProgress } from './progress-bar.js';
import { runMain } from './run-main.js';

const d = DEFAULT_SEMANTIC_TRAIN_OPTIONS;
const USAGE = `Usage: npm run train-semantic -- [--archive <tar.gz>] [--corpus <dir>] [--out <dir>] [--dim N] [--epochs N] [--limit N]
  --archive  Pháp điển dump (default: PHAPDIEN_ARCHIVE or ../shared/datasets/phapdien-van-ban-md.tar.gz)
  --corpus   corpus folder (default: CORPUS_DIR or ../shared/corpus)
  --out      model folder (default: SEMANTIC_MODEL_DIR or models/semantic)
  --dim      dimensions (default ${d.lsa.dim})
  --epochs   contrastive epochs (default ${d.tuning.epochs}; 0 keeps the plain LSA table)
  --limit    read only the first N Pháp điển provisions (quick runs)`;

function positiveInt(name: string, v: string | undefined, min = 1): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name} must be an integer ≥ ${min}, got ${v}`);
  return n;
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { archive: { type: 'string' }, corpus: { type: 'string' }, out: { type: 'string' }, dim: { type: 'string' }, epochs: { type: 'string' }, limit: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig();
  const archive = values.archive ? path.resolve(values.archive) : config.PHAPDIEN_ARCHIVE;
  const corpusDir = values.corpus ? path.resolve(values.corpus) : config.CORPUS_DIR;
  const out = values.out ? path.resolve(values.out) : config.SEMANTIC_MODEL_DIR;
  const dim = positiveInt('dim', values.dim, 16);
  const epochs = positiveInt('epochs', values.epochs, 0);
  const limit = positiveInt('limit', values.limit);
  const t0 = performance.now();
  const stages: [string, number][] = [];
  let mark = t0;
  const lap = (name: string) => {
    const now = performance.now();
    stages.push([name, (now - mark) / 1000]);
    mark = now;
  };

  const bar = createPhaseProgress();
  const texts: TrainingText[] = [];
  const pd = await readPhapdien(archive, {
    onProvision: (p) => texts.push({ heading: p.heading, body: p.text, source: 'phapdien' }),
    onBytes: (read, total) => bar.update('read', read, total),
    ...(limit ? { maxProvisions: limit } : {}),
  });
  const phapdienProvisions = texts.length;
  lap('read Pháp điển');
  const corpus = await corpusTrainingTexts(corpusDir, (done, total) => bar.update('corpus', done, total));
  texts.push(...corpus.texts);
  lap('read corpus');
  const model = trainSemantic(
    texts,
    { lsa: { ...(dim ? { dim } : {}) }, tuning: { ...(epochs !== undefined ? { epochs } : {}) } },
    (phase, done, total) => {
      bar.update(phase, done, total);
      if (phase === 'prepare' && done === 0) lap('LSA (TF-IDF + randomized SVD)');
    },
  );
  lap('contrastive tuning');
  bar.stop();
  await saveSemanticModel(model, out);
  lap('save');
  const size = (await stat(path.join(out, 'projection.f32'))).size;
  const seconds = (performance.now() - t0) / 1000;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const t = model.training;
  console.log(`Đã huấn luyện mô hình ngữ nghĩa (semantic model trained) — ${seconds.toFixed(1)} s`);
  console.log(`  model:       ${out} (version ${model.version}, ${(size / 1024 / 1024).toFixed(0)} MB table)`);
  console.log(`  Pháp điển:   ${archive}`);
  console.log(`               ${pd.pages} pages, ${phapdienProvisions} provisions used (${pd.provisions - pd.digests} full texts, ${pd.digests} digest entries, ${pd.duplicates} repeats skipped)`);
  console.log(`  corpus:      ${corpusDir}: ${corpus.files} files, ${corpus.texts.length} chunks${corpus.skipped.length ? `, ${corpus.skipped.length} skipped` : ''}; weight ${t.corpusWeight} against Pháp điển`);
  console.log(`  vocabulary:  ${model.vocab.length} terms (syllables and syllable bigrams)`);
  console.log(`  dimensions:  ${model.dim}`);
  console.log(`  tuning:      ${t.pairs} inverse-cloze texts, ${t.epochLoss.length} epochs, loss ${t.epochLoss.join(' → ') || '—'}`);
  console.log(`  time:        ${stages.map(([n, s]) => `${n} ${s.toFixed(1)} s`).join('; ')}`);
  console.log(`  peak RSS:    ${peakMb.toFixed(0)} MB`);
  for (const s of corpus.skipped) console.log(`    skipped ${s.file}: ${s.reason}`);
  return 0;
}

runMain(main);
