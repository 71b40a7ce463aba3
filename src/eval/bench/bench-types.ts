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
  soak?: SoakBench;
  drafts?: DraftsBench;
}
