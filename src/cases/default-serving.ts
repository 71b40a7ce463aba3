import { pino } from 'pino';
import { loadConfig } from '../config.js';
import type { CorpusIndex } from '../index/corpus-index.js';
import { HybridRetriever } from '../retrieval/hybrid-retriever.js';
import { lawMentionFinder } from '../retrieval/law-mention-finder.js';
import { ensureIndex, loadRerankerWeights } from '../service.js';

let loading: Promise<CorpusIndex> | undefined;
const retrievers = new WeakMap<CorpusIndex, HybridRetriever>();

/** The configured index (`INDEX_DIR`), loaded once; for callers that hold none (the eval harness). */
export function defaultIndex(): Promise<CorpusIndex> {
  return (loading ??= ensureIndex(loadConfig(), pino({ level: 'warn' })));
}

/** A retriever over `index` wired as the server wires it (learned weights, law-name resolution). */
export function serviceRetriever(index: CorpusIndex): HybridRetriever {
  let r = retrievers.get(index);
  if (!r) retrievers.set(index, (r = new HybridRetriever({ index, weights: loadRerankerWeights(), findLaws: lawMentionFinder(index) })));
  return r;
}
