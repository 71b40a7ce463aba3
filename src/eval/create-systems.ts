import type { AnswerGenerator } from '../answer/answer-generator.js';
import type { CorpusIndex } from '../index/corpus-index.js';
import type { SearchFilters } from '../retrieval/search-filters.js';
import type { EvalSystem } from './eval-system.js';
import { GOLD_KINDS } from './eval-question.js';
import type { DatasetFormat } from './load-dataset.js';
import { FrequentProvisions } from './provisions/frequent-provisions.js';
import { judgmentCases, type JudgmentCase } from './provisions/judgment-cases.js';
import { ProvisionEvalSystem } from './provisions/provision-system.js';
import { SimilarJudgments } from './provisions/similar-judgments.js';
import { bm25Search } from './systems/bm25-search.js';
import { denseSearch } from './systems/dense-search.js';
import { FullSystem } from './systems/full-system.js';
import { naiveLangchainSearch } from './systems/naive-langchain-search.js';
import { PassageSystem } from './systems/passage-system.js';
import { randomSearch } from './systems/random-search.js';

export const RETRIEVAL_SYSTEMS = ['full', 'bm25', 'dense', 'naive-langchain'] as const;
/** Per-question provision baselines; the recommender itself is scored by nested CV (`provision-cv.ts`). */
export const PROVISION_SYSTEMS = ['frequent-provisions', 'similar-judgments'] as const;
/** `random` is the deliberately broken system the smoke test uses to check that metrics discriminate. */
export const SYSTEM_NAMES = [...RETRIEVAL_SYSTEMS, ...PROVISION_SYSTEMS, 'random'] as const;

/**
 * Both gold sets label only laws and codes, so every system searches only those: otherwise a
 * judgment or briefing that quotes the right article would count as a miss for some systems only.
 */
export const GOLD_FILTERS: SearchFilters = { kinds: [...GOLD_KINDS] };

export interface SystemContext {
  index: CorpusIndex;
  generator: AnswerGenerator;
  /** Where the naive baseline caches its vector store. */
  cacheDir: string;
  log: (message: string) => void;
}

/** The systems run when none are named: plain search on both formats (judgments also get the nested-CV provision table). */
export function defaultSystems(_format: DatasetFormat): string[] {
  return [...RETRIEVAL_SYSTEMS];
}

/** Builds the named systems over one index (the naive store and judgment cases once each). */
export async function createSystems(names: readonly string[], ctx: SystemContext): Promise<EvalSystem[]> {
  let cases: JudgmentCase[] | undefined;
  const getCases = () => (cases ??= judgmentCases(ctx.index));
  const out: EvalSystem[] = [];
  for (const name of names) {
    switch (name) {
      case 'full':
        out.push(new FullSystem(ctx.index, ctx.generator, GOLD_FILTERS));
        break;
      case 'bm25':
        out.push(new PassageSystem('bm25', bm25Search(ctx.index, GOLD_FILTERS), ctx.generator));
        break;
      case 'dense':
        out.push(new PassageSystem('dense', denseSearch(ctx.index, GOLD_FILTERS), ctx.generator));
        break;
      case 'naive-langchain':
        out.push(new PassageSystem('naive-langchain', await naiveLangchainSearch(ctx.index, ctx.cacheDir, ctx.log), ctx.generator, { candidates: 20 }));
        break;
      case 'random':
        out.push(new PassageSystem('random', randomSearch(ctx.index, GOLD_FILTERS), ctx.generator));
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
