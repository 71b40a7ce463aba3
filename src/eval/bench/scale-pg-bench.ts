import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AgreementRun, ParityRun, PublishRun, ScalePgBench } from './bench-types.js';
import { benchDatabase, searchLoad, withApiServer, withPostgresServer } from './postgres-server.js';
import { runChild } from './run-child.js';
import { unpackAndIngest } from './scale-bench.js';
import { addSyntheticJudgments } from './synthetic-judgments.js';
import { currentBuildDir, readJson, STORE_VERSION, type Manifest } from '../../index/index-store.js';

const PUBLISH_CHILD = path.resolve('src/eval/bench/publish-child.ts');
const PARITY_CHILD = path.resolve('src/eval/bench/parity-child.ts');

export interface ScalePgOptions {
  archive: string;
  /** ALQAC questions used as search queries. */
  queries: string[];
  /** The ALQAC gold file, for MRR@10 of both backends on the default corpus. */
  dataset: string;
  /** The default corpus' build folder (built by the harness when missing). */
  defaultIndexDir: string;
  /** A PostgreSQL server on which the bench may create (and drops) its databases. */
  serverUrl: string;
  ingestTimeoutMs: number;
  durationSec: number;
  concurrency: number;
  workers: number;
  /** An existing Pháp điển build folder to publish instead of unpacking and ingesting the archive again. */
  scaleIndex?: string;
  /** Synthetic judgments for the load test (0: skip it). */
  judgments: number;
  keep?: boolean;
  log: (m: string) => void;
}

/**
 * The PostgreSQL backend at the Pháp điển scale: the archive ingested as usual, then published to
 * a fresh database (its own process, timed); the API served by `src/server.ts` with
 * SEARCH_BACKEND=postgres and `workers` processes under `concurrency` concurrent searches, and
 * each process's RSS; the two backends' agreement on the same queries at that scale; MRR@10 of
 * both on the ALQAC gold set (default corpus); and the synthetic judgments load test.
 */
export async function scalePgBench(o: ScalePgOptions): Promise<ScalePgBench> {
  const server = new URL(o.serverUrl);
  const out: ScalePgBench = { server: `${server.hostname}:${server.port || 5432}`, workers: o.workers, concurrency: o.concurrency };
  const root = await mkdtemp(path.join(os.tmpdir(), 'bench-scale-pg-'));
  const databases: { drop: () => Promise<void> }[] = [];
  try {
    let indexDir = o.scaleIndex;
    if (indexDir) {
      // The in-memory server would rebuild an older build from CORPUS_DIR (the default corpus) and compare against that.
      const dir = await currentBuildDir(indexDir);
      const version = dir ? (await readJson<Manifest>(dir, 'manifest.json')).version : undefined;
      if (version !== STORE_VERSION) return { ...out, error: `--scale-index ${indexDir} holds ${dir ? `a version ${version} build` : 'no build'}; this code reads version ${STORE_VERSION}: ingest the archive again` };
      out.reusedIndex = indexDir;
    } else {
      const built = await unpackAndIngest(o, root);
      out.ingest = built.out;
      if (!built.out.ingest) return { ...out, error: `ingest failed: ${built.out.ingestError ?? 'unknown'}` };
      indexDir = built.indexDir;
    }
    const scaleDb = await benchDatabase(o.serverUrl, 'bench_scale_pg');
    databases.push(scaleDb);
    o.log('scale-pg: publishing the build to PostgreSQL…');
    out.publish = await runChild<PublishRun>(PUBLISH_CHILD, [scaleDb.url, indexDir], o.ingestTimeoutMs, o.log);
    o.log(`scale-pg: published in ${(out.publish.ms / 1000).toFixed(1)} s (database ${out.publish.databaseMb} MB); serving with ${o.workers} processes, ${o.concurrency} concurrent searches for ${o.durationSec} s…`);
    await withPostgresServer(indexDir, scaleDb.url, o.workers, async (port, processes) => {
      out.http = await searchLoad(port, o.queries, o.concurrency, o.durationSec);
      out.processes = await processes();
    });
    o.log('scale-pg: the in-memory backend served the same way, for comparison on this machine…');
    await withApiServer(indexDir, { SEARCH_BACKEND: 'memory', WORKERS: String(o.workers), PGLITE_DIR: 'memory://', INDEX_WATCH_MS: '0' }, async (port, processes) => {
      out.memoryHttp = await searchLoad(port, o.queries, o.concurrency, o.durationSec);
      out.memoryProcesses = await processes();
    });
    const queriesFile = path.join(root, 'queries.json');
    await writeFile(queriesFile, JSON.stringify(o.queries));
    o.log('scale-pg: the same queries through both backends at this scale…');
    out.agreement = await runChild<AgreementRun>(PARITY_CHILD, ['agreement', scaleDb.url, indexDir, queriesFile], 60 * 60_000, o.log);
    if (!o.keep) await scaleDb.drop();

    const defaultDb = await benchDatabase(o.serverUrl, 'bench_default_pg');
    databases.push(defaultDb);
    o.log('scale-pg: MRR@10 of both backends on the gold set (default corpus)…');
    await runChild<PublishRun>(PUBLISH_CHILD, [defaultDb.url, o.defaultIndexDir], o.ingestTimeoutMs, o.log);
    out.parity = await runChild<ParityRun>(PARITY_CHILD, ['gold', defaultDb.url, o.defaultIndexDir, o.dataset], 60 * 60_000, o.log);
    if (o.judgments > 0) out.judgments = await addSyntheticJudgments({ ...o, indexDir: o.defaultIndexDir, databaseUrl: defaultDb.url });
    return out;
  } catch (e) {
    return { ...out, error: e instanceof Error ? e.message : String(e) };
  } finally {
    if (o.keep) o.log(`scale-pg: kept ${root} and the bench databases`);
    else {
      await Promise.all(databases.map((d) => d.drop().catch(() => undefined)));
      await rm(root, { recursive: true, force: true });
    }
  }
}
