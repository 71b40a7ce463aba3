import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { loadConfig } from '../config.js';
import { crossValidatedRankerMrr, type TrainOptions } from '../eval/cross-validation.js';
import { DEFAULT_FOLDS, labelTrainingSets, SOURCE_WEIGHTS, trainService } from '../eval/service-training.js';
import { ensureIndex, loadRetrievalResources } from '../service.js';
import { createPhaseProgress } from './progress-bar.js';
import { runMain } from './run-main.js';

const USAGE = `Usage: npm run train -- [--dataset FILE]... [--no-titles] [--folds N] [--grid] [--dry-run]
  Learns the reranker's weights and the answer/suggest/refuse decision from the question sets
  together (default: ../shared/datasets/alqac25-dev.json and eval/datasets/natural-dev.json, plus
  "article title → article" questions), prints k-fold cross-validated figures per set, and writes
  the models fitted on everything to src/retrieval/reranker-weights.json and
  src/answer/decision-model.json (not with --dry-run).
  --grid  first choose the thesaurus weights (expansion terms in the query, the expansion field of
          chunks) by cross-validated MRR@10, one weight at a time over a small grid.`;

/** Candidate values of the thesaurus weights, tried one weight at a time. */
const QUERY_EXPANSION_GRID = [0.25, 0.5, 1];
const FIELD_EXPANSION_GRID = [0, 0.5, 1, 2];

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { dataset: { type: 'string', multiple: true }, 'no-titles': { type: 'boolean', default: false }, folds: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, grid: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } } });
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
  const resources = loadRetrievalResources(config);
  const sets = { datasets, titles: !values['no-titles'] };
  if (values.grid) {
    // These weights change the candidates and their features, so each setting is searched anew.
    const score = async (expansionWeight: number, expansionFieldWeight: number) => {
      const weights = { ...resources.weights, expansionWeight, expansionFieldWeight };
      const qs = await labelTrainingSets(index, { ...resources, weights }, sets, folds, bar.update);
      const m = crossValidatedRankerMrr(qs, folds, { base: weights, sourceWeights: SOURCE_WEIGHTS });
      console.error(`query expansion ${expansionWeight}, field ${expansionFieldWeight}: CV MRR@10 ${m.mean.toFixed(4)} (${Object.entries(m.bySource).map(([s, v]) => `${s} ${v.toFixed(3)}`).join(', ')})`);
      return m.mean;
    };
    let best = { q: resources.weights.expansionWeight, f: resources.weights.expansionFieldWeight, m: -1 };
    for (const q of QUERY_EXPANSION_GRID) {
      const m = await score(q, best.f);
      if (m > best.m) best = { ...best, q, m };
    }
    for (const f of FIELD_EXPANSION_GRID) {
      if (f === best.f) continue;
      const m = await score(best.q, f);
      if (m > best.m) best = { ...best, f, m };
    }
    console.log(`chosen: query expansion weight ${best.q}, expansion field weight ${best.f} (CV MRR@10 ${best.m.toFixed(4)})`);
    resources.weights = { ...resources.weights, expansionWeight: best.q, expansionFieldWeight: best.f };
  }
  const queries = await labelTrainingSets(index, resources, sets, folds, bar.update);
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
  if (values['dry-run']) return 0;
  const cv = Object.fromEntries(Object.entries(trained.summary).map(([s, x]) => [s, { mrr10: round(x.mrr), answerableRefused: round(x.answerableRefused), unanswerableDeclined: round(x.unanswerableDeclined) }]));
  const note = { trainedOn: datasets.map((f) => path.basename(f)).concat(values['no-titles'] ? [] : ['article titles']), folds, crossValidated: cv };
  const w = trained.final.weights;
  await writeFile('src/retrieval/reranker-weights.json', `${JSON.stringify({ weights: w.weights, expansionWeight: w.expansionWeight, expansionFieldWeight: w.expansionFieldWeight, ...note }, null, 2)}\n`);
  await writeFile('src/answer/decision-model.json', `${JSON.stringify({ ...trained.final.decision, ...note }, null, 2)}\n`);
  console.log('wrote src/retrieval/reranker-weights.json and src/answer/decision-model.json');
  return 0;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;

runMain(main);
