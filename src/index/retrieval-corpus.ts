import type { Embeddings } from '@langchain/core/embeddings';
import type { AccentRestorer } from '../text/accent-restorer.js';
import type { DocumentMeta, SourceKind } from '../types/legal-document.js';
import type { IndexedChunk } from './corpus-index.js';
import type { LexicalParams } from './lexical-index.js';

/**
 * What the hybrid retriever reads from an index build: lexical scores, dense neighbours, chunks
 * and document metadata. Two adapters implement it: a build loaded into this process
 * (`MemoryRetrievalCorpus`) and a build published to PostgreSQL (`PgRetrievalCorpus`). Features
 * and reranking stay in the retriever, so both backends rank with the same code.
 *
 * Chunks are named by their position in the build (`pos`), the same in both backends.
 */
export interface RetrievalCorpus {
  /** Chunks in the build (the N of IDF). */
  readonly size: number;
  readonly lexicalParams: LexicalParams;
  readonly restorer: AccentRestorer;
  readonly embedder: Embeddings;
  /** Metadata of every document, in build order. */
  documents(): Iterable<DocumentMeta>;
  document(id: string): DocumentMeta | undefined;
  /** Body-field document frequency of each term the build knows; unknown terms are absent. */
  documentFrequencies(terms: Iterable<string>): Promise<ReadonlyMap<string, number>>;
  /** The `k` chunks with the highest combined BM25 among those `allow` lets through. */
  lexical(query: LexicalQuery, k: number, allow?: DocumentFilter): Promise<LexicalSearch>;
  /** The `k` nearest chunks to a query vector (cosine), best first. */
  dense(vector: number[], k: number, allow?: DocumentFilter): Promise<{ pos: number; score: number }[]>;
  /** A chunk's stored, normalised vector (undefined when it has none). */
  vector(pos: number): ArrayLike<number> | undefined;
  /** Chunks of the given documents that belong to one of the given articles (lower-case numbers). */
  articleChunks(documentIds: readonly string[], articles: readonly string[], allow?: DocumentFilter): Promise<number[]>;
  /** Chunks with their clause spans, by position. */
  chunks(positions: readonly number[]): Promise<Map<number, CandidateChunk>>;
  /** Per-document counts of query terms in the body field, for the law-topic language model. */
  documentTermCounts(terms: ReadonlyMap<string, number>): Promise<TermDocumentCounts>;
  /** A chunk already in this process, for cache warming; backends that fetch chunks on demand omit it. */
  chunkAt?(pos: number): CandidateChunk | undefined;
}

/** Which documents a search may return; `kinds`, when given, lists every kind it can let through. */
export type DocumentFilter = ((meta: DocumentMeta) => boolean) & { readonly kinds?: readonly SourceKind[] };

/** A question as the lexical scorer sees it. */
export interface LexicalQuery {
  /** The words typed (legal references removed). */
  text: string;
  /** Thesaurus targets and rewrites; their terms not typed count at `expansionWeight`. */
  extraText: string;
  expansionWeight: number;
  /** Weight of the chunks' expansion field (the heading's is the index's `headingWeight`). */
  expansionFieldWeight: number;
}

/** Each field's BM25 for one set of query terms, unweighted. */
export interface FieldScores {
  body: number;
  heading: number;
  expansion: number;
}

/** A chunk's BM25 for the typed terms and, apart, for the thesaurus terms that were not typed. */
export interface LexicalScores {
  typed: FieldScores;
  extra: FieldScores;
}

/** The outcome of one lexical search; scores are known for `top` and for positions passed to `include`. */
export interface LexicalSearch {
  /** Chunk positions, best combined BM25 first. */
  readonly top: number[];
  /** Combined BM25: typed fields plus `expansionWeight` × thesaurus fields. */
  score(pos: number): number;
  fields(pos: number): LexicalScores;
  /** Makes the scores of other candidates (dense, referenced) available. */
  include(positions: readonly number[]): Promise<void>;
}

/** A candidate chunk and the clause spans inside it (offsets relative to its text). */
export interface CandidateChunk {
  chunk: IndexedChunk;
  clauses: { start: number; end: number }[];
}

/** Body-field term counts by document for the documents the topic model compares (all but judgments). */
export interface TermDocumentCounts {
  documentIds: string[];
  /** Body length of each document (sum over its chunks). */
  lengths: ArrayLike<number>;
  /** Known query terms in the order given: weight, collection frequency (all chunks), count per document. */
  terms: { weight: number; cf: number; counts: ArrayLike<number> }[];
}
