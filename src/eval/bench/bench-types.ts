/** One ingest run measured in its own process. */
export interface IngestRun {
  ms: number;
  unchanged: boolean;
  documents: number;
  articles: number;
  chunks: number;
  embedded: number;
  skipped: number;
  peakRssMb: number;
}

export interface IngestBench {
  corpus: string;
  corpusMb: number;
  cold: IngestRun & { docsPerSec: number; chunksPerSec: number; mbPerSec: number };
  unchanged: IngestRun;
  indexMb: number;
}

/** Search latency of a loaded index, measured in its own process. */
export interface SearchRun {
  loadMs: number;
  chunks: number;
  queries: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  peakRssMb: number;
}

/** One autocannon run against one endpoint at one concurrency. */
export interface HttpRun {
  endpoint: string;
  concurrency: number;
  durationSec: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  timeouts: number;
  non2xx: number;
}

export interface HttpBench {
  index: string;
  runs: HttpRun[];
}

export interface ScaleBench {
  archive: string;
  unpackMs: number;
  files: number;
  unpackedMb: number;
  ingest?: IngestRun;
  /** Set when the ingest did not finish (timeout or crash). */
  ingestError?: string;
  indexMb?: number;
  search?: SearchRun;
}

import type { DraftsBench } from '../drafts/drafts-bench.js';
/** One route of the soak: its requests, failures and latencies (ms). */
export interface SoakRoute {
  route: string;
  requests: number;
  /** Non-2xx answers and network failures. */
  errors: number;
  timeouts: number;
  statuses: Record<string, number>;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export interface SoakBench {
  index: string;
  concurrency: number;
  durationSec: number;
  routes: SoakRoute[];
  /** Resident memory of the server's processes (primary, workers, their threads), after warm-up and after the soak. */
  rssBeforeMb: number;
  rssAfterMb: number;
}

/** In-process search latency on the served index, one run per question set. */
export interface SearchBench {
  indexDir: string;
  sets: (SearchRun & { name: string })[];
}

export interface BenchReport {
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string };
  updatedAt: string;
  ingest?: IngestBench;
  http?: HttpBench;
  search?: SearchBench;
  scale?: ScaleBench;
  scalePg?: ScalePgBench;
  soak?: SoakBench;
  drafts?: DraftsBench;
}

/** A build published to PostgreSQL, in its own process. */
export interface PublishRun {
  ms: number;
  buildId: number;
  rows: Record<string, number>;
  /** Size of the database afterwards. */
  databaseMb: number;
  peakRssMb: number;
}

/** Sequential search latency through each backend, in one process (`parity-child.ts`). */
interface BackendLatencies {
  memory: { p50: number; p95: number };
  postgres: { p50: number; p95: number };
  peakRssMb: number;
}

/** The same searches through the in-memory and the PostgreSQL backends. */
export interface ParityRun extends BackendLatencies {
  questions: number;
  mrrMemory: number;
  mrrPostgres: number;
  /** Questions whose ten ranked articles differ between the backends. */
  differing: number;
}

export interface AgreementRun extends BackendLatencies {
  queries: number;
  /** Queries with the same ten chunks in the same order from both backends. */
  identical: number;
  meanOverlap: number;
}

/** A process of the served API: the primary forks the workers that serve requests. */
export interface ApiProcess {
  pid: number;
  role: 'primary' | 'worker';
  rssMb: number;
  peakRssMb: number;
}

/** Synthetic judgments added to a published build: storage and latency as judgments grow (`synthetic-judgments.ts`). */
export interface JudgmentsRun {
  synthetic: number;
  /** Each synthetic judgment's passages (facts, reasoning, decision, each from another real judgment). */
  passagesEach: number;
  generateMs: number;
  databaseMbBefore: number;
  databaseMbAfter: number;
  /** Size of the judgment partitions after. */
  judgmentPartitionsMb: number;
  /** /v1/search at the bench concurrency: statutes only (the chat's kinds) and judgments only, before and after. */
  before: { legal: HttpRun; judgments: HttpRun; workerRssMb: number[] };
  after: { legal: HttpRun; judgments: HttpRun; workerRssMb: number[] };
  /** Judgments that applied one article, newest 20, in SQL (ms, p50 over repeated runs). */
  appliedLookupMs: number;
}

/** The PostgreSQL backend at the Pháp điển scale (`npm run bench -- --only scale-pg`). */
export interface ScalePgBench {
  /** Server the bench databases were created on (no credentials). */
  server: string;
  workers: number;
  concurrency: number;
  /** Unpack and in-memory ingest of the archive, unless an existing build was reused. */
  ingest?: ScaleBench;
  reusedIndex?: string;
  publish?: PublishRun;
  error?: string;
  http?: HttpRun;
  processes?: ApiProcess[];
  /** The in-memory backend served by as many processes under the same load, on the same machine. */
  memoryHttp?: HttpRun;
  memoryProcesses?: ApiProcess[];
  agreement?: AgreementRun;
  parity?: ParityRun;
  judgments?: JudgmentsRun;
}
