import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { benchMarkdown, scalePgTargets, scaleTargets, searchTargets, soakTargets } from '../eval/bench/bench-markdown.js';
import type { BenchReport } from '../eval/bench/bench-types.js';
import { httpBench } from '../eval/bench/http-bench.js';
import { ingestBench } from '../eval/bench/ingest-bench.js';
import { scaleBench } from '../eval/bench/scale-bench.js';
import { scalePgBench } from '../eval/bench/scale-pg-bench.js';
import { pino } from 'pino';
import { ensureIndexBuilt } from '../service.js';
import { searchBench } from '../eval/bench/search-bench.js';
import { soakBench } from '../eval/bench/soak-bench.js';
import { loadDataset } from '../eval/load-dataset.js';
import { draftTargets } from '../eval/drafts/drafts-markdown.js';
import { runDraftsBench } from '../eval/drafts/run-drafts-bench.js';
import { runMain } from './run-main.js';

const PARTS = ['ingest', 'http', 'search', 'scale', 'scale-pg', 'soak', 'drafts'] as const;
// The soak takes five minutes of both cores and scale-pg needs a PostgreSQL server: they run only when asked for.
const DEFAULT_PARTS: Part[] = ['ingest', 'http', 'search', 'scale'];
type Part = (typeof PARTS)[number];

