import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { currentBuildDir } from '../../index/index-store.js';
import type { IngestBench, IngestRun } from './bench-types.js';
import { dirSize } from './dir-size.js';
import { runChild } from './run-child.js';

export const INGEST_CHILD = path.resolve('src/eval/bench/ingest-child.ts');
const mb = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;

/** Cold ingest of the corpus into an empty temporary index, then an unchanged re-run over it. */
export async function ingestBench(corpusDir: string, timeoutMs: number, log: (m: string) => void): Promise<IngestBench> {
  const indexDir = await mkdtemp(path.join(os.tmpdir(), 'bench-index-'));
  try {
    const corpus = await dirSize(corpusDir);
    log(`ingest: cold run over ${corpusDir} (${mb(corpus.bytes)} MB)…`);
    const cold = await runChild<IngestRun>(INGEST_CHILD, [corpusDir, indexDir], timeoutMs, log);
    log(`ingest: cold ${(cold.ms / 1000).toFixed(1)} s; unchanged re-run…`);
    const unchanged = await runChild<IngestRun>(INGEST_CHILD, [corpusDir, indexDir], timeoutMs, log);
    const build = await currentBuildDir(indexDir);
    const secs = cold.ms / 1000;
    return {
      corpus: corpusDir,
      corpusMb: mb(corpus.bytes),
      cold: { ...cold, docsPerSec: round1(cold.documents / secs), chunksPerSec: round1(cold.chunks / secs), mbPerSec: Math.round((corpus.bytes / 1024 / 1024 / secs) * 1000) / 1000 },
      unchanged,
      indexMb: build ? mb((await dirSize(build)).bytes) : 0,
    };
  } finally {
    await rm(indexDir, { recursive: true, force: true });
  }
}

const round1 = (x: number) => Math.round(x * 10) / 10;
