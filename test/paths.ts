import path from 'node:path';
import { fileURLToPath } from 'node:url';

export { TEST_CORPUS_DIR, TEST_INDEX_DIR } from './global-setup.js';

/** The curated thesaurus shipped in the repository. */
export const TEST_THESAURUS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../corpus/thesaurus');
