import { existsSync, readFileSync } from 'node:fs';
import type { Express } from 'express';
import { pino, type Logger } from 'pino';
import type { AnswerGenerator } from './answer/answer-generator.js';
import { ExtractiveAnswerGenerator } from './answer/extractive-answer-generator.js';
import { LlmAnswerGenerator } from './answer/llm-answer-generator.js';
import { OpenAiChatClient } from './answer/openai-chat-client.js';
import type { Config } from './config.js';
import { SqlAuditLog } from './audit/sql-audit-log.js';
import { SqlConversationStore } from './conversations/sql-conversation-store.js';
import type { Database } from './db/database.js';
import { openDatabase } from './db/open-database.js';
import { importFeedbackFile } from './feedback/import-feedback-file.js';
import { SqlFeedbackStore } from './feedback/sql-feedback-store.js';
import { createEmbedder } from './embeddings/create-embedder.js';
import { builtWith, chooseEmbedder, queryEmbedderFor, type EmbedderChoice } from './embeddings/choose-embedder.js';
import { CorpusIndex } from './index/corpus-index.js';
import { currentBuildDir, readJson, STORE_VERSION, type Manifest } from './index/index-store.js';
import { PgSearch } from './index/postgres/pg-search.js';
import type { PublishReport } from './index/postgres/publish-build.js';
import type { ServedIndex } from './index/served-index.js';
import { AppState } from './http/app-state.js';
import { createApp } from './http/create-app.js';
import { webRouter } from './http/routes/web.js';
import { casesRouter } from './http/routes/cases.js';
import { createCaseRunner } from './http/case-runner.js';
import { lazyCaseAdvisor } from './cases/case-advisor.js';
import { caseIndexFor } from './cases/case-index.js';
import { judgeAdvisorFor } from './cases/judge-advisor.js';
import { loadJudgeWeights } from './cases/recommender-weights.js';
import { ingestCorpus, type IngestReport } from './ingest/ingest-pipeline.js';
import { loadRegistry } from './registry/load-registry.js';
import { loadDraftThresholds } from './drafts/draft-thresholds.js';
import { DEFAULT_WEIGHTS, type RerankerWeights } from './retrieval/rerank-features.js';
import { CalibratedPolicy, DECISION_FEATURES, type AnswerPolicy, type DecisionModel } from './answer/answer-decision.js';
import { LlmQuestionRewriter } from './answer/question-rewriter.js';
import type { RetrievalResources } from './retrieval/create-retriever.js';
import { LawCatalog } from './retrieval/law-catalog.js';
import { thesaurusExpander, withDefinitions } from './retrieval/thesaurus-expander.js';
import { sharedThesaurus, type Thesaurus } from './text/thesaurus.js';

const WEIGHTS_FILE = new URL('./retrieval/reranker-weights.json', import.meta.url);
const DECISION_FILE = new URL('./answer/decision-model.json', import.meta.url);

/** Learned reranker weights when a trained file is present, else the hand-set defaults. */
export function loadRerankerWeights(): RerankerWeights {
  if (!existsSync(WEIGHTS_FILE)) return DEFAULT_WEIGHTS;
  const learned = JSON.parse(readFileSync(WEIGHTS_FILE, 'utf8')) as Partial<RerankerWeights>;
  return { ...DEFAULT_WEIGHTS, ...learned, weights: { ...DEFAULT_WEIGHTS.weights, ...(learned.weights ?? {}) } };
}

/** The answer/suggest/refuse decision fitted by `npm run train`. */
export function loadDecisionModel(): DecisionModel {
  const model = JSON.parse(readFileSync(DECISION_FILE, 'utf8')) as DecisionModel;
  if (model.features.join() !== DECISION_FEATURES.join() || !model.top3 || !model.utility) throw new Error(`${DECISION_FILE.pathname}: trained on other features (${model.features.join(', ')}); run \`npm run train\``);
  return model;
}

/** Weights, curated language data and the decision model: what every chat state is built with. */
export function loadServingResources(config: Config): { resources: RetrievalResources; policy: AnswerPolicy } {
  return { resources: loadRetrievalResources(config), policy: new CalibratedPolicy(loadDecisionModel()) };
}

