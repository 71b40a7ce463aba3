import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { Embeddings } from '@langchain/core/embeddings';
import { LsaEmbedder, trainLsa, type LsaOptions } from '../embeddings/lsa-embedder.js';
import { withIngestLock } from '../index/ingest-lock.js';
import { commitBuild, currentBuildDir, readJson, STORE_VERSION, type FileRecord, type Manifest, type SkippedFile, type StoredChunk } from '../index/index-store.js';
import { LexicalIndex } from '../index/lexical-index.js';
import { VectorIndex } from '../index/vector-index.js';
import { buildAccentStats } from '../text/accent-restorer.js';
import type { Chunk } from '../types/chunk.js';
import type { ParsedDocument } from '../types/legal-document.js';
import { documentExpansion } from '../retrieval/thesaurus-expander.js';
import type { Thesaurus } from '../text/thesaurus.js';
import { chunkDocument } from './chunk-document.js';
import { mineDefinitions } from './mine-definitions.js';
import { discoverFiles, documentIdFor, sidecarPathFor } from './discover-files.js';
import { LoadError } from './load-error.js';
import { loadFileText } from './load-file.js';
import { parseDocument } from './parse-document.js';
import { readSidecar } from './sidecar.js';
import { mergeRegistry } from '../registry/merge-registry.js';
import type { Registry } from '../registry/load-registry.js';

export type IngestPhase = 'scan' | 'parse' | 'train' | 'embed' | 'index' | 'write';

export interface IngestOptions {
  corpusDir: string;
  indexDir: string;
  /** Embedder for new chunks; when omitted, the corpus-trained LSA embedder is used (and trained if needed). */
  embedder?: Embeddings & { dimension?: number };
  embedderKind?: Manifest['embedder']['kind'];
  modelDir?: string;
  /** Content hash of the semantic model (`modelDir` is its folder): a build made with another version is re-embedded. */
  modelVersion?: string;
  lsa?: Partial<LsaOptions>;
  /** Retrain LSA when this share of chunks changed since it was trained. */
  retrainRatio?: number;
  /** Reviewed document registry merged over each document's own header (`corpus/registry/documents.jsonl`). */
  registry?: Registry;
  /** Force a full rebuild. */
  full?: boolean;
  /**
   * The lay ↔ legal thesaurus: chunks get an expansion field of the everyday phrasings of their
   * legal terms, its phrases teach the accent restorer, and definitions are mined beside it.
   */
  thesaurus?: Thesaurus;
  onProgress?: (phase: IngestPhase, done: number, total: number) => void;
  onLog?: (message: string) => void;
  /** Per-file limits; a file over one is skipped with a report line (its previous version kept). */
  limits?: Partial<IngestLimits>;
}

export interface IngestLimits {
  /** Largest file read, in bytes. */
  maxFileBytes: number;
  /** Most chunks one file may make. */
  maxChunksPerFile: number;
}

/**
 * The largest corpus file is 0.74 MB (Bộ luật hình sự, ~1,000 chunks) and the largest Pháp điển
 * page 3.9 MB; these limits leave room for both and stop a 50 MB dump of junk lines.
 */
export const DEFAULT_INGEST_LIMITS: IngestLimits = { maxFileBytes: 16 * 1024 * 1024, maxChunksPerFile: 10_000 };

export interface IngestReport {
  unchanged: boolean;
  documents: number;
  articles: number;
  chunks: number;
  added: string[];
  changed: string[];
  removed: string[];
  skipped: SkippedFile[];
  /** Files indexed as unverified (no legal structure, number or sidecar). */
  unverified: string[];
  embedded: number;
  retrained: boolean;
  buildDir?: string;
  ms: number;
}

interface Previous {
  dir: string;
  manifest: Manifest;
  documents: Map<string, ParsedDocument>;
  chunks: StoredChunk[];
}

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const thesaurusFingerprint = (t: Thesaurus) => sha256(t.all().map((r) => `${r.from}\t${r.to}\t${r.kind}`).join('\n')).slice(0, 16);
const embedText = (c: { heading: string; text: string }) => `${c.heading}\n${c.text}`;

