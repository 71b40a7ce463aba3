import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { currentBuildDir } from '../../index/index-store.js';
import type { IngestRun, ScaleBench, SearchRun } from './bench-types.js';
import { dirSize } from './dir-size.js';
import { INGEST_CHILD } from './ingest-bench.js';
import { runChild } from './run-child.js';

export const SEARCH_CHILD = path.resolve('src/eval/bench/search-child.ts');
const mb = (b: number) => Math.round((b / 1024 / 1024) * 10) / 10;

export interface ScaleOptions {
  archive: string;
  queries: string[];
  ingestTimeoutMs: number;
  /** Keep the unpacked corpus and index (for inspection) instead of deleting them. */
  keep?: boolean;
  log: (m: string) => void;
}

/** Unpacks the Pháp điển archive into `root/corpus` and ingests it into `root/index` in a child process (its own peak RSS). */
export async function unpackAndIngest(o: Pick<ScaleOptions, 'archive' | 'ingestTimeoutMs' | 'log'>, root: string): Promise<{ out: ScaleBench; indexDir: string }> {
  const corpusDir = path.join(root, 'corpus');
  const indexDir = path.join(root, 'index');
  const t0 = performance.now();
  await mkdir(corpusDir);
  await promisify(execFile)('tar', ['-xzf', o.archive, '-C', corpusDir], { maxBuffer: 16 * 1024 * 1024 });
  const unpacked = await dirSize(corpusDir);
  const out: ScaleBench = { archive: o.archive, unpackMs: Math.round(performance.now() - t0), files: unpacked.files, unpackedMb: mb(unpacked.bytes) };
  o.log(`scale: unpacked ${unpacked.files} files (${out.unpackedMb} MB) into ${corpusDir}; ingesting (limit ${Math.round(o.ingestTimeoutMs / 60000)} min)…`);
  try {
    out.ingest = await runChild<IngestRun>(INGEST_CHILD, [corpusDir, indexDir], o.ingestTimeoutMs, o.log);
  } catch (e) {
    out.ingestError = e instanceof Error ? e.message : String(e);
    return { out, indexDir };
  }
  const build = await currentBuildDir(indexDir);
  out.indexMb = build ? mb((await dirSize(build)).bytes) : 0;
  o.log(`scale: ingested in ${(out.ingest.ms / 1000).toFixed(1)} s (${out.ingest.chunks} chunks, index ${out.indexMb} MB)`);
  return { out, indexDir };
}

/** Unpacks the Pháp điển archive into a temporary folder, ingests it, measures index size and search latency. */
export async function scaleBench(o: ScaleOptions): Promise<ScaleBench> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'bench-scale-'));
  try {
    const { out, indexDir } = await unpackAndIngest(o, root);
    if (!out.ingest) return out;
    o.log(`scale: timing ${o.queries.length} searches…`);
    const queriesFile = path.join(root, 'queries.json');
    await writeFile(queriesFile, JSON.stringify(o.queries));
    out.search = await runChild<SearchRun>(SEARCH_CHILD, [indexDir, queriesFile], 15 * 60_000, o.log);
    return out;
  } finally {
    if (o.keep) o.log(`scale: kept ${root}`);
    else await rm(root, { recursive: true, force: true });
  }
}
