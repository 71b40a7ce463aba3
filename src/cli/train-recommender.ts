import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { DEFAULT_JUDGE_WEIGHTS, JUDGE_WEIGHTS_FILE, type JudgeWeights } from '../cases/recommender-weights.js';
import type { CriminalWeights } from '../cases/criminal/criminal-recommender.js';
import type { RecommenderWeights } from '../cases/provision-recommender.js';
import { loadConfig } from '../config.js';
import { GoldMapper } from '../eval/gold-mapping.js';
import { loadDataset } from '../eval/load-dataset.js';
import { ProvisionExperiment } from '../eval/provisions/provision-experiment.js';
import { createRetriever } from '../retrieval/create-retriever.js';
import { curatedThesaurus, ensureIndex, loadServingResources } from '../service.js';
import { runMain } from './run-main.js';

const USAGE = `Usage: npm run train-recommender -- [--criminal <file>] [--civil <file>] [--index <dir>] [--dry-run]
  Fits the judges' recommender weights on all questions of each set (the grid point with the best
  mean objective) and writes src/cases/recommender-weights.json. The figures to quote are the
  nested-CV ones of \`npm run eval -- --dataset <file>\`, not the fitted objective printed here.
  --criminal  criminal set (default eval/datasets/criminal-dev.json)
  --civil     civil set (default ../shared/datasets/judgments-dev.json)`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { criminal: { type: 'string', default: 'eval/datasets/criminal-dev.json' }, civil: { type: 'string', default: '../shared/datasets/judgments-dev.json' }, index: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig();
  const index = await ensureIndex({ ...config, INDEX_DIR: values.index ? path.resolve(values.index) : config.INDEX_DIR }, pino({ level: 'warn' }));
  const retriever = createRetriever(index, loadServingResources(config).resources);
  const log = (m: string) => console.error(m);
  const weights: JudgeWeights = { ...DEFAULT_JUDGE_WEIGHTS };
  const fitted: Record<string, { dataset: string; questions: number; objective: number }> = {};
  for (const [family, file] of [['criminal', values.criminal], ['civil', values.civil]] as const) {
    const ds = await loadDataset(path.resolve(file));
    new GoldMapper(index).mapQuestions(ds.questions);
    const x = await ProvisionExperiment.prepare({ index, retriever, questions: ds.questions, thesaurus: curatedThesaurus(config), log });
    const fit = x.fit(family);
    if (!fit) {
      console.log(`${family}: no question of ${file} is routed as ${family}; keeping the current weights`);
      continue;
    }
    if (family === 'criminal') weights.criminal = fit.weights as CriminalWeights;
    else weights.civil = fit.weights as RecommenderWeights;
    fitted[family] = { dataset: path.basename(file), questions: fit.questions, objective: Number(fit.objective.toFixed(4)) };
    console.log(`${family}: ${fit.questions} questions, fitted objective ${fit.objective.toFixed(4)} (in-sample), weights ${JSON.stringify(fit.weights)}`);
  }
  if (!values['dry-run']) {
    await writeFile(JUDGE_WEIGHTS_FILE, `${JSON.stringify({ ...weights, fittedOn: fitted, note: 'fitted on all questions; cross-validated figures come from npm run eval' }, null, 2)}\n`);
    console.log(`wrote ${path.relative(process.cwd(), JUDGE_WEIGHTS_FILE.pathname)}`);
  }
  return 0;
}

runMain(main);
