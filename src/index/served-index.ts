import type { AmendmentGraph } from '../amendments/amendment-graph.js';
import type { ThesaurusRelation } from '../text/thesaurus.js';
import type { DocumentMeta, ParsedDocument } from '../types/legal-document.js';
import type { CorpusIndex } from './corpus-index.js';
import type { Manifest } from './index-store.js';
import type { RetrievalCorpus } from './retrieval-corpus.js';

/** A document as the catalog lists it. */
export interface CatalogEntry {
  meta: DocumentMeta;
  /** Number of articles. */
  articles: number;
  /** Laws and codes: the year of the closing `… thông qua ngày … năm …` formula, when present. */
  passedYear?: number;
}

/**
 * The index build a server serves, whichever backend holds it: a build folder loaded into the
 * process (`CorpusIndex`) or a build published to PostgreSQL (`PgIndex`), which keeps only small
 * caches in the process and reads the rest per request.
 */
export interface ServedIndex {
  /** Names the build: its folder, or `postgres:<id>`. */
  readonly buildId: string;
  readonly manifest: Manifest;
  /** Thesaurus relations mined from this corpus' "Giải thích từ ngữ" articles. */
  readonly definitions: readonly ThesaurusRelation[];
  /** What the retriever reads. */
  readonly retrieval: RetrievalCorpus;
  /** Every document, in build order. */
  catalog(): readonly CatalogEntry[];
  /** A whole document (text, articles, sections). */
  document(id: string): Promise<ParsedDocument | undefined>;
  /** Which corpus text amends which (citations' amendment notes, `/v1/documents/:id/amendments`). */
  amendmentGraph(): AmendmentGraph;
  /**
   * The build as the judgments' and drafts' code works on it (judge mode, similar cases, the draft
   * checker): every document, and the chunks of judgments, precedents and laws with a BM25 index
   * over them; loaded on first use.
   */
  caseCorpus(): Promise<CorpusIndex>;
}
