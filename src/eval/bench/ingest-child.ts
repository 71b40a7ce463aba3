/** Bench child: one ingest of `<corpus>` into `<index>` with the service's settings; prints its result. */
import { loadConfig } from '../../config.js';
import { runIngest } from '../../service.js';
import { emitResult } from './child-result.js';

const [corpusDir, indexDir] = process.argv.slice(2);
if (!corpusDir || !indexDir) throw new Error('usage: ingest-child <corpus dir> <index dir>');
const config = { ...loadConfig(), CORPUS_DIR: corpusDir, INDEX_DIR: indexDir };
const t0 = performance.now();
let phase = '';
// Phase changes go to stderr, which the harness relays, so a long scale run shows where it is.
const report = await runIngest(config, {
  onProgress: (p, done, total) => {
    if (p === phase) return;
    phase = p;
    process.stderr.write(`ingest: ${p} (${total} items) at ${((performance.now() - t0) / 1000).toFixed(0)} s, RSS ${Math.round(process.memoryUsage().rss / 1048576)} MB\n`);
  },
});
emitResult({ ms: Math.round(report.ms), unchanged: report.unchanged, documents: report.documents, articles: report.articles, chunks: report.chunks, embedded: report.embedded, skipped: report.skipped.length });
