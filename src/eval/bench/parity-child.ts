/**
 * Bench child: the same searches through the in-memory build and through the same build published
 * to PostgreSQL. `gold`: MRR@10 of each on an ALQAC-format set (the eval's article ranking, laws
 * and codes); `agreement`: how often the two return the same ten chunks for a list of queries.
 */
import { readFile } from 'node:fs/promises';
import { loadConfig } from '../../config.js';
import { CorpusIndex } from '../../index/corpus-index.js';
import { PgSearch } from '../../index/postgres/pg-search.js';
import { createRetriever } from '../../retrieval/create-retriever.js';
import { loadServingResources } from '../../service.js';
import { articleKey } from '../eval-question.js';
import { GoldMapper } from '../gold-mapping.js';
import { loadDataset } from '../load-dataset.js';
import { percentile } from '../percentile.js';
import { rankingScores } from '../ranking-metrics.js';
import { filtersFor } from '../service-training.js';
import { chunkArticles, rankArticles } from '../systems/ranked-hit.js';
import { emitResult } from './child-result.js';

const [mode, url, indexDir, file] = process.argv.slice(2);
if ((mode !== 'gold' && mode !== 'agreement') || !url || !indexDir || !file) throw new Error('usage: parity-child gold|agreement <database url> <index dir> <dataset or queries.json>');
const memory = await CorpusIndex.load(indexDir);
const search = new PgSearch({ url });
const published = await search.load();
if (!published) throw new Error(`nothing published in ${url}`);
const { resources } = loadServingResources(loadConfig());
const [inMemory, inPostgres] = [createRetriever(memory, resources), createRetriever(published, resources)];
const times: { memory: number[]; postgres: number[] } = { memory: [], postgres: [] };
const timed = async (name: keyof typeof times, run: () => Promise<unknown>) => {
  const t0 = performance.now();
  const r = await run();
  times[name].push(performance.now() - t0);
  return r;
};
const r1 = (x: number) => Math.round(x * 10) / 10;
const latency = (name: keyof typeof times) => ({ p50: r1(percentile(times[name], 50)), p95: r1(percentile(times[name], 95)) });

if (mode === 'gold') {
  const { questions } = await loadDataset(file);
  new GoldMapper(memory).mapQuestions(questions);
  const filters = filtersFor(questions);
  let mrrMemory = 0;
  let mrrPostgres = 0;
  let differing = 0;
  const scored = questions.filter((q) => q.gold.length > 0);
  for (const q of scored) {
    const gold = new Set(q.gold.map(articleKey));
    const ranked = async (name: keyof typeof times, r: typeof inMemory) => {
      const res = (await timed(name, () => r.search(q.text, 40, filters))) as Awaited<ReturnType<typeof r.search>>;
      return rankArticles(res.hits.map((h) => ({ ...h, articles: chunkArticles(h.chunk) }))).map(articleKey);
    };
    const [a, b] = [await ranked('memory', inMemory), await ranked('postgres', inPostgres)];
    mrrMemory += rankingScores(a, gold)['mrr@10'];
    mrrPostgres += rankingScores(b, gold)['mrr@10'];
    if (a.join() !== b.join()) differing++;
  }
  const n = scored.length || 1;
  emitResult({ questions: scored.length, mrrMemory: Math.round((mrrMemory / n) * 10000) / 10000, mrrPostgres: Math.round((mrrPostgres / n) * 10000) / 10000, differing, memory: latency('memory'), postgres: latency('postgres') });
} else {
  const queries = JSON.parse(await readFile(file, 'utf8')) as string[];
  let identical = 0;
  let overlap = 0;
  for (const q of queries) {
    const ids = async (name: keyof typeof times, r: typeof inMemory) => ((await timed(name, () => r.search(q, 10))) as Awaited<ReturnType<typeof r.search>>).hits.map((h) => h.chunk.id);
    const [a, b] = [await ids('memory', inMemory), await ids('postgres', inPostgres)];
    if (a.join() === b.join()) identical++;
    const inB = new Set(b);
    overlap += a.length ? a.filter((x) => inB.has(x)).length / a.length : 1;
  }
  emitResult({ queries: queries.length, identical, meanOverlap: Math.round((overlap / (queries.length || 1)) * 1000) / 1000, memory: latency('memory'), postgres: latency('postgres') });
}
await search.close();