/** The reranker weights and curated language data a retriever is built with (what training needs). */
export function loadRetrievalResources(config: Config): RetrievalResources {
  const thesaurus = curatedThesaurus(config);
  return { weights: loadRerankerWeights(), catalog: LawCatalog.load(config.LAW_CATALOG_FILE), expanderFor: (index) => thesaurusExpander(withDefinitions(thesaurus, index.definitions)) };
}

/** The extractive generator, wrapped by the LLM one when an endpoint is configured. */
export function createGenerator(config: Config): AnswerGenerator {
  const extractive = new ExtractiveAnswerGenerator();
  const client = OpenAiChatClient.fromConfig(config);
  return client ? new LlmAnswerGenerator({ client, fallback: extractive }) : extractive;
}

/** The curated thesaurus of the configured folder, read once per process. */
export function curatedThesaurus(config: Config): Thesaurus {
  return sharedThesaurus(config.THESAURUS_DIR);
}

/** Runs an ingest with the configured embedder (`choice`, when the caller has resolved it already), thesaurus and document registry. */
export async function runIngest(
  config: Config,
  opts: { full?: boolean; choice?: EmbedderChoice; onProgress?: (phase: string, done: number, total: number) => void; onLog?: (message: string) => void } = {},
): Promise<IngestReport> {
  const choice = opts.choice ?? (await chooseEmbedder(config));
  return ingestCorpus({
    registry: await loadRegistry(config.REGISTRY_FILE),
    corpusDir: config.CORPUS_DIR,
    indexDir: config.INDEX_DIR,
    embedderKind: choice.kind,
    ...(choice.embedder ? { embedder: choice.embedder } : {}),
    ...(choice.modelDir ? { modelDir: choice.modelDir } : {}),
    ...(choice.modelVersion ? { modelVersion: choice.modelVersion } : {}),
    lsa: { dim: config.EMBEDDING_DIM },
    thesaurus: curatedThesaurus(config),
    limits: { maxFileBytes: config.INGEST_MAX_FILE_BYTES, maxChunksPerFile: config.INGEST_MAX_CHUNKS_PER_FILE },
    ...(opts.full ? { full: true } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
    ...(opts.onLog ? { onLog: opts.onLog } : {}),
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

/** Opens the configured database (applying migrations) and moves an old JSON Lines feedback file into it. */
export async function openServiceDatabase(config: Config, logger: Logger): Promise<Database> {
  const database = await openDatabase(config);
  const imported = await importFeedbackFile(config.FEEDBACK_FILE, new SqlFeedbackStore(database.db));
  if (imported > 0) logger.info({ imported, file: config.FEEDBACK_FILE }, 'feedback file imported into the database');
  logger.info({ database: database.kind }, 'database ready');
  return database;
}

/** The PostgreSQL search backend when `SEARCH_BACKEND=postgres`; undefined for the in-memory one. */
export function openSearchBackend(config: Config): PgSearch | undefined {
  if (config.SEARCH_BACKEND !== 'postgres' || !config.DATABASE_URL) return undefined;
  return new PgSearch({ url: config.DATABASE_URL, ...(config.DATABASE_REPLICA_URL ? { replicaUrl: config.DATABASE_REPLICA_URL } : {}), ...(config.EMBEDDER === 'transformers' ? { embedder: createEmbedder(config) } : {}) });
}

/** Publishes the build in `INDEX_DIR` to PostgreSQL unless it is the newest published one already. */
export async function publishLocalBuild(config: Config, search: PgSearch, logger: Logger): Promise<PublishReport | undefined> {
  const report = await search.publishIfNew(await loadIndex(config), { expansionFieldWeight: loadRerankerWeights().expansionFieldWeight });
  if (report) logger.info({ build: report.buildId, seconds: Math.round(report.ms / 100) / 10, rows: report.rows }, 'index build published to PostgreSQL');
  return report;
}

/** First run with the postgres backend: builds the index when there is none and publishes it when nothing is published yet. */
export async function ensurePublished(config: Config, logger: Logger, search: PgSearch): Promise<void> {
  if (await search.latest()) return;
  await ensureIndexBuilt(config, logger);
  await publishLocalBuild(config, search, logger);
}

/** The index to serve: the build folder, or with the postgres backend the newest published build. */
export async function loadServedIndex(config: Config, logger: Logger, search: PgSearch | undefined): Promise<ServedIndex> {
  if (!search) return ensureIndex(config, logger);
  await ensurePublished(config, logger, search);
  return (await search.load())!;
}

export interface Service {
  app: Express;
  state: AppState;
  logger: Logger;
  database: Database;
  /** The PostgreSQL search backend, when configured. */
  search?: PgSearch;
  /** Stops the case worker threads and closes the database and search backend (when the service opened them). */
  close(): Promise<void>;
}

/** Wires config, index, retrieval, generation, storage and HTTP into one app. */
export async function createService(config: Config, opts: { logger?: Logger; index?: ServedIndex; warmUp?: boolean; database?: Database; search?: PgSearch } = {}): Promise<Service> {
  const logger = opts.logger ?? pino({ level: config.LOG_LEVEL });
  const search = opts.search ?? openSearchBackend(config);
  const index = opts.index ?? (await loadServedIndex(config, logger, search));
  const database = opts.database ?? (await openServiceDatabase(config, logger));
  const client = OpenAiChatClient.fromConfig(config);
  const judgeWeights = loadJudgeWeights();
  const state = new AppState(index, {
    ...(opts.warmUp ? { warmUp: true } : {}),
    generator: createGenerator(config),
    ...loadServingResources(config),
    ...(client ? { rewriter: new LlmQuestionRewriter(client) } : {}),
    draftThresholds: loadDraftThresholds(),
    caseAdvisor: (idx, retriever) => lazyCaseAdvisor(idx, (corpus) => judgeAdvisorFor(caseIndexFor(corpus), retriever, judgeWeights, curatedThesaurus(config))),
  });
  // Case threads load build folders; with a PostgreSQL build none is started (each would cost the process ~100 MB for nothing).
  const cases = createCaseRunner({ threads: index instanceof CorpusIndex ? config.CASE_THREADS : 0, maxQueue: config.CASE_QUEUE, timeoutMs: config.CASE_TIMEOUT_MS, config, logger });
  if (opts.warmUp) cases.warm(state.current);
  const app = createApp({
    state,
    logger,
    stores: { feedback: new SqlFeedbackStore(database.db), conversations: new SqlConversationStore(database.db), audit: new SqlAuditLog(database.db) },
    apiKeys: config.API_KEYS,
    feedbackMaxBytes: config.FEEDBACK_MAX_BYTES,
    maxBodyBytes: config.MAX_BODY_BYTES,
    rateLimits: { windowMs: config.RATE_LIMIT_WINDOW_MS, general: config.RATE_LIMIT, cases: config.RATE_LIMIT_CASES, feedback: config.RATE_LIMIT_FEEDBACK },
    admin: {
      apiKey: config.ADMIN_API_KEY,
      reindex: async (full) => {
        const report = await runIngest(config, { full });
        if (search) await publishLocalBuild(config, search, logger);
        return report.unchanged ? { report } : { report, index: search ? (await search.load())! : await loadIndex(config) };
      },
    },
    health: () => ({ llm: config.LLM_BASE_URL ? 'configured' : 'off (extractive answers)' }),
    routers: [casesRouter(state, cases), webRouter()],
  });
  return {
    app, state, logger, database, ...(search ? { search } : {}),
    close: async () => {
      await cases.close();
      if (!opts.database) await database.close();
      if (search && !opts.search) await search.close();
    },
  };
}

/** Loads the current index with the embedder its manifest says built it. */
export async function loadIndex(config: Config): Promise<CorpusIndex> {
  const dir = await currentBuildDir(config.INDEX_DIR);
  const manifest = dir ? await readJson<Manifest>(dir, 'manifest.json') : undefined;
  return CorpusIndex.load(config.INDEX_DIR, manifest ? await queryEmbedderFor(config, manifest) : undefined);
}
