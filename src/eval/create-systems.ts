import type { AnswerGenerator } from '../answer/answer-generator.js';
import type { CorpusIndex } from '../index/corpus-index.js';
import type { SearchFilters } from '../retrieval/search-filters.js';
import type { EvalSystem } from './eval-system.js';
import type { DatasetFormat } from './load-dataset.js';
import { FrequentProvisions } from './provisions/frequent-provisions.js';
import { judgmentCases, type JudgmentCase } from './provisions/judgment-cases.js';
import { ProvisionEvalSystem } from './provisions/provision-system.js';
import { SimilarJudgments } from './provisions/similar-judgments.js';
import { bm25Search } from './systems/bm25-search.js';
import { denseSearch } from './systems/dense-search.js';
import { FullSystem, type ServiceModels } from './systems/full-system.js';
import type { EvalQuestion } from './eval-question.js';
import { naiveLangchainSearch } from './systems/naive-langchain-search.js';
import { PassageSystem } from './systems/passage-system.js';
import { randomSearch } from './systems/random-search.js';

export const RETRIEVAL_SYSTEMS = ['full', 'v1', 'bm25', 'dense', 'naive-langchain'] as const;
/** Per-question provision baselines; the judges' recommender itself is scored by nested CV (`provisions/provision-cv.ts`). */
export const PROVISION_SYSTEMS = ['frequent-provisions', 'similar-judgments'] as const;
/** `random` is the deliberately broken system the smoke test uses to check that metrics discriminate. */
export const SYSTEM_NAMES = [...RETRIEVAL_SYSTEMS, ...PROVISION_SYSTEMS, 'random'] as const;


export interface SystemContext {
  index: CorpusIndex;
  generator: AnswerGenerator;
  /** The models `full` runs with: the shipped ones, or per question the cross-validation fold's. */
  modelsFor: (q: EvalQuestion) => ServiceModels;
  /** The first build's ranking and refusal, for the `v1` baseline. */
  v1: ServiceModels;
  /** What every system searches (see {@link filtersFor}). */
  filters: SearchFilters;
  /** Where the naive baseline caches its vector store. */
  cacheDir: string;
  log: (message: string) => void;
}

/** The systems run when none are named: the judgments set adds the provision recommenders. */
export function defaultSystems(format: DatasetFormat): string[] {
  if (format === 'alqac') return [...RETRIEVAL_SYSTEMS];
  return [...RETRIEVAL_SYSTEMS, ...PROVISION_SYSTEMS];
}

/** Builds the named systems over one index (the naive store and judgment cases once each). */
export async function createSystems(names: readonly string[], ctx: SystemContext): Promise<EvalSystem[]> {
  let cases: JudgmentCase[] | undefined;
  const getCases = () => (cases ??= judgmentCases(ctx.index));
  const out: EvalSystem[] = [];
  for (const name of names) {
    switch (name) {
      case 'full':
        out.push(new FullSystem('full', ctx.index, ctx.generator, ctx.modelsFor, ctx.filters));
        break;
      case 'v1':
        out.push(new FullSystem('v1', ctx.index, ctx.generator, () => ctx.v1, ctx.filters));
        break;
      case 'bm25':
        out.push(new PassageSystem('bm25', bm25Search(ctx.index, ctx.filters), ctx.generator));
        break;
      case 'dense':
        out.push(new PassageSystem('dense', denseSearch(ctx.index, ctx.filters), ctx.generator));
        break;
      case 'naive-langchain':
        out.push(new PassageSystem('naive-langchain', await naiveLangchainSearch(ctx.index, ctx.cacheDir, ctx.log), ctx.generator, { candidates: 20 }));
        break;
      case 'random':
        out.push(new PassageSystem('random', randomSearch(ctx.index, ctx.filters), ctx.generator));
        break;
      case 'frequent-provisions':
        out.push(new ProvisionEvalSystem(new FrequentProvisions(getCases())));
        break;
      case 'similar-judgments':
        out.push(new ProvisionEvalSystem(new SimilarJudgments(getCases())));
        break;
      default:
        throw new Error(`unknown system \`${name}\`; known: ${SYSTEM_NAMES.join(', ')}`);
    }
  }
  return out;
}
