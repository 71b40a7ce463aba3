import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { CorpusIndex } from '../index/corpus-index.js';
import { HybridRetriever } from '../retrieval/hybrid-retriever.js';
import { lawMentionFinder, lawResolverFor } from '../retrieval/law-mention-finder.js';
import { DEFAULT_WEIGHTS, FEATURE_NAMES, type FeatureName } from '../retrieval/rerank-features.js';
import { crossValidate, mrrAt10, trainWeights, type TrainingQuery } from '../retrieval/train-reranker.js';
import { createPhaseProgress } from './progress-bar.js';
import { runMain } from './run-main.js';

interface AlqacItem {
  text: string;
  relevant_articles: { law_id: string; article_id: string }[];
}

/**
 * Learns the reranker's weights on an ALQAC-format gold set with 5-fold cross-validation, prints
 * the cross-validated MRR@10 next to the unweighted baseline, and writes the weights fitted on all
 * questions to `src/retrieval/reranker-weights.json`.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { dataset: { type: 'string', default: '../shared/datasets/alqac25-dev.json' }, index: { type: 'string' }, out: { type: 'string', default: 'src/retrieval/reranker-weights.json' }, 'dry-run': { type: 'boolean', default: false } } });
  const config = loadConfig();
  const index = await CorpusIndex.load(values.index ?? config.INDEX_DIR);
  const resolver = lawResolverFor(index);
  const retriever = new HybridRetriever({ index, findLaws: lawMentionFinder(index), weights: { ...DEFAULT_WEIGHTS, lexicalK: 100, denseK: 50 } });
  const items = JSON.parse(await readFile(values.dataset!, 'utf8')) as AlqacItem[];
  const bar = createPhaseProgress();
  const queries: TrainingQuery[] = [];
  let unmapped = 0;
  for (let i = 0; i < items.length; i++) {
    bar.update('run', i, items.length);
    const it = items[i]!;
    const relevant = new Set<string>();
    for (const a of it.relevant_articles) {
      const id = resolver.resolve(a.law_id);
      if (id) relevant.add(`${id}#${a.article_id}`);
      else unmapped++;
    }
    const res = await retriever.search(it.text, 1000, { kinds: ['law', 'code'] });
    queries.push({ features: res.hits.map((h) => h.features), keys: res.hits.map((h) => `${h.chunk.documentId}#${h.chunk.article}`), relevant });
  }
  bar.stop();
  const ceiling = queries.filter((q) => q.keys.some((k) => q.relevant.has(k))).length / queries.length;
  const start = { ...DEFAULT_WEIGHTS.weights };
  const bm25Only = Object.fromEntries(FEATURE_NAMES.map((n) => [n, n === 'bm25' ? 1 : 0])) as Record<FeatureName, number>;
  console.log(`questions ${queries.length}, unmapped gold labels ${unmapped}, candidate recall ceiling ${ceiling.toFixed(3)}`);
  console.log(`MRR@10 bm25 feature only ${mrrAt10(queries, bm25Only).toFixed(4)}, hand-set weights ${mrrAt10(queries, start).toFixed(4)}`);
  const cv = crossValidate(queries, start);
  console.log(`5-fold cross-validated MRR@10 ${cv.mrr.toFixed(4)} (folds ${cv.perFold.map((m) => m.toFixed(3)).join(', ')})`);
  const weights = trainWeights(queries, start);
  console.log(`fitted on all: MRR@10 ${mrrAt10(queries, weights).toFixed(4)}`);
  console.log(JSON.stringify(weights));
  if (!values['dry-run']) {
    await writeFile(values.out!, `${JSON.stringify({ weights, trainedOn: values.dataset!.split('/').pop(), crossValidatedMrr10: Number(cv.mrr.toFixed(4)) }, null, 2)}\n`);
    console.log(`wrote ${values.out}`);
  }
  return 0;
}

runMain(main);
