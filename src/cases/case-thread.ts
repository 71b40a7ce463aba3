/**
 * Worker-thread entry for the judges' case work (piscina): holds its own copy of the index build
 * the HTTP process serves and answers {@link CaseTask}s, so a long fact description costs this
 * thread's CPU time, never the event loop that answers /healthz and search.
 */
import { workerData } from 'node:worker_threads';
import type { Config } from '../config.js';
import { createEmbedder } from '../embeddings/create-embedder.js';
import { CorpusIndex } from '../index/corpus-index.js';
import { createRetriever } from '../retrieval/create-retriever.js';
import type { HybridRetriever } from '../retrieval/hybrid-retriever.js';
import { loadServingResources } from '../service.js';
import { caseIndexFor } from './case-index.js';
import { caseResponse, type CaseTask } from './case-responses.js';
import { sharedThesaurus } from '../text/thesaurus.js';

export interface ThreadTask extends Partial<CaseTask> {
  /** The build folder the HTTP process serves; the thread loads it when it holds another. */
  buildDir: string;
  /** Only load the build (warm-up), compute nothing. */
  warm?: boolean;
}

const config = (workerData as { config: Config }).config;
let loaded: Promise<{ dir: string; index: CorpusIndex; retriever: HybridRetriever }> | undefined;

async function load(dir: string) {
  const index = await CorpusIndex.loadBuild(dir, config.EMBEDDER === 'transformers' ? createEmbedder(config) : undefined);
  // Wired as the HTTP process wires its own (see AppState), so answers match the inline runner's.
  const retriever = createRetriever(index, loadServingResources(config).resources);
  caseIndexFor(index).similar;
  return { dir, index, retriever };
}

export default async function run(task: ThreadTask): Promise<object> {
  let current = loaded ? await loaded : undefined;
  if (current?.dir !== task.buildDir) {
    loaded = load(task.buildDir);
    loaded.catch(() => (loaded = undefined));
    current = await loaded;
  }
  if (task.warm || !task.kind || task.facts === undefined) return {};
  return caseResponse(current.index, current.retriever, { kind: task.kind, facts: task.facts, k: task.k ?? 10 }, sharedThesaurus(config.THESAURUS_DIR));
}
