/** Bench child: publishes a build folder to a PostgreSQL database as `npm run ingest` does; prints the time and rows. */
import { CorpusIndex } from '../../index/corpus-index.js';
import { PgSearch } from '../../index/postgres/pg-search.js';
import { loadRerankerWeights } from '../../service.js';
import { emitResult } from './child-result.js';

const [url, indexDir] = process.argv.slice(2);
if (!url || !indexDir) throw new Error('usage: publish-child <database url> <index dir>');
const search = new PgSearch({ url });
const t0 = performance.now();
const report = await search.publish(await CorpusIndex.load(indexDir), {
  expansionFieldWeight: loadRerankerWeights().expansionFieldWeight,
  onPhase: (p) => void process.stderr.write(`publish: ${p} at ${((performance.now() - t0) / 1000).toFixed(0)} s, RSS ${Math.round(process.memoryUsage().rss / 1048576)} MB\n`),
});
const size = await search.read.query<{ mb: number }>('select round(pg_database_size(current_database()) / 1048576.0) as mb');
await search.close();
emitResult({ ms: Math.round(performance.now() - t0), publishMs: report.ms, buildId: report.buildId, rows: report.rows, databaseMb: Number(size.rows[0]!.mb) });
