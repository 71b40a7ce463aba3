import { readFile } from 'node:fs/promises';
import type { ParsedDocument } from '../types/legal-document.js';
import { discoverFiles, sidecarPathFor } from './discover-files.js';
import { loadFileText } from './load-file.js';
import { parseDocument } from './parse-document.js';
import { readSidecar } from './sidecar.js';

/**
 * Parses the corpus files whose relative path passes `include` (all by default), without indexing:
 * for tools that read the corpus' text, such as mining definitions or checking the thesaurus.
 */
export async function readCorpusDocuments(root: string, include: (relPath: string) => boolean = () => true): Promise<ParsedDocument[]> {
  const { files } = await discoverFiles(root);
  const docs: ParsedDocument[] = [];
  for (const f of files.filter((e) => include(e.relPath))) {
    const side = await readSidecar(sidecarPathFor(f.absPath));
    const bytes = await readFile(f.absPath);
    const rawText = await loadFileText(f.absPath, f.relPath, bytes);
    docs.push(parseDocument({ relPath: f.relPath, rawText, contentHash: '', ...(side.sidecar ? { sidecar: side.sidecar } : {}) }));
  }
  return docs;
}

/** Laws, codes and briefings: the texts whose terms the thesaurus points at (judgments are not). */
export const isLegalSource = (relPath: string): boolean => /^(laws|codes|briefings)\//.test(relPath);
