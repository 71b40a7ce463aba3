import path from 'node:path';
import { z } from 'zod';

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

/** Every environment setting the service reads; parsed once at the edge. */
export const configSchema = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    CORPUS_DIR: z.string().default('../shared/corpus'),
    INDEX_DIR: z.string().default('indexes'),
    /** Reviewed document registry (numbers, dates, signers, status, amendments) merged at ingest. */
    REGISTRY_FILE: z.string().default('corpus/registry/documents.jsonl'),
    /** Laws the corpus lacks, named when a question asks about one (`corpus/catalog/`). */
    LAW_CATALOG_FILE: z.string().default('corpus/catalog/vietnamese-laws.tsv'),
    /** Folder of the curated thesaurus (`*.tsv`: from, to, kind, domain, note). */
    THESAURUS_DIR: z.string().default('corpus/thesaurus'),
    /**
     * `auto` (default): the trained semantic model when SEMANTIC_MODEL_DIR holds one, else the
     * corpus-trained LSA; `semantic` (required), `lsa`, or `transformers` (local model folder).
     */
    EMBEDDER: z.enum(['auto', 'semantic', 'lsa', 'transformers']).default('auto'),
    EMBEDDING_MODEL_DIR: optionalString,
    /** Folder of the model `npm run train-semantic` writes and ingest/serving load. */
    SEMANTIC_MODEL_DIR: z.string().trim().min(1).default('models/semantic'),
    /** The Pháp điển dump `npm run train-semantic` reads (streamed, never unpacked). */
    PHAPDIEN_ARCHIVE: z.string().trim().min(1).default('../shared/datasets/phapdien-van-ban-md.tar.gz'),
    EMBEDDING_DIM: z.coerce.number().int().min(16).max(1024).default(256),
    LLM_BASE_URL: optionalString,
    LLM_MODEL: optionalString,
    LLM_API_KEY: optionalString,
    /** Longest wait for the model's first token (retries included); a non-streamed call's whole reply. */
    LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
    /** Longest silence between two streamed chunks. */
    LLM_IDLE_TIMEOUT_MS: z.coerce.number().int().positive().default(15_000),
    LLM_MAX_RETRIES: z.coerce.number().int().min(0).max(5).default(1),
    /** `max_tokens` sent with every LLM call. */
    LLM_MAX_TOKENS: z.coerce.number().int().min(16).max(32_768).default(1024),
    ADMIN_API_KEY: optionalString,
    /** Ratings file of earlier versions; imported into the database once, then renamed `*.imported`. */
    FEEDBACK_FILE: z.string().default('feedback/feedback.jsonl'),
    /** Feedback writes are refused (507) once the store holds this many bytes. */
    FEEDBACK_MAX_BYTES: z.coerce.number().int().positive().default(64 * 1024 * 1024),
    /** Per-client requests per window: every route, the judges' case routes, feedback writes (0 = off). */
    RATE_LIMIT_WINDOW_MS: z.coerce.number().int().positive().default(60_000),
    RATE_LIMIT: z.coerce.number().int().min(0).default(600),
    RATE_LIMIT_CASES: z.coerce.number().int().min(0).default(30),
    RATE_LIMIT_FEEDBACK: z.coerce.number().int().min(0).default(10),
    /** Worker threads per HTTP process for the case routes (0: inline, one at a time), tasks that may wait, budget per task. */
    CASE_THREADS: z.coerce.number().int().min(0).max(16).default(1),
    CASE_QUEUE: z.coerce.number().int().min(0).default(16),
    CASE_TIMEOUT_MS: z.coerce.number().int().positive().default(20_000),
    /** A PostgreSQL server (`postgres://user:pass@host:5432/db`); unset → embedded PGlite in `PGLITE_DIR`. */
    DATABASE_URL: optionalString,
    /** A streaming replica of `DATABASE_URL`; with the postgres search backend, searches read from it. */
    DATABASE_REPLICA_URL: optionalString,
    /** `memory`: each process loads the index build from `INDEX_DIR`; `postgres`: builds are published to `DATABASE_URL` and API nodes keep only caches. */
    SEARCH_BACKEND: z.enum(['memory', 'postgres']).default('memory'),
    /** Data folder of the embedded PostgreSQL (PGlite); `memory://` keeps nothing. */
    PGLITE_DIR: z.string().default('data/pglite'),
    /** Comma-separated bearer keys for the OpenAI-compatible endpoints; unset → open. */
    API_KEYS: optionalString.transform((v) => (v === undefined ? [] : v.split(',').map((k) => k.trim()).filter((k) => k !== ''))),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    MAX_BODY_BYTES: z.coerce.number().int().positive().default(64 * 1024),
    /** Ingest: larger corpus files are skipped with a report line (their previous version kept). */
    INGEST_MAX_FILE_BYTES: z.coerce.number().int().positive().default(16 * 1024 * 1024),
    /** Ingest: a file that makes more chunks than this is skipped with a report line. */
    INGEST_MAX_CHUNKS_PER_FILE: z.coerce.number().int().positive().default(10_000),
    /** HTTP worker processes; each loads the index. Defaults to the machine's cores (search is CPU-bound). */
    WORKERS: z.coerce.number().int().min(1).max(64).optional(),
    /** How often workers check `INDEX_DIR/CURRENT` for a new build, in ms (0 disables). */
    INDEX_WATCH_MS: z.coerce.number().int().min(0).default(2000),
  })
  .refine((c) => c.EMBEDDER !== 'transformers' || c.EMBEDDING_MODEL_DIR !== undefined, {
    message: 'EMBEDDER=transformers requires EMBEDDING_MODEL_DIR (a local model folder)',
    path: ['EMBEDDING_MODEL_DIR'],
  })
  .refine((c) => c.SEARCH_BACKEND !== 'postgres' || c.DATABASE_URL !== undefined, {
    message: 'SEARCH_BACKEND=postgres requires DATABASE_URL (a PostgreSQL server)',
    path: ['DATABASE_URL'],
  })
  .refine((c) => (c.LLM_BASE_URL === undefined) === (c.LLM_MODEL === undefined), {
    message: 'LLM_BASE_URL and LLM_MODEL must be set together',
    path: ['LLM_MODEL'],
  });

export type Config = z.infer<typeof configSchema>;

/** Parses the environment; throws an error naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    ...c,
    CORPUS_DIR: path.resolve(cwd, c.CORPUS_DIR),
    INDEX_DIR: path.resolve(cwd, c.INDEX_DIR),
    REGISTRY_FILE: path.resolve(cwd, c.REGISTRY_FILE),
    SEMANTIC_MODEL_DIR: path.resolve(cwd, c.SEMANTIC_MODEL_DIR),
    PHAPDIEN_ARCHIVE: path.resolve(cwd, c.PHAPDIEN_ARCHIVE),
    THESAURUS_DIR: path.resolve(cwd, c.THESAURUS_DIR),
    FEEDBACK_FILE: path.resolve(cwd, c.FEEDBACK_FILE),
    LAW_CATALOG_FILE: path.resolve(cwd, c.LAW_CATALOG_FILE),
    PGLITE_DIR: c.PGLITE_DIR.startsWith('memory://') ? c.PGLITE_DIR : path.resolve(cwd, c.PGLITE_DIR),
  };
}
