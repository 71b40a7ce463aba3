import { existsSync, readFileSync } from 'node:fs';
import type { Express } from 'express';
import { pino, type Logger } from 'pino';
import type { AnswerGenerator } from './answer/answer-generator.js';
import { ExtractiveAnswerGenerator } from './answer/extractive-answer-generator.js';
import { LlmAnswerGenerator } from './answer/llm-answer-generator.js';
import { OpenAiChatClient } from './answer/openai-chat-client.js';
import type { Config } from './config.js';
import { builtWith, chooseEmbedder, queryEmbedderFor, type EmbedderChoice } from './embeddings/choose-embedder.js';
import { CorpusIndex } from './index/corpus-index.js';
import { currentBuildDir, readJson, STORE_VERSION, type Manifest } from './index/index-store.js';
import { AppState } from './http/app-state.js';
import { createApp } from './http/create-app.js';
import { webRouter } from './http/routes/web.js';
import { casesRouter } from './http/routes/cases.js';
import { CaseAdvisor } from './cases/case-advisor.js';
import { caseIndexFor } from './cases/case-index.js';
import { ingestCorpus, type IngestReport } from './ingest/ingest-pipeline.js';
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

/** Runs an ingest with the configured embedder (`choice`, when the caller has resolved it already). */
export async function runIngest(
  config: Config,
  opts: { full?: boolean; corpusDir?: string; indexDir?: string; choice?: EmbedderChoice; onProgress?: (phase: string, done: number, total: number) => void } = {},
): Promise<IngestReport> {
  const choice = opts.choice ?? (await chooseEmbedder(config));
  return ingestCorpus({
    corpusDir: opts.corpusDir ?? config.CORPUS_DIR,
    indexDir: opts.indexDir ?? config.INDEX_DIR,
    embedderKind: choice.kind,
    ...(choice.embedder ? { embedder: choice.embedder } : {}),
    ...(choice.modelDir ? { modelDir: choice.modelDir } : {}),
    ...(choice.modelVersion ? { modelVersion: choice.modelVersion } : {}),
    lsa: { dim: config.EMBEDDING_DIM },
    ...(opts.full ? { full: true } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
}

/**
 * Builds the index when there is none (first run), it is of an older format, or another embedder
 * built it (a new semantic model, one added or removed); loads nothing. Logs which embedder is in use.
 */
export async function ensureIndexBuilt(config: Config, logger: Logger, onProgress?: (phase: string, done: number, total: number) => void): Promise<void> {
  const choice = await chooseEmbedder(config);
  logger.info(choice.reason);
  const dir = await currentBuildDir(config.INDEX_DIR);
  const manifest = dir ? await readJson<Manifest>(dir, 'manifest.json') : undefined;
  if (manifest?.version === STORE_VERSION && builtWith(manifest, choice)) return;
  const why = !manifest
    ? 'no index yet: building it from the corpus (first run)'
    : manifest.version !== STORE_VERSION
      ? 'index built by an older version: rebuilding it'
      : `index embedded with ${manifest.embedder.kind}${manifest.embedder.modelVersion ? ` ${manifest.embedder.modelVersion}` : ''}: re-embedding it with ${choice.kind}${choice.modelVersion ? ` ${choice.modelVersion}` : ''}`;
  logger.info({ corpus: config.CORPUS_DIR, index: config.INDEX_DIR }, why);
  const report = await runIngest(config, { choice, ...(onProgress ? { onProgress } : {}) });
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

/** Loads the current index with the embedder its manifest says built it. */
export async function loadIndex(config: Config): Promise<CorpusIndex> {
  const dir = await currentBuildDir(config.INDEX_DIR);
  const manifest = dir ? await readJson<Manifest>(dir, 'manifest.json') : undefined;
  return CorpusIndex.load(config.INDEX_DIR, manifest ? await queryEmbedderFor(config, manifest) : undefined);
}
