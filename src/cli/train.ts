import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { loadConfig } from '../config.js';
import type { TrainOptions } from '../eval/cross-validation.js';
import { DEFAULT_FOLDS, labelTrainingSets, SOURCE_WEIGHTS, trainService } from '../eval/service-training.js';
import { ensureIndex, loadServingResources } from '../service.js';
import { createPhaseProgress } from './progress-bar.js';
import { runMain } from './run-main.js';

const USAGE = `Usage: npm run train -- [--dataset FILE]... [--no-titles] [--folds N] [--dry-run]
  Learns the reranker's weights and the answer/suggest/refuse decision from the question sets
  together (default: ../shared/datasets/alqac25-dev.json and eval/datasets/natural-dev.json, plus
  "article title → article" questions), prints k-fold cross-validated figures per set, and writes
  the models fitted on everything to src/retrieval/reranker-weights.json and
  src/answer/decision-model.json (not with --dry-run).`;

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { dataset: { type: 'string', multiple: true }, 'no-titles': { type: 'boolean', default: false }, folds: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const folds = values.folds ? Number(values.folds) : DEFAULT_FOLDS;
  if (!Number.isInteger(folds) || folds < 2) throw new Error(`--folds must be an integer ≥ 2, got ${values.folds}`);
  const config = loadConfig();
  const datasets = (values.dataset ?? ['../shared/datasets/alqac25-dev.json', 'eval/datasets/natural-dev.json']).map((f) => path.resolve(f));
  const bar = createPhaseProgress();
  const index = await ensureIndex(config, pino({ level: 'warn' }), bar.update);
  const { resources } = loadServingResources(config);
  const queries = await labelTrainingSets(index, resources, { datasets, titles: !values['no-titles'] }, folds, bar.update);
  bar.stop();
  const bySource = new Map<string, number>();
  for (const q of queries) bySource.set(q.source, (bySource.get(q.source) ?? 0) + 1);
  console.log(`questions: ${[...bySource].map(([s, n]) => `${s} ${n}`).join(', ')}`);

  const options: TrainOptions = { base: resources.weights, sourceWeights: SOURCE_WEIGHTS };
  const t0 = performance.now();
  const trained = trainService(queries, options, folds, (f) => console.error(`fold ${f + 1}/${folds}…`));
  console.log(`\n${folds}-fold cross-validated (each question scored by models that never saw it; ${((performance.now() - t0) / 1000).toFixed(0)} s):`);
  for (const [source, s] of Object.entries(trained.summary)) {
    console.log(`  ${source.padEnd(16)} n=${s.n}  MRR@10 ${s.mrr.toFixed(3)}  recall@1 ${s.recall1.toFixed(3)}  answered with the right first article ${pct(s.answeredRight)}  answerable refused ${pct(s.answerableRefused)}${s.unanswerable ? `  unanswerable declined ${pct(s.unanswerableDeclined)} (of ${s.unanswerable})` : ''}  suggested ${pct(s.suggested)}`);
  }
  const d = trained.final.decision;
  console.log(`\nfitted on all: answer when P(correct) ≥ ${d.answerAt}, else suggest when P(answerable) ≥ ${d.suggestAt}, else refuse`);
  if (values['dry-run']) return 0;
  const cv = Object.fromEntries(Object.entries(trained.summary).map(([s, x]) => [s, { mrr10: round(x.mrr), answerableRefused: round(x.answerableRefused), unanswerableDeclined: round(x.unanswerableDeclined) }]));
  const note = { trainedOn: datasets.map((f) => path.basename(f)).concat(values['no-titles'] ? [] : ['article titles']), folds, crossValidated: cv };
  await writeFile('src/retrieval/reranker-weights.json', `${JSON.stringify({ weights: trained.final.weights.weights, ...note }, null, 2)}\n`);
  await writeFile('src/answer/decision-model.json', `${JSON.stringify({ ...trained.final.decision, ...note }, null, 2)}\n`);
  console.log('wrote src/retrieval/reranker-weights.json and src/answer/decision-model.json');
  return 0;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

runMain(main);