const USAGE = `Usage: npm run bench -- [--only ingest,http,search,scale,scale-pg,soak,drafts] [--duration S] [--index <dir>] [--corpus <dir>] [--archive <tar.gz>] [--out <bench.json>]
  --only        parts to run (default: ingest,http,search,scale); results of parts not run are kept from the previous report
  --soak-duration     seconds of mixed traffic in the soak (default 300)
  --soak-concurrency  concurrent clients in the soak (default 32)
  --regenerate  drafts: regenerate eval/datasets/drafts-planted.jsonl from the corpus and the archive
  --corpus-sample  drafts: corpus sentences checked against the other documents (default 1500)
  --duration    seconds per HTTP load run (default 10; 2 endpoints × 3 concurrencies)
  --concurrency comma-separated HTTP concurrencies (default 1,8,32)
  --index       index the HTTP server and the search part load (default: INDEX_DIR or indexes)
  --natural     natural-question set the search part also times (default: eval/datasets/natural-dev.json)
  --corpus      corpus for the ingest runs (default: CORPUS_DIR or ../shared/corpus)
  --archive     scale corpus (default: ../shared/datasets/phapdien-van-ban-md.tar.gz)
  --queries     file of ALQAC questions used as queries (default: ../shared/datasets/alqac25-dev.json)
  --facts       judgments whose case_fact the soak sends to the case routes (default: ../shared/datasets/judgments-dev.json)
  --scale-timeout  minutes before the scale ingest is stopped (default 30)
  --keep        keep the unpacked scale corpus and its index in the temp folder (scale-pg: and its databases)
  scale-pg      the PostgreSQL search backend at the Pháp điển scale; needs DATABASE_URL, a server on which
                it creates and drops its own databases
  --scale-index publish this Pháp điển build folder instead of unpacking and ingesting the archive again
  --workers     API processes for scale-pg (default 2), searched at concurrency 8
  --judgments   SYNTHETIC judgments for the scale-pg load test (default 200000; 0 skips it)
  --out         JSON report (default: eval/reports/bench.json); Markdown beside it`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' }, duration: { type: 'string', default: '10' }, concurrency: { type: 'string', default: '1,8,32' }, index: { type: 'string' }, corpus: { type: 'string' },
      archive: { type: 'string', default: '../shared/datasets/phapdien-van-ban-md.tar.gz' }, queries: { type: 'string', default: '../shared/datasets/alqac25-dev.json' }, natural: { type: 'string', default: 'eval/datasets/natural-dev.json' }, facts: { type: 'string', default: '../shared/datasets/judgments-dev.json' },
      'scale-timeout': { type: 'string', default: '30' }, 'soak-duration': { type: 'string', default: '300' }, 'soak-concurrency': { type: 'string', default: '32' }, keep: { type: 'boolean', default: false }, regenerate: { type: 'boolean', default: false }, 'corpus-sample': { type: 'string', default: '1500' }, out: { type: 'string', default: 'eval/reports/bench.json' }, help: { type: 'boolean', short: 'h' },
      'scale-index': { type: 'string' }, workers: { type: 'string', default: '2' }, judgments: { type: 'string', default: '200000' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const parts = (values.only ? values.only.split(',').map((s) => s.trim()) : DEFAULT_PARTS) as Part[];
  const bad = parts.filter((p) => !PARTS.includes(p));
  if (bad.length > 0) throw new Error(`--only: unknown part(s) ${bad.join(', ')}; choose from ${PARTS.join(', ')}`);
  const durationSec = Number(values.duration);
  const concurrencies = values.concurrency.split(',').map(Number);
  if (!(durationSec > 0 && durationSec <= 120) || concurrencies.some((c) => !Number.isInteger(c) || c < 1 || c > 256)) throw new Error('--duration must be in (0, 120] s and --concurrency integers in [1, 256]');
  const config = loadConfig();
  const log = (m: string) => console.error(m);
  const outJson = path.resolve(values.out);
  const queries = (await loadDataset(path.resolve(values.queries), 200)).questions.map((q) => q.text);

  const report: BenchReport = { ...(await previous(outJson)), machine: machine(), updatedAt: new Date().toISOString() };
  if (parts.includes('ingest')) report.ingest = await ingestBench(values.corpus ? path.resolve(values.corpus) : config.CORPUS_DIR, 30 * 60_000, log);
  if (parts.includes('http')) report.http = await httpBench({ indexDir: values.index ? path.resolve(values.index) : config.INDEX_DIR, queries, concurrencies, durationSec, log });
  if (parts.includes('search')) {
    const sets = [];
    for (const file of [values.queries, values.natural]) sets.push({ name: path.basename(file, '.json'), questions: (await loadDataset(path.resolve(file))).questions.map((q) => q.text) });
    report.search = await searchBench({ indexDir: values.index ? path.resolve(values.index) : config.INDEX_DIR, sets, log });
  }
  if (parts.includes('drafts')) report.drafts = await runDraftsBench(config, { archive: path.resolve(values.archive), regenerate: values.regenerate, corpusSample: Number(values['corpus-sample']), corpusReport: path.join(path.dirname(outJson), 'drafts-corpus.md'), log });
  if (parts.includes('soak')) {
    const soakSec = Number(values['soak-duration']);
    const soakConcurrency = Number(values['soak-concurrency']);
    if (!(soakSec > 0 && soakSec <= 3600) || !Number.isInteger(soakConcurrency) || soakConcurrency < 1 || soakConcurrency > 256) throw new Error('--soak-duration must be in (0, 3600] s and --soak-concurrency an integer in [1, 256]');
    const facts = (JSON.parse(await readFile(path.resolve(values.facts), 'utf8')) as { case_fact: string }[]).map((j) => j.case_fact);
    report.soak = await soakBench({ indexDir: values.index ? path.resolve(values.index) : config.INDEX_DIR, queries, facts, concurrency: soakConcurrency, durationSec: soakSec, log });
  }
  if (parts.includes('scale')) report.scale = await scaleBench({ archive: path.resolve(values.archive), queries, ingestTimeoutMs: Number(values['scale-timeout']) * 60_000, keep: values.keep, log });
  if (parts.includes('scale-pg')) {
    if (!config.DATABASE_URL) throw new Error('scale-pg needs a PostgreSQL server: set DATABASE_URL (the bench creates and drops its own databases there)');
    await ensureIndexBuilt(config, pino({ level: 'warn' }));
    report.scalePg = await scalePgBench({
      archive: path.resolve(values.archive), queries, dataset: path.resolve(values.queries), defaultIndexDir: config.INDEX_DIR, serverUrl: config.DATABASE_URL,
      ingestTimeoutMs: Number(values['scale-timeout']) * 60_000, durationSec, concurrency: 8, workers: Number(values.workers), judgments: Number(values.judgments),
      ...(values['scale-index'] ? { scaleIndex: path.resolve(values['scale-index']) } : {}), keep: values.keep, log,
    });
  }

  await mkdir(path.dirname(outJson), { recursive: true });
  await writeFile(outJson, `${JSON.stringify(report, null, 2)}\n`);
  const md = benchMarkdown(report);
  await writeFile(outJson.replace(/\.json$/i, '.md'), md);
  console.log(md);
  for (const t of [...searchTargets(report), ...scaleTargets(report), ...scalePgTargets(report), ...soakTargets(report), ...(parts.includes('drafts') && report.drafts ? draftTargets(report.drafts) : [])]) if (!t.met) console.error(`target not met: ${t.label}`);
  console.error(`report: ${path.relative(process.cwd(), outJson)}, ${path.relative(process.cwd(), outJson.replace(/\.json$/i, '.md'))}`);
  return 0;
}

/** The previous report, so that running one part keeps the others' figures. */
async function previous(file: string): Promise<Partial<BenchReport>> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Partial<BenchReport>;
  } catch {
    return {};
  }
}

function machine(): BenchReport['machine'] {
  return { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model.trim() ?? 'unknown', memoryGb: Math.round(os.totalmem() / 1024 ** 3), node: process.version, platform: `${os.platform()} ${os.release()}` };
}

runMain(main);
