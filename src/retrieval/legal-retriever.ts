import type { CallbackManagerForRetrieverRun } from '@langchain/core/callbacks/manager';
import { Document } from '@langchain/core/documents';
import { BaseRetriever, type BaseRetrieverInput } from '@langchain/core/retrievers';
import { hitLabel } from './hit-label.js';
import type { HybridRetriever } from './hybrid-retriever.js';
import type { SearchFilters } from './search-filters.js';

/** What each returned `Document` carries besides its text: enough to cite it and to quote its exact span. */
export interface LegalDocumentMetadata {
  /** `laws/luat-vien-chuc#d37k2`. */
  chunkId: string;
  documentId: string;
  kind: string;
  title: string;
  number: string | null;
  article: string | null;
  clause: string | null;
  clauseEnd: string | null;
  /** `Luật Viên chức › Chương IV › Điều 37`. */
  path: string[];
  /** The citation label: `Khoản 2 Điều 37 Luật Viên chức`, or a briefing's title and date. */
  label: string;
  /** Character offsets of `pageContent` in the document's normalised text (`GET /v1/documents/:id`). */
  start: number;
  end: number;
  /** ISO date of a dated source (a briefing's meeting). */
  date: string | null;
  rank: number;
  score: number;
  /** Share of the question's weighted words the passage holds (1 for a passage the question named). */
  confidence: number;
}

export interface LegalRetrieverInput extends BaseRetrieverInput {
  /** The service's hybrid retriever, or a getter for the current one (a server swaps it when it re-indexes). */
  retriever: HybridRetriever | (() => HybridRetriever);
  /** Passages returned (default 5). */
  k?: number;
  filters?: SearchFilters;
}

/**
 * The hybrid legal search as a LangChain retriever, for people composing their own chains (LCEL):
 * `retriever.invoke(question)` returns `Document`s whose metadata has the legal path, the citation
 * label and the offsets of the text in its source. Unaccented questions work as accented ones.
 */
export class LegalRetriever extends BaseRetriever<LegalDocumentMetadata> {
  static override lc_name(): string {
    return 'LegalRetriever';
  }

  override lc_namespace = ['tro_ly_phap_ly', 'retrievers'];
  private readonly source: LegalRetrieverInput['retriever'];
  private readonly k: number;
  private readonly filters: SearchFilters | undefined;

  constructor(fields: LegalRetrieverInput) {
    super(fields);
    this.source = fields.retriever;
    this.k = fields.k ?? 5;
    this.filters = fields.filters;
  }

  override async _getRelevantDocuments(query: string, _runManager?: CallbackManagerForRetrieverRun): Promise<Document<LegalDocumentMetadata>[]> {
    const retriever = typeof this.source === 'function' ? this.source() : this.source;
    const { hits } = await retriever.search(query, this.k, this.filters);
    return hits.map((h, i) => {
      const c = h.chunk;
      return new Document<LegalDocumentMetadata>({
        id: c.id,
        pageContent: c.text,
        metadata: {
          chunkId: c.id, documentId: c.documentId, kind: h.document.kind, title: h.document.title, number: h.document.number ?? null,
          article: c.article ?? null, clause: c.clause ?? null, clauseEnd: c.clauseEnd ?? null, path: c.path, label: hitLabel(h),
          start: c.start, end: c.end, date: c.date ?? null, rank: i + 1, score: h.score, confidence: retriever.confidence(h),
        },
      });
    });
  }
}
