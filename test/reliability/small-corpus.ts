import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { loadConfig, type Config } from '../../src/config.js';
import { ingestCorpus } from '../../src/ingest/ingest-pipeline.js';
import { createService, type Service } from '../../src/service.js';
import { TEST_CORPUS_DIR } from '../paths.js';

/** A temporary corpus of real laws (plus any extra files) and the folders an app needs beside it. */
export interface SmallCorpus {
  root: string;
  corpus: string;
  index: string;
  feedback: string;
}

/** Copies real laws from the shared corpus into a temp folder and writes `extra` files (relative path → text). */
export function smallCorpus(laws: string[] = ['luat-vien-chuc.txt'], extra: Record<string, string | Buffer> = {}): SmallCorpus {
  const root = mkdtempSync(path.join(os.tmpdir(), 'reliability-'));
  const corpus = path.join(root, 'corpus');
  mkdirSync(path.join(corpus, 'laws'), { recursive: true });
  for (const f of laws) cpSync(path.join(TEST_CORPUS_DIR, 'laws', f), path.join(corpus, 'laws', f));
  for (const [rel, text] of Object.entries(extra)) {
    mkdirSync(path.dirname(path.join(corpus, rel)), { recursive: true });
    writeFileSync(path.join(corpus, rel), text);
  }
  return { root, corpus, index: path.join(root, 'indexes'), feedback: path.join(root, 'feedback', 'feedback.jsonl') };
}

/** Ingests the small corpus (small LSA: it holds a handful of documents). */
export function ingestSmall(c: SmallCorpus) {
  return ingestCorpus({ corpusDir: c.corpus, indexDir: c.index, lsa: { dim: 32 } });
}

/** The configuration an app over the small corpus runs with (rate limits off unless `env` sets them). */
export function smallConfig(c: SmallCorpus, env: Record<string, string> = {}): Config {
  const noLimits = { RATE_LIMIT: '0', RATE_LIMIT_CASES: '0', RATE_LIMIT_FEEDBACK: '0' };
  return loadConfig({ CORPUS_DIR: c.corpus, INDEX_DIR: c.index, FEEDBACK_FILE: c.feedback, PGLITE_DIR: 'memory://', LOG_LEVEL: 'silent', CASE_THREADS: '0', EMBEDDING_DIM: '32', ...noLimits, ...env });
}

/** The service over the small corpus, built in-process (no listening). */
export function smallService(c: SmallCorpus, env: Record<string, string> = {}): Promise<Service> {
  return createService(smallConfig(c, env), { logger: pino({ level: 'silent' }) });
}
