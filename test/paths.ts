export { TEST_CORPUS_DIR, TEST_INDEX_DIR, TEST_THESAURUS_DIR } from './global-setup.js';
