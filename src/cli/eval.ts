import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { ExtractiveAnswerGenerator } from '../answer/extractive-answer-generator.js';
import { loadConfig } from '../config.js';
import { createSystems, defaultSystems, SYSTEM_NAMES } from '../eval/create-systems.js';
import { GoldMapper } from '../eval/gold-mapping.js';
import { loadDataset } from '../eval/load-dataset.js';
import { alqacTargets } from '../eval/report/alqac-targets.js';
import { metricRows, textTable } from '../eval/report/terminal-table.js';
import { crossValidatedModels, servingModels, TRAINING_DATASETS, v1Models } from '../eval/eval-models.js';
import { runEval } from '../eval/run-eval.js';
import { filtersFor } from '../eval/service-training.js';
import { runNotes } from '../eval/run-notes.js';
import { writeReport } from '../eval/write-report.js';
import { evaluateProvisionsCv } from '../eval/provisions/provision-cv.js';
import { writeProvisionCvReport } from '../eval/provisions/provision-cv-report.js';
import { readProvisionGold } from '../eval/provisions/provision-gold.js';
import { createRetriever } from '../retrieval/create-retriever.js';
import { curatedThesaurus, ensureIndex, loadServingResources } from '../service.js';
import { createPhaseProgress } from './progress-bar.js';
import { runMain } from './run-main.js';

const USAGE = `Usage: npm run eval -- --dataset <file> [--limit N] [--systems full,v1,bm25,dense,naive-langchain] [--shipped] [--out <report.json>] [--index <dir>]
  --dataset  gold file: ALQAC-format questions (ALQAC or the natural-question set) or judgments
  --limit    only the first N questions
  --systems  comma-separated, from: ${SYSTEM_NAMES.join(', ')}
             (default: full,v1,bm25,dense,naive-langchain; judgments add frequent-provisions,similar-judgments);
             a judgments-format set also gets the judges' recommender scored by nested CV beside them
  --no-provisions  skip that table
  --shipped  run \`full\` with the shipped models; by default each question of a training set
             (ALQAC dev, natural-dev) is scored with cross-validated models that never saw it; any
             other set (a blind one such as natural-fresh) always runs with the shipped models,
             which were trained without it
  --out      JSON report path (default: eval/reports/<dataset name>.json); .md and .svg are written beside it
  --index    index folder (default: INDEX_DIR or indexes; built from the corpus first when empty)`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { dataset: { type: 'string' }, limit: { type: 'string' }, systems: { type: 'string' }, shipped: { type: 'boolean', default: false }, 'no-provisions': { type: 'boolean' }, out: { type: 'string' }, index: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help || !values.dataset) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const limit = values.limit !== undefined ? Number(values.limit) : undefined;
  if (limit !== undefined && (!Number.isInteger(limit) || limit < 1)) throw new Error(`--limit must be a positive integer, got ${values.limit}`);
  const config = loadConfig();
  const indexDir = values.index ? path.resolve(values.index) : config.INDEX_DIR;
  const datasetFile = path.resolve(values.dataset);
  const jsonPath = path.resolve(values.out ?? path.join('eval/reports', `${path.basename(datasetFile).replace(/\.json$/i, '')}.json`));

  const bar = createPhaseProgress();
  const index = await ensureIndex({ ...config, INDEX_DIR: indexDir }, pino({ level: 'warn' }), bar.update);
  bar.stop();
  const dataset = await loadDataset(datasetFile, limit);
  const mapper = new GoldMapper(index);
  const unmapped = mapper.mapQuestions(dataset.questions);
  const names = values.systems ? values.systems.split(',').map((s) => s.trim()).filter(Boolean) : defaultSystems(dataset.format);
  const log = (m: string) => console.error(m);
  // Cross-validation only for the sets the models are trained on: a set outside them is held out already.
  const inTraining = TRAINING_DATASETS.some((f) => path.resolve(f) === path.resolve(datasetFile));
  const wantsFull = names.includes('full') && dataset.format === 'alqac' && inTraining;
  const training = createPhaseProgress();
  // One set of shipped models for every question: the system keeps one serving state per models object.
  const shipped = wantsFull && !values.shipped ? undefined : servingModels(config);
  const modelsFor = shipped ? () => shipped : await crossValidatedModels({ ...config, INDEX_DIR: indexDir }, index, training.update);
  training.stop();
  const filters = filtersFor(dataset.questions);
  const systems = await createSystems(names, { index, generator: new ExtractiveAnswerGenerator(), modelsFor, v1: v1Models(), filters, cacheDir: path.join(path.dirname(jsonPath), '.cache'), log });

  const progress = createPhaseProgress();
  const report = await runEval({ dataset: path.basename(datasetFile), questions: dataset.questions, unmapped, systems, onProgress: progress.update });
  progress.stop();

  const titles = new Map([...index.documents.values()].map((d) => [d.meta.id, d.meta.title]));
  const targets = dataset.format === 'alqac' ? alqacTargets(report.systems) : [];
  const notes = [...runNotes(dataset.format, index.dir), `Searched: ${filters.kinds?.join(', ')}.`, names.includes('full') ? (shipped ? `\`full\` ran with the shipped models${inTraining ? '' : ', which were trained without this set'}.` : '`full` is cross-validated: each question was scored with reranker and decision models trained (5 folds, ALQAC and natural sets together) without it.') : ''].filter(Boolean);
  const files = await writeReport(report, jsonPath, { titles, notes, targets });

  console.log(`\n${report.dataset}: ${report.questions} questions (${dataset.format}), ${dataset.questions.filter((q) => q.gold.length > 0).length} with gold in the corpus; ${unmapped.length} gold labels unmapped`);
  console.log(textTable(metricRows(report.systems)));
  for (const t of targets) console.log(`${t.met ? 'MET    ' : 'NOT MET'}  ${t.label}`);
  console.log(`\nreport: ${path.relative(process.cwd(), files.json)}, ${path.relative(process.cwd(), files.markdown)}, ${path.relative(process.cwd(), files.chart)}`);

  if (dataset.format === 'judgments' && !values['no-provisions']) {
    // The recommender over a retriever wired as the server wires it.
    const retriever = createRetriever(index, loadServingResources(config).resources);
    const gold = readProvisionGold(JSON.parse(await readFile(datasetFile, 'utf8')) as unknown[]);
    const cv = await evaluateProvisionsCv({ index, retriever, questions: dataset.questions, thesaurus: curatedThesaurus(config), ...gold, log });
    const out = await writeProvisionCvReport(cv, report.dataset, jsonPath);
    console.log(`\nProvision recommendation (${cv.criminal} criminal, ${cv.civil} civil questions; nested cross-validation):`);
    console.log(out.table);
    console.log(`\nreport: ${path.relative(process.cwd(), out.json)}, ${path.relative(process.cwd(), out.markdown)}`);
  }
  return 0;
}

runMain(main);
