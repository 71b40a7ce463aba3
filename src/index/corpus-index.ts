import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Embeddings } from '@langchain/core/embeddings';
import { semanticEmbedderFor } from '../embeddings/load-semantic-embedder.js';
import { AmendmentGraph } from '../amendments/amendment-graph.js';
import type { ThesaurusRelation } from '../text/thesaurus.js';
import { LsaEmbedder } from '../embeddings/lsa-embedder.js';
import { AccentRestorer, type AccentStats } from '../text/accent-restorer.js';
import type { Chunk } from '../types/chunk.js';
import type { ParsedDocument } from '../types/legal-document.js';
import { currentBuildDir, IndexFileError, readJson, type Manifest, type StoredChunk } from './index-store.js';
import { LexicalIndex, type SerializedLexical } from './lexical-index.js';
import { MemoryRetrievalCorpus } from './memory-retrieval-corpus.js';
import type { CatalogEntry, ServedIndex } from './served-index.js';
import { VectorIndex } from './vector-index.js';
import { passedYear } from '../retrieval/law-name-resolver.js';

export type IndexedChunk = Chunk & { label: number };

/** One loaded index build: documents, chunks, lexical and vector indexes, shared by all requests. */
export class CorpusIndex implements ServedIndex {
  readonly documents: Map<string, ParsedDocument>;
  readonly chunkByLabel: Map<number, number>;
  /** Chunk positions of each document, in document order. */
  readonly chunksByDocument: Map<string, number[]>;
  private retrievalCorpus?: MemoryRetrievalCorpus;
  private catalogEntries?: CatalogEntry[];
  private amendments?: AmendmentGraph;

  constructor(
    readonly dir: string,
    readonly manifest: Manifest,
    documents: ParsedDocument[],
    readonly chunks: IndexedChunk[],
    readonly lexical: LexicalIndex,
    readonly vectors: VectorIndex,
    readonly embedder: Embeddings,
    readonly restorer: AccentRestorer,
    /** Thesaurus relations mined from this corpus' "Giải thích từ ngữ" articles. */
    readonly definitions: readonly ThesaurusRelation[] = [],
  ) {
    this.documents = new Map(documents.map((d) => [d.meta.id, d]));
    this.chunkByLabel = new Map(chunks.map((c, i) => [c.label, i]));
    this.chunksByDocument = new Map();
    chunks.forEach((c, i) => {
      const list = this.chunksByDocument.get(c.documentId);
      if (list) list.push(i);
      else this.chunksByDocument.set(c.documentId, [i]);
    });
  }

  get buildId(): string {
    return path.basename(this.dir);
  }

  get retrieval(): MemoryRetrievalCorpus {
    return (this.retrievalCorpus ??= new MemoryRetrievalCorpus(this));
  }

  catalog(): readonly CatalogEntry[] {
    return (this.catalogEntries ??= [...this.documents.values()].map((d) => {
      const year = d.meta.kind === 'judgment' ? undefined : passedYear(d.text);
      return { meta: d.meta, articles: d.articles.length, ...(year ? { passedYear: year } : {}) };
    }));
  }

  async document(id: string): Promise<ParsedDocument | undefined> {
    return this.documents.get(id);
  }

  amendmentGraph(): AmendmentGraph {
    return (this.amendments ??= AmendmentGraph.build(this.documents.values()));
  }

  async caseCorpus(): Promise<CorpusIndex> {
    return this;
  }

  /** Loads the current build; `embedder` must be given for a transformers build (LSA and semantic builds name their model). */
  static async load(indexDir: string, embedder?: Embeddings): Promise<CorpusIndex> {
    const dir = await currentBuildDir(indexDir);
    if (!dir) throw new Error(`no index found in ${indexDir}; run \`npm run ingest\` first`);
    return CorpusIndex.loadBuild(dir, embedder);
  }

  /** Loads one build folder (`INDEX_DIR/builds/NAME`); a damaged file is named in the error. */
  static async loadBuild(dir: string, embedder?: Embeddings): Promise<CorpusIndex> {
    const manifest = await readJson<Manifest>(dir, 'manifest.json');
    const docs = await readJson<ParsedDocument[]>(dir, 'documents.json');
    const byId = new Map(docs.map((d) => [d.meta.id, d]));
    const stored = await readJson<StoredChunk[]>(dir, 'chunks.json');
    const chunks: IndexedChunk[] = stored.map(({ textHash: _h, ...c }) => ({ ...c, text: byId.get(c.documentId)!.text.slice(c.start, c.end) }));
    const lexical = LexicalIndex.fromJSON(await readJson<SerializedLexical>(dir, 'lexical.json'));
    const vectors = await VectorIndex.load(`${dir}/vectors.hnsw`, manifest.embedder.dim).catch((e: unknown) => {
      throw new IndexFileError(`${dir}/vectors.hnsw`, e);
    });
    const e = manifest.embedder;
    const emb =
      embedder ??
      (e.kind === 'lsa' ? LsaEmbedder.fromJSON(await readJson(dir, 'embedder.json')) : e.kind === 'semantic' && e.modelDir ? await semanticEmbedderFor(e.modelDir, e.modelVersion) : undefined);
    if (!emb) throw new Error(`index in ${dir} was built with the ${manifest.embedder.kind} embedder; configure it to query this index`);
    const restorer = new AccentRestorer(await readJson<AccentStats>(dir, 'accents.json'));
    const definitions = existsSync(path.join(dir, 'definitions.json')) ? await readJson<ThesaurusRelation[]>(dir, 'definitions.json') : [];
    return new CorpusIndex(dir, manifest, docs, chunks, lexical, vectors, emb, restorer, definitions);
  }
}
