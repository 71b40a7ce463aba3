import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { SUPPORTED_EXTENSIONS } from './load-file.js';

export interface CorpusEntry {
  /** Absolute path. */
  absPath: string;
  /** Path relative to the corpus root, with forward slashes. */
  relPath: string;
}

export interface Discovery {
  files: CorpusEntry[];
  /** Files present but of a type the loader does not read (reported, not silently ignored). */
  unsupported: CorpusEntry[];
}

/** Lists the corpus files in a stable order; `<name>.meta.json` sidecars are not documents. */
export async function discoverFiles(root: string): Promise<Discovery> {
  let entries;
  try {
    entries = await readdir(root, { recursive: true, withFileTypes: true });
  } catch (cause) {
    throw new Error(`Corpus folder not found or unreadable: ${root} (set CORPUS_DIR or pass --corpus)`, { cause });
  }
  const files: CorpusEntry[] = [];
  const unsupported: CorpusEntry[] = [];
  for (const e of entries) {
    if (!e.isFile() || e.name.startsWith('.')) continue;
    const absPath = path.join(e.parentPath, e.name);
    const relPath = path.relative(root, absPath).split(path.sep).join('/');
    if (e.name.endsWith('.meta.json')) continue;
    const ext = path.extname(e.name).toLowerCase();
    if ((SUPPORTED_EXTENSIONS as readonly string[]).includes(ext)) files.push({ absPath, relPath });
    else unsupported.push({ absPath, relPath });
  }
  const byPath = (a: CorpusEntry, b: CorpusEntry) => (a.relPath < b.relPath ? -1 : a.relPath > b.relPath ? 1 : 0);
  return { files: files.sort(byPath), unsupported: unsupported.sort(byPath) };
}

/** Stable document id: the path inside the corpus without its extension. */
export function documentIdFor(relPath: string): string {
  return relPath.replace(/\.[^./]+$/, '');
}

/** The sidecar metadata path of a corpus file. */
export function sidecarPathFor(absPath: string): string {
  return absPath.replace(/\.[^./]+$/, '') + '.meta.json';
}
