/** Bench child: loads an index as the server does and times `retriever.search` over a query file. */
import { readFile } from 'node:fs/promises';
import { ExtractiveAnswerGenerator } from '../../answer/extractive-answer-generator.js';
import { AppState } from '../../http/app-state.js';
import { CorpusIndex } from '../../index/corpus-index.js';
import { loadConfig } from '../../config.js';
import { loadServingResources } from '../../service.js';
import { percentile } from '../percentile.js';
import { emitResult } from './child-result.js';

const [indexDir, queriesFile] = process.argv.slice(2);
if (!indexDir || !queriesFile) throw new Error('usage: search-child <index dir> <queries.json>');
const queries = JSON.parse(await readFile(queriesFile, 'utf8')) as string[];
const t0 = performance.now();
const index = await CorpusIndex.load(indexDir);
const { retriever } = new AppState(index, { generator: new ExtractiveAnswerGenerator(), ...loadServingResources(loadConfig()) }).current;
// As the server does after each (re)load: fill the per-chunk term caches before traffic.
await retriever.warmUp();
const loadMs = performance.now() - t0;
for (const q of queries.slice(0, 5)) await retriever.search(q, 10);
const times: number[] = [];
for (const q of queries) {
  const s = performance.now();
  await retriever.search(q, 10);
  times.push(performance.now() - s);
}
const r1 = (x: number) => Math.round(x * 10) / 10;
emitResult({ loadMs: Math.round(loadMs), chunks: index.chunks.length, queries: times.length, p50: r1(percentile(times, 50)), p95: r1(percentile(times, 95)), p99: r1(percentile(times, 99)), max: r1(Math.max(...times)) });
