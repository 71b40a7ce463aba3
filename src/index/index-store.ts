import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Chunk } from '../types/chunk.js';
import type { ParsedDocument } from '../types/legal-document.js';

// 5: capped titles and headings, `unverified` documents.
export const STORE_VERSION = 5;

/** A corpus file as last ingested: stat for a fast unchanged check, hash for a sure one. */
export interface FileRecord {
  relPath: string;
  documentId: string;
  hash: string;
  size: number;
  mtimeMs: number;
  sidecarHash?: string;
  /** Hash of the document's registry record, so a reviewed change re-ingests it. */
  registryHash?: string;
}

export interface SkippedFile {
  file: string;
  reason: string;
}

export interface Manifest {
  version: number;
  createdAt: string;
  /** Build time of this index, in milliseconds. */
  buildMs: number;
  /** Which embedder built the vectors: a `semantic` build records its model's content hash. */
  embedder: { kind: 'lsa' | 'semantic' | 'transformers'; dim: number; modelDir?: string; modelVersion?: string; trainedOnChunks?: number };
  files: FileRecord[];
  skipped: SkippedFile[];
  counts: { documents: number; articles: number; chunks: number };
  nextLabel: number;
  /** Fingerprint of the thesaurus the expansion field and mined definitions were built with. */
  thesaurus?: string;
}

/** Chunk metadata as stored: the text is sliced from its document on load. */
export type StoredChunk = Omit<Chunk, 'text'> & { label: number; textHash: string };

/** Everything one build writes, in memory. */
export interface BuildFiles {
  manifest: Manifest;
  documents: ParsedDocument[];
  chunks: StoredChunk[];
  lexical: object;
  embedder?: object;
  accents: object;
  /** Thesaurus relations mined from the corpus' own definitions. */
  definitions?: object;
  /** Writes the vector index into the given file. */
  writeVectors: (file: string) => Promise<void>;
}

const CURRENT = 'CURRENT';

/** The folder of the build that `CURRENT` points to, or undefined when there is none. */
export async function currentBuildDir(root: string): Promise<string | undefined> {
  try {
    const name = (await readFile(path.join(root, CURRENT), 'utf8')).trim();
    const dir = path.join(root, 'builds', name);
    return existsSync(path.join(dir, 'manifest.json')) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes a complete build into a fresh folder, then atomically repoints `CURRENT` at it (write to a
 * temp file, rename). A crash at any point leaves the previous build served and intact. Callers
 * hold the folder's ingest lock (`withIngestLock`), which is what makes pruning other temp folders safe.
 */
export async function commitBuild(root: string, files: BuildFiles): Promise<string> {
  const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`;
  const builds = path.join(root, 'builds');
  const tmpDir = path.join(builds, `.tmp-${name}`);
  await mkdir(tmpDir, { recursive: true });
  await writeFile(path.join(tmpDir, 'documents.json'), JSON.stringify(files.documents));
  await writeFile(path.join(tmpDir, 'chunks.json'), JSON.stringify(files.chunks));
  await writeFile(path.join(tmpDir, 'lexical.json'), JSON.stringify(files.lexical));
  await writeFile(path.join(tmpDir, 'accents.json'), JSON.stringify(files.accents));
  if (files.embedder) await writeFile(path.join(tmpDir, 'embedder.json'), JSON.stringify(files.embedder));
  if (files.definitions) await writeFile(path.join(tmpDir, 'definitions.json'), JSON.stringify(files.definitions));
  await files.writeVectors(path.join(tmpDir, 'vectors.hnsw'));
  // The manifest goes last: a build folder without one is incomplete by definition.
  await writeFile(path.join(tmpDir, 'manifest.json'), JSON.stringify(files.manifest, null, 1));
  const finalDir = path.join(builds, name);
  await rename(tmpDir, finalDir);
  const tmpPointer = path.join(root, `${CURRENT}.tmp-${process.pid}`);
  await writeFile(tmpPointer, name);
  await rename(tmpPointer, path.join(root, CURRENT));
  await pruneBuilds(root, name);
  return finalDir;
}

/**
 * Removes older builds and temp folders, keeping the current one and its predecessor. Under the
 * ingest lock no other ingest is writing, so every other temp folder was abandoned by a killed run.
 */
async function pruneBuilds(root: string, keep: string): Promise<void> {
  const builds = path.join(root, 'builds');
  const names = (await readdir(builds)).sort();
  const finished = names.filter((n) => !n.startsWith('.tmp-') && n !== keep);
  const stale = [...names.filter((n) => n.startsWith('.tmp-') && !n.endsWith(`-${process.pid}`)), ...finished.slice(0, -1)];
  await Promise.all(stale.map((n) => rm(path.join(builds, n), { recursive: true, force: true })));
}

/** Reads one JSON file of a build; a missing or damaged file is reported by its path. */
export async function readJson<T>(dir: string, file: string): Promise<T> {
  const full = path.join(dir, file);
  try {
    return JSON.parse(await readFile(full, 'utf8')) as T;
  } catch (e) {
    throw new IndexFileError(full, e);
  }
}

/** An index build file that cannot be read or parsed; `file` names it for the operator. */
export class IndexFileError extends Error {
  override readonly name = 'IndexFileError';
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    super(`index file ${file} is unreadable: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}
