export { REGISTRY_FILE, TEST_CORPUS_DIR, TEST_INDEX_DIR } from './global-setup.js';