async function loadPrevious(indexDir: string): Promise<Previous | undefined> {
  const dir = await currentBuildDir(indexDir);
  if (!dir) return undefined;
  const manifest = await readJson<Manifest>(dir, 'manifest.json');
  if (manifest.version !== STORE_VERSION) return undefined;
  const docs = await readJson<ParsedDocument[]>(dir, 'documents.json');
  return { dir, manifest, documents: new Map(docs.map((d) => [d.meta.id, d])), chunks: await readJson<StoredChunk[]>(dir, 'chunks.json') };
}

/**
 * Ingests a corpus folder into a new index build. Unchanged files are recognised by size and mtime
 * (then by hash) and cost nothing; only new or changed chunks are embedded; a file that fails to
 * load is reported and, if it was indexed before, its previous version is kept.
 */
export function ingestCorpus(opts: IngestOptions): Promise<IngestReport> {
  // One ingest at a time per index folder, across processes: see withIngestLock.
  return withIngestLock(opts.indexDir, () => ingestLocked(opts));
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function ingestLocked(opts: IngestOptions): Promise<IngestReport> {
  const t0 = performance.now();
  const log = opts.onLog ?? (() => undefined);
  const progress = opts.onProgress ?? (() => undefined);
  const kind = opts.embedderKind ?? 'lsa';
  const prev = opts.full ? undefined : await loadPrevious(opts.indexDir);
  const prevCompatible =
    prev &&
    prev.manifest.embedder.kind === kind &&
    (kind !== 'transformers' || prev.manifest.embedder.modelDir === opts.modelDir) &&
    (kind !== 'semantic' || prev.manifest.embedder.modelVersion === opts.modelVersion);
  const prevFiles = new Map((prevCompatible ? prev.manifest.files : []).map((f) => [f.relPath, f]));

  const { files, unsupported } = await discoverFiles(opts.corpusDir);
  const skipped: SkippedFile[] = unsupported.map((u) => ({ file: u.relPath, reason: 'unsupported file type' }));
  const records: FileRecord[] = [];
  const docs: ParsedDocument[] = [];
  const added: string[] = [];
  const changed: string[] = [];
  const fresh = new Set<string>();
  const freshChunks = new Map<string, Chunk[]>();
  const limits = { ...DEFAULT_INGEST_LIMITS, ...opts.limits };

  for (let i = 0; i < files.length; i++) {
    const f = files[i]!;
    progress('parse', i, files.length);
    const st = await stat(f.absPath);
    const side = await readSidecar(sidecarPathFor(f.absPath));
    const sidecarHash = side.raw !== undefined ? sha256(side.raw) : undefined;
    const registryHash = opts.registry?.hashes.get(documentIdFor(f.relPath));
    const old = prevFiles.get(f.relPath);
    const oldDoc = old && prev?.documents.get(old.documentId);
    const sameSides = old?.sidecarHash === sidecarHash && old?.registryHash === registryHash;
    if (old && oldDoc && old.size === st.size && old.mtimeMs === st.mtimeMs && sameSides) {
      records.push(old);
      docs.push(oldDoc);
      continue;
    }
    try {
      if (st.size > limits.maxFileBytes) throw new LoadError(f.relPath, `file is ${mb(st.size)}, over the ${mb(limits.maxFileBytes)} per-file limit (INGEST_MAX_FILE_BYTES)`);
      const bytes = await readFile(f.absPath);
      const hash = sha256(bytes);
      const record: FileRecord = { relPath: f.relPath, documentId: documentIdFor(f.relPath), hash, size: st.size, mtimeMs: st.mtimeMs, ...(sidecarHash ? { sidecarHash } : {}), ...(registryHash ? { registryHash } : {}) };
      if (old && oldDoc && old.hash === hash && sameSides) {
        records.push(record);
        docs.push(oldDoc);
        continue;
      }
      if (side.error) skipped.push({ file: `${f.relPath} (sidecar)`, reason: side.error });
      const rawText = await loadFileText(f.absPath, f.relPath, bytes);
      const doc = parseDocument({ relPath: f.relPath, rawText, contentHash: hash, ...(side.sidecar ? { sidecar: side.sidecar } : {}) });
      const merged = mergeRegistry(doc.meta, opts.registry?.records.get(doc.meta.id));
      doc.meta = merged.meta;
      for (const c of merged.conflicts) log(`registry: ${c}`);
      const docChunks = chunkDocument(doc);
      if (docChunks.length > limits.maxChunksPerFile) throw new LoadError(f.relPath, `file makes ${docChunks.length} chunks, over the ${limits.maxChunksPerFile} per-file limit (INGEST_MAX_CHUNKS_PER_FILE)`);
      if (doc.meta.unverified) log(`${f.relPath}: no legal structure, number or sidecar; indexed as unverified`);
      freshChunks.set(doc.meta.id, docChunks);
      records.push(record);
      docs.push(doc);
      fresh.add(doc.meta.id);
      (old ? changed : added).push(f.relPath);
    } catch (e) {
      const reason = e instanceof LoadError ? e.reason : e instanceof Error ? e.message : String(e);
      if (old && oldDoc) {
        skipped.push({ file: f.relPath, reason: `${reason}; keeping the previously indexed version` });
        records.push(old);
        docs.push(oldDoc);
      } else skipped.push({ file: f.relPath, reason });
    }
  }
  progress('parse', files.length, files.length);
  const ids = new Set(docs.map((d) => d.meta.id));
  for (const id of opts.registry?.records.keys() ?? []) if (!ids.has(id)) log(`registry: record ${id} matches no document in the corpus`);
  const seen = new Set(records.map((r) => r.relPath));
  const removed = [...prevFiles.keys()].filter((p) => !seen.has(p));

  const articles = docs.reduce((n, d) => n + d.articles.length, 0);
  const unverified = docs.filter((d) => d.meta.unverified).map((d) => d.meta.sourcePath);
  const thesaurusPrint = opts.thesaurus ? thesaurusFingerprint(opts.thesaurus) : undefined;
  // An edited thesaurus changes the expansion field and the accent model, though no file changed.
  if (prevCompatible && prev && added.length === 0 && changed.length === 0 && removed.length === 0 && prev.manifest.thesaurus === thesaurusPrint) {
    const m = prev.manifest;
    return { unchanged: true, documents: m.counts.documents, articles: m.counts.articles, chunks: m.counts.chunks, added, changed, removed, skipped, unverified, embedded: 0, retrained: false, buildDir: prev.dir, ms: performance.now() - t0 };
  }

  // Chunks: reuse stored ones for untouched documents, re-chunk the fresh ones.
  const prevByDoc = new Map<string, StoredChunk[]>();
  for (const c of prevCompatible ? prev!.chunks : []) (prevByDoc.get(c.documentId) ?? prevByDoc.set(c.documentId, []).get(c.documentId)!).push(c);
  const prevByKey = new Map((prevCompatible ? prev!.chunks : []).map((c) => [`${c.id}|${c.textHash}`, c]));
  const chunks: (Chunk & { label: number; textHash: string })[] = [];
  const toEmbed: number[] = [];
  let nextLabel = prevCompatible ? prev!.manifest.nextLabel : 0;
  for (const d of docs) {
    const stored = !fresh.has(d.meta.id) ? prevByDoc.get(d.meta.id) : undefined;
    if (stored) {
      for (const c of stored) chunks.push({ ...c, text: d.text.slice(c.start, c.end) });
      continue;
    }
    for (const c of freshChunks.get(d.meta.id) ?? chunkDocument(d)) {
      const textHash = sha256(embedText(c)).slice(0, 16);
      const reuse = prevByKey.get(`${c.id}|${textHash}`);
      if (reuse) chunks.push({ ...c, label: reuse.label, textHash });
      else {
        toEmbed.push(chunks.length);
        chunks.push({ ...c, label: nextLabel++, textHash });
      }
    }
  }
  const liveLabels = new Set(chunks.map((c) => c.label));
  const staleLabels = (prevCompatible ? prev!.chunks : []).map((c) => c.label).filter((l) => !liveLabels.has(l));

  // Embedder: LSA is trained on the corpus; it is kept across incremental runs until enough changed.
  let embedder = opts.embedder;
  let retrained = false;
  let trainedOn = prev?.manifest.embedder.trainedOnChunks;
  if (!embedder && kind === 'lsa') {
    const ratio = (toEmbed.length + staleLabels.length) / Math.max(chunks.length, 1);
    if (prevCompatible && prev && ratio < (opts.retrainRatio ?? 0.3)) {
      embedder = LsaEmbedder.fromJSON(await readJson(prev.dir, 'embedder.json'));
    } else {
      log(`training LSA embedder on ${chunks.length} chunks`);
      progress('train', 0, 1);
      embedder = new LsaEmbedder(trainLsa(chunks.map(embedText), opts.lsa));
      progress('train', 1, 1);
      retrained = true;
      trainedOn = chunks.length;
    }
  }
  if (!embedder) throw new Error('an embedder is required for this embedder kind');

  // Vectors: a retrained model invalidates every vector; otherwise patch the previous index.
  let vectors: VectorIndex;
  let embedIdx = toEmbed;
  if (retrained || !prevCompatible || !prev) {
    embedIdx = chunks.map((_, i) => i);
    vectors = undefined as unknown as VectorIndex;
  } else {
    vectors = await VectorIndex.load(`${prev.dir}/vectors.hnsw`, prev.manifest.embedder.dim);
    for (const l of staleLabels) vectors.remove(l);
  }
  const batch = 64;
  for (let i = 0; i < embedIdx.length; i += batch) {
    progress('embed', i, embedIdx.length);
    const ids = embedIdx.slice(i, i + batch);
    const vecs = await embedder.embedDocuments(ids.map((j) => embedText(chunks[j]!)));
    vectors ??= VectorIndex.create(vecs[0]!.length, chunks.length);
    ids.forEach((j, k) => vectors.add(chunks[j]!.label, vecs[k]!));
  }
  progress('embed', embedIdx.length, embedIdx.length);
  vectors ??= VectorIndex.create(embedder.dimension ?? 1, 16);

  progress('index', 0, 1);
  const thesaurus = opts.thesaurus;
  const lexical = LexicalIndex.build(thesaurus ? chunks.map((c) => ({ text: c.text, heading: c.heading, expansion: documentExpansion(thesaurus, c.text) })) : chunks);
  // Unverified files teach neither diacritics restoration nor definitions: planted text must not steer them.
  const legalTexts = docs.filter((d) => d.meta.kind !== 'judgment' && !d.meta.unverified);
  // Everyday phrases (`nợ lương`, `sổ đỏ`) are rare in statutes: counted twice so `no luong` restores to them.
  const everyday = thesaurus ? [...new Set(thesaurus.all().map((r) => r.from))].join('.\n') : '';
  const accents = buildAccentStats([...legalTexts.map((d) => d.text), everyday, everyday]);
  const definitions = thesaurus ? mineDefinitions(legalTexts) : undefined;
  progress('index', 1, 1);

  const manifest: Manifest = {
    version: STORE_VERSION,
    createdAt: new Date().toISOString(),
    buildMs: 0,
    embedder: { kind, dim: vectors.dim, ...(opts.modelDir ? { modelDir: opts.modelDir } : {}), ...(opts.modelVersion ? { modelVersion: opts.modelVersion } : {}), ...(trainedOn ? { trainedOnChunks: trainedOn } : {}) },
    files: records,
    skipped,
    counts: { documents: docs.length, articles, chunks: chunks.length },
    nextLabel,
    ...(thesaurusPrint ? { thesaurus: thesaurusPrint } : {}),
  };
  progress('write', 0, 1);
  manifest.buildMs = Math.round(performance.now() - t0);
  const storedChunks: StoredChunk[] = chunks.map(({ text: _t, ...rest }) => rest);
  const buildDir = await commitBuild(opts.indexDir, {
    manifest,
    documents: docs,
    chunks: storedChunks,
    lexical: lexical.toJSON(),
    ...(embedder instanceof LsaEmbedder ? { embedder: embedder.toJSON() } : {}),
    accents,
    ...(definitions ? { definitions } : {}),
    writeVectors: (file) => vectors.save(file),
  });
  progress('write', 1, 1);
  return { unchanged: false, documents: docs.length, articles, chunks: chunks.length, added, changed, removed, skipped, unverified, embedded: embedIdx.length, retrained, buildDir, ms: performance.now() - t0 };
}
