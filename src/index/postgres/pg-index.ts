import { mkdtemp, open, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Embeddings } from '@langchain/core/embeddings';
import type pg from 'pg';
import { semanticEmbedderFor } from '../../embeddings/load-semantic-embedder.js';
import { LsaEmbedder } from '../../embeddings/lsa-embedder.js';
import { AccentRestorer, type AccentStats } from '../../text/accent-restorer.js';
import type { AmendmentEdge } from '../../amendments/amendment-edge.js';
import { AmendmentGraph } from '../../amendments/amendment-graph.js';
import { LEGAL_KINDS } from '../../drafts/law-units.js';
import type { ThesaurusRelation } from '../../text/thesaurus.js';
import type { Article, DocumentMeta, ParsedDocument, Section } from '../../types/legal-document.js';
import { CorpusIndex, type IndexedChunk } from '../corpus-index.js';
import type { Manifest } from '../index-store.js';
import { LexicalIndex } from '../lexical-index.js';
import type { CatalogEntry, ServedIndex } from '../served-index.js';
import { VectorIndex } from '../vector-index.js';
import type { Collection } from './build-layout.js';
import type { BuildParams } from './build-params.js';
import { PgRetrievalCorpus, type CatalogDocument, type PgRetrievalOptions } from './pg-retrieval-corpus.js';
import type { BlobName } from './publish-build.js';

/** A row of `search_builds`. */
export interface PublishedBuild {
  id: number;
  schema: string;
  manifest: Manifest;
  params: BuildParams;
}

export interface PgIndexOptions {
  /** The embedder for builds not made with LSA (as for a build folder). */
  embedder?: Embeddings;
  retrieval?: PgRetrievalOptions;
}

/** The newest published build, or undefined when none has been published. */
export async function currentBuild(pool: pg.Pool): Promise<PublishedBuild | undefined> {
  const r = await pool.query<PublishedBuild>('select id, schema, manifest, params from search_builds order by id desc limit 1');
  return r.rows[0];
}

/**
 * A build published to PostgreSQL, as an API node serves it. The node keeps only caches: the
 * document catalog, chunk → document and label maps, the accent model, the query embedder and
 * the hnswlib replica; chunk texts, postings, documents and judgments are read per request, from
 * the replica when one is configured.
 */
export class PgIndex implements ServedIndex {
  readonly retrieval: PgRetrievalCorpus;
  private caseView?: Promise<CorpusIndex>;
  private readonly entries: CatalogEntry[];

  private constructor(
    private readonly pool: pg.Pool,
    readonly build: PublishedBuild,
    cache: PgRetrievalCorpus['cache'],
    readonly definitions: readonly ThesaurusRelation[],
    private readonly amendments: AmendmentGraph,
    options: PgIndexOptions,
  ) {
    this.retrieval = new PgRetrievalCorpus(pool, cache, options.retrieval);
    this.entries = cache.documents.map((d) => ({ meta: d.meta, articles: d.articles, ...(d.passedYear ? { passedYear: d.passedYear } : {}) }));
  }

  /** Loads a build's caches from `pool` (a replica's, when configured). */
  static async load(pool: pg.Pool, build: PublishedBuild, options: PgIndexOptions = {}): Promise<PgIndex> {
    const s = build.schema;
    const docs = await pool.query<{ pos: number; coll: Collection; year: number; meta: DocumentMeta; passed_year: number | null; article_count: number; chunk_from: number; chunk_to: number; topic_pos: number; body_len: number }>(
      `select pos, coll, year, meta, passed_year, article_count, chunk_from, chunk_to, topic_pos, body_len from ${s}.documents order by pos`,
    );
    const documents: CatalogDocument[] = docs.rows.map((r) => ({
      pos: r.pos, meta: r.meta, coll: r.coll, year: r.year, articles: r.article_count, ...(r.passed_year ? { passedYear: r.passed_year } : {}),
      chunkFrom: r.chunk_from, chunkTo: r.chunk_to, topicPos: r.topic_pos, bodyLength: Number(r.body_len),
    }));
    const chunkDocument = new Int32Array(build.params.size).fill(-1);
    const chunkLabel = new Int32Array(build.params.size).fill(-1);
    const labelChunk = new Int32Array(build.params.labels).fill(-1);
    const chunks = await pool.query<{ pos: number; doc_pos: number; label: number }>({ text: `select pos, doc_pos, label from ${s}.chunks`, rowMode: 'array' } as pg.QueryConfig);
    for (const row of chunks.rows as unknown as [number, number, number][]) {
      const [pos, doc, label] = row;
      chunkDocument[pos] = doc;
      chunkLabel[pos] = label;
      if (label < labelChunk.length) labelChunk[label] = pos;
    }
    const blob = (name: BlobName) => readBlob(pool, s, name);
    const accents = await blob('accents');
    if (!accents) throw new Error(`build ${build.id} has no accent model`);
    const restorer = new AccentRestorer(JSON.parse(accents.toString('utf8')) as AccentStats);
    const e = build.manifest.embedder;
    // As for a build folder: LSA travels with the build, a semantic build names its model folder.
    const embedder = options.embedder ?? (e.kind === 'lsa' ? await lsaEmbedder(blob) : e.kind === 'semantic' && e.modelDir ? await semanticEmbedderFor(e.modelDir, e.modelVersion) : undefined);
    if (!embedder) throw new Error(`build ${build.id} was made with the ${build.manifest.embedder.kind} embedder; configure it to query this build`);
    const definitions = await blob('definitions');
    const edges = await blob('amendments');
    const amendments = edges ? new AmendmentGraph(JSON.parse(edges.toString('utf8')) as AmendmentEdge[]) : await parsedAmendments(pool, s);
    const vectors = await loadReplica(pool, s, build.params.dim);
    const cache = { schema: s, params: build.params, documents, chunkDocument, chunkLabel, labelChunk, restorer, embedder, vectors };
    return new PgIndex(pool, build, cache, definitions ? (JSON.parse(definitions.toString('utf8')) as ThesaurusRelation[]) : [], amendments, options);
  }

