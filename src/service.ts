import { existsSync, readFileSync } from 'node:fs';
import type { Express } from 'express';
import { pino, type Logger } from 'pino';
import type { AnswerGenerator } from './answer/answer-generator.js';
import { ExtractiveAnswerGenerator } from './answer/extractive-answer-generator.js';
import { LlmAnswerGenerator } from './answer/llm-answer-generator.js';
import { OpenAiChatClient } from './answer/openai-chat-client.js';
import type { Config } from './config.js';
import { createEmbedder } from './embeddings/create-embedder.js';
import { CorpusIndex } from './index/corpus-index.js';
import { currentBuildDir, readJson, STORE_VERSION, type Manifest } from './index/index-store.js';
import { AppState } from './http/app-state.js';
import { createApp } from './http/create-app.js';
import { webRouter } from './http/routes/web.js';
import { casesRouter } from './http/routes/cases.js';
import { CaseAdvisor } from './cases/case-advisor.js';
import { caseIndexFor } from './cases/case-index.js';
import { ingestCorpus, type IngestReport } from './ingest/ingest-pipeline.js';
import { loadRegistry } from './registry/load-registry.js';
import { loadDraftThresholds } from './drafts/draft-thresholds.js';
import { DEFAULT_WEIGHTS, type RerankerWeights } from './retrieval/rerank-features.js';
import { lawMentionFinder } from './retrieval/law-mention-finder.js';

const WEIGHTS_FILE = new URL('./retrieval/reranker-weights.json', import.meta.url);

/** Learned reranker weights when a trained file is present, else the hand-set defaults. */
export function loadRerankerWeights(): RerankerWeights {
  if (!existsSync(WEIGHTS_FILE)) return DEFAULT_WEIGHTS;
  const learned = JSON.parse(readFileSync(WEIGHTS_FILE, 'utf8')) as Partial<RerankerWeights>;
  return { ...DEFAULT_WEIGHTS, ...learned, weights: { ...DEFAULT_WEIGHTS.weights, ...(learned.weights ?? {}) } };
}

/** The extractive generator, wrapped by the LLM one when an endpoint is configured. */
export function createGenerator(config: Config): AnswerGenerator {
  const extractive = new ExtractiveAnswerGenerator();
  const client = OpenAiChatClient.fromConfig(config);
  return client ? new LlmAnswerGenerator({ client, fallback: extractive }) : extractive;
}

/** Runs an ingest with the configured embedder and document registry. */
export async function runIngest(config: Config, opts: { full?: boolean; onProgress?: (phase: string, done: number, total: number) => void; onLog?: (message: string) => void } = {}): Promise<IngestReport> {
  return ingestCorpus({
    registry: await loadRegistry(config.REGISTRY_FILE),
    corpusDir: config.CORPUS_DIR,
    indexDir: config.INDEX_DIR,
    embedderKind: config.EMBEDDER,
    ...(config.EMBEDDER === 'transformers' ? { embedder: createEmbedder(config), ...(config.EMBEDDING_MODEL_DIR ? { modelDir: config.EMBEDDING_MODEL_DIR } : {}) } : {}),
    lsa: { dim: config.EMBEDDING_DIM },
    ...(opts.full ? { full: true } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    ...(opts.onLog ? { onLog: opts.onLog } : {}),
  });
}

/** Builds the index when there is none (first run) or it is of an older format; loads nothing. */
export async function ensureIndexBuilt(config: Config, logger: Logger, onProgress?: (phase: string, done: number, total: number) => void): Promise<void> {
  const dir = await currentBuildDir(config.INDEX_DIR);
  const version = dir ? (await readJson<Manifest>(dir, 'manifest.json')).version : undefined;
  if (version === STORE_VERSION) return;
  logger.info({ corpus: config.CORPUS_DIR, index: config.INDEX_DIR }, dir ? 'index built by an older version: rebuilding it' : 'no index yet: building it from the corpus (first run)');
  const report = await runIngest(config, onProgress ? { onProgress } : {});
  logger.info({ documents: report.documents, chunks: report.chunks, skipped: report.skipped.length, seconds: Math.round(report.ms / 100) / 10 }, 'index built');
}

/** Loads the current index, building it first when needed (see {@link ensureIndexBuilt}). */
export async function ensureIndex(config: Config, logger: Logger, onProgress?: (phase: string, done: number, total: number) => void): Promise<CorpusIndex> {
  await ensureIndexBuilt(config, logger, onProgress);
  return loadIndex(config);
}

export interface Service {
  app: Express;
  state: AppState;
  logger: Logger;
}

/** Wires config, index, retrieval, generation and HTTP into one app. */
export async function createService(config: Config, opts: { logger?: Logger; index?: CorpusIndex; warmUp?: boolean } = {}): Promise<Service> {
  const logger = opts.logger ?? pino({ level: config.LOG_LEVEL });
  const index = opts.index ?? (await ensureIndex(config, logger));
  const state = new AppState(index, {
    ...(opts.warmUp ? { warmUp: true } : {}),
    generator: createGenerator(config),
    weights: loadRerankerWeights(),
    lawFinder: lawMentionFinder,
    draftThresholds: loadDraftThresholds(),
    caseAdvisor: (idx, retriever) => new CaseAdvisor(caseIndexFor(idx), retriever),
  });
  const app = createApp({
    state,
    logger,
    feedbackFile: config.FEEDBACK_FILE,
    maxBodyBytes: config.MAX_BODY_BYTES,
    admin: {
      apiKey: config.ADMIN_API_KEY,
      reindex: async (full) => {
        const report = await runIngest(config, { full });
        return report.unchanged ? { report } : { report, index: await loadIndex(config) };
      },
    },
    health: () => ({ llm: config.LLM_BASE_URL ? 'configured' : 'off (extractive answers)' }),
    routers: [casesRouter(state), webRouter()],
  });
  return { app, state, logger };
}

/** Loads the index the configured embedder can query. */
export function loadIndex(config: Config): Promise<CorpusIndex> {
  return CorpusIndex.load(config.INDEX_DIR, config.EMBEDDER === 'transformers' ? createEmbedder(config) : undefined);
}
