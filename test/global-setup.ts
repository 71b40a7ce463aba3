import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestCorpus } from '../src/ingest/ingest-pipeline.js';
import { loadRegistry } from '../src/registry/load-registry.js';
import { loadThesaurus } from '../src/text/thesaurus.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Paths every real-corpus test uses. */
export const TEST_CORPUS_DIR = path.resolve(root, '../shared/corpus');
export const TEST_INDEX_DIR = path.resolve(root, '.tmp/test-index');
export const REGISTRY_FILE = path.resolve(root, 'corpus/registry/documents.jsonl');
export const TEST_THESAURUS_DIR = path.resolve(root, 'corpus/thesaurus');

/**
 * Builds (or incrementally refreshes) one index of the real default corpus before the suite, so
 * test files share it instead of each paying for a cold ingest.
 */
export default async function setup(): Promise<void> {
  // Built as the service builds it: with the thesaurus (expansion field, mined definitions) and the document registry.
  const report = await ingestCorpus({ corpusDir: TEST_CORPUS_DIR, indexDir: TEST_INDEX_DIR, thesaurus: loadThesaurus(TEST_THESAURUS_DIR), registry: await loadRegistry(REGISTRY_FILE) });
  console.log(`[global-setup] test index ${report.unchanged ? 'unchanged' : 'built'}: ${report.documents} documents, ${report.chunks} chunks in ${(report.ms / 1000).toFixed(1)} s`);
}