  get buildId(): string {
    return `postgres:${this.build.id}`;
  }

  get manifest(): Manifest {
    return this.build.manifest;
  }

  catalog(): readonly CatalogEntry[] {
    return this.entries;
  }

  async document(id: string): Promise<ParsedDocument | undefined> {
    const r = await this.pool.query<{ meta: DocumentMeta; text: string; articles: Article[]; sections: Section[] }>({
      name: `${this.build.schema}-document`,
      text: `select meta, text, articles, sections from ${this.build.schema}.documents where id = $1`,
      values: [id],
    });
    const row = r.rows[0];
    return row ? { meta: row.meta, text: row.text, articles: row.articles, sections: row.sections } : undefined;
  }

  amendmentGraph(): AmendmentGraph {
    return this.amendments;
  }

  /**
   * Judge mode parses judgments and averages their passage vectors in the process, as with a
   * build folder, and the draft checker compares drafts with the laws' articles: on first use the
   * documents, the chunks of judgments, precedents and laws and a BM25 index over those chunks are
   * loaded (the vectors are the replica's). Its BM25 statistics are those of these chunks, not of
   * the whole build as with a build folder.
   */
  caseCorpus(): Promise<CorpusIndex> {
    return (this.caseView ??= this.loadCaseView());
  }

  private async loadCaseView(): Promise<CorpusIndex> {
    const s = this.build.schema;
    const docs = await this.pool.query<{ meta: DocumentMeta; text: string; articles: Article[]; sections: Section[] }>(`select meta, text, articles, sections from ${s}.documents order by pos`);
    const documents: ParsedDocument[] = docs.rows.map((r) => ({ meta: r.meta, text: r.text, articles: r.articles, sections: r.sections }));
    const cases = this.retrieval.cache.documents.filter((d) => d.meta.kind === 'judgment' || d.meta.kind === 'precedent' || LEGAL_KINDS.has(d.meta.kind)).map((d) => d.pos);
    const rows = await this.pool.query<{ chunk: Omit<IndexedChunk, 'text'>; text: string }>(`select chunk, text from ${s}.chunks where doc_pos = any($1::int[]) order by pos`, [cases]);
    const chunks: IndexedChunk[] = rows.rows.map((r) => ({ ...r.chunk, text: r.text }));
    const { restorer, embedder, vectors } = this.retrieval.cache;
    return new CorpusIndex(this.buildId, this.manifest, documents, chunks, LexicalIndex.build(chunks), vectors, embedder, restorer, this.definitions);
  }
}

/** The amendment graph of a build published before its edges were stored: parsed from its documents. */
async function parsedAmendments(pool: pg.Pool, schema: string): Promise<AmendmentGraph> {
  const docs = await pool.query<{ meta: DocumentMeta; text: string; articles: Article[]; sections: Section[] }>(`select meta, text, articles, sections from ${schema}.documents order by pos`);
  return AmendmentGraph.build(docs.rows.map((r) => ({ meta: r.meta, text: r.text, articles: r.articles, sections: r.sections })));
}

/** The build's LSA embedder: its binary blob, or the JSON one of a build published before there was one. */
async function lsaEmbedder(blob: (name: BlobName) => Promise<Buffer | undefined>): Promise<LsaEmbedder | undefined> {
  const binary = await blob('lsa');
  if (binary) return LsaEmbedder.fromBinary(binary);
  const json = await blob('embedder');
  return json ? LsaEmbedder.fromJSON(JSON.parse(json.toString('utf8'))) : undefined;
}

/** Visits a blob's rows in order, one at a time (a whole graph in one result would cost its size twice over, as hex and as bytes). */
async function eachBlobRow(pool: pg.Pool, schema: string, name: BlobName, visit: (data: Buffer) => Promise<void> | void): Promise<boolean> {
  const rows = (await pool.query<{ n: number }>(`select count(*)::int as n from ${schema}.blobs where name = $1`, [name])).rows[0]!.n;
  for (let seq = 0; seq < rows; seq++) await visit((await pool.query<{ data: Buffer }>(`select data from ${schema}.blobs where name = $1 and seq = $2`, [name, seq])).rows[0]!.data);
  return rows > 0;
}

async function readBlob(pool: pg.Pool, schema: string, name: BlobName): Promise<Buffer | undefined> {
  const parts: Buffer[] = [];
  return (await eachBlobRow(pool, schema, name, (d) => void parts.push(d))) ? Buffer.concat(parts) : undefined;
}

/** The hnswlib replica: hnswlib reads its graph from a file, so the stored graph goes through a temporary one. */
async function loadReplica(pool: pg.Pool, schema: string, dim: number): Promise<VectorIndex> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'hnsw-'));
  try {
    const file = path.join(dir, 'vectors.hnsw');
    const out = await open(file, 'w');
    let found: boolean;
    try {
      found = await eachBlobRow(pool, schema, 'hnsw', async (d) => void (await out.write(d)));
    } finally {
      await out.close();
    }
    // Features read a few vectors per candidate; a small cache will do when chunks are fetched per query anyway.
    return found ? await VectorIndex.load(file, dim, 2_000) : VectorIndex.create(dim, 16);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
