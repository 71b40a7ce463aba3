import { readFile } from 'node:fs/promises';
import { chunkDocument } from '../ingest/chunk-document.js';
import { discoverFiles, sidecarPathFor } from '../ingest/discover-files.js';
import { loadFileText } from '../ingest/load-file.js';
import { parseDocument } from '../ingest/parse-document.js';
import { readSidecar } from '../ingest/sidecar.js';
import type { TrainingText } from './train-semantic.js';

export interface CorpusTexts {
  texts: TrainingText[];
  files: number;
  /** Files that could not be read, with the reason (the ingest reports the same ones). */
  skipped: { file: string; reason: string }[];
}

/**
 * The corpus as the ingest chunks it, each chunk as a training text (heading: document title and
 * article heading; body: its text), in file order. Training on exactly the chunks the index will
 * embed keeps the model's vocabulary and concepts tied to what it has to rank.
 */
export async function corpusTrainingTexts(corpusDir: string, onFile?: (done: number, total: number) => void): Promise<CorpusTexts> {
  const { files } = await discoverFiles(corpusDir);
  const texts: TrainingText[] = [];
  const skipped: CorpusTexts['skipped'] = [];
  for (const [i, f] of files.entries()) {
    onFile?.(i, files.length);
    try {
      const bytes = await readFile(f.absPath);
      const side = await readSidecar(sidecarPathFor(f.absPath));
      const rawText = await loadFileText(f.absPath, f.relPath, bytes);
      const doc = parseDocument({ relPath: f.relPath, rawText, contentHash: '', ...(side.sidecar ? { sidecar: side.sidecar } : {}) });
      for (const c of chunkDocument(doc)) texts.push({ heading: c.heading, body: c.text, source: 'corpus' });
    } catch (e) {
      skipped.push({ file: f.relPath, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  onFile?.(files.length, files.length);
  return { texts, files: files.length, skipped };
}
