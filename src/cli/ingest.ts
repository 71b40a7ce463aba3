import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { pino } from 'pino';
import { chooseEmbedder } from '../embeddings/choose-embedder.js';
import { openSearchBackend, publishLocalBuild, runIngest } from '../service.js';
import { createPhaseProgress } from './progress-bar.js';
import { runMain } from './run-main.js';

const USAGE = `Usage: npm run ingest -- [--corpus <dir>] [--out <index dir>] [--full]
  --corpus  corpus folder (default: CORPUS_DIR or ../shared/corpus)
  --out     index folder (default: INDEX_DIR or indexes)
  --full    rebuild everything, retraining the embedder
With SEARCH_BACKEND=postgres the build is then published to DATABASE_URL (one transaction, NOTIFY).`;

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { corpus: { type: 'string' }, out: { type: 'string' }, full: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const config = loadConfig();
  const corpusDir = values.corpus ? path.resolve(values.corpus) : config.CORPUS_DIR;
  const indexDir = values.out ? path.resolve(values.out) : config.INDEX_DIR;
  const choice = await chooseEmbedder(config);
  console.error(choice.reason);
  const bar = createPhaseProgress();
  const notes: string[] = [];
  // The same ingest the server runs (thesaurus, limits, embedder, registry), on the folders given here.
  const report = await runIngest({ ...config, CORPUS_DIR: corpusDir, INDEX_DIR: indexDir }, { full: values.full, choice, onProgress: bar.update, onLog: (m) => notes.push(m) });
  bar.stop();
  const secs = (report.ms / 1000).toFixed(2);
  console.log(report.unchanged ? `Không có thay đổi (nothing changed) — ${secs} s` : `Đã lập chỉ mục (indexed) — ${secs} s`);
  console.log(`  corpus:     ${corpusDir}`);
  console.log(`  index:      ${report.buildDir ?? indexDir}`);
  console.log(`  documents:  ${report.documents}`);
  console.log(`  articles:   ${report.articles}`);
  console.log(`  chunks:     ${report.chunks}`);
  console.log(`  embedder:   ${choice.kind}${choice.modelVersion ? ` ${choice.modelVersion}` : ''}`);
  if (!report.unchanged) {
    console.log(`  added ${report.added.length}, changed ${report.changed.length}, removed ${report.removed.length}; embedded ${report.embedded} chunks${report.retrained ? ' (embedder retrained)' : ''}`);
  }
  console.log(`  skipped:    ${report.skipped.length}`);
  for (const s of report.skipped) console.log(`    - ${s.file}: ${s.reason}`);
  if (report.unverified.length > 0) {
    console.log(`  unverified: ${report.unverified.length} (no legal structure, number or sidecar: answers flag them, never cite them as law)`);
    for (const f of report.unverified) console.log(`    - ${f}`);
  }
  for (const n of notes) console.log(`  ${n}`);
  const search = openSearchBackend(config);
  if (search) {
    try {
      const published = await publishLocalBuild({ ...config, INDEX_DIR: indexDir }, search, pino({ level: 'warn' }));
      console.log(published ? `  published:  PostgreSQL build ${published.buildId} (${published.schema}) in ${(published.ms / 1000).toFixed(1)} s` : '  published:  already the newest PostgreSQL build');
    } finally {
      await search.close();
    }
  }
  return 0;
}

runMain(main);
