import { Embeddings, type EmbeddingsParams } from '@langchain/core/embeddings';
import { lexicalTerms } from '../text/tokenize.js';
import { projectTerms } from './project-terms.js';
import { termWeights } from './term-weights.js';

/** What a term-table embedder needs of its model: vocabulary with IDF weights and the term → concept table. */
export interface TermTable {
  vocab: string[];
  idf: Float32Array;
  /** vocab.length × dim, row-major. */
  projection: Float32Array;
  dim: number;
}

/**
 * LangChain `Embeddings` over a term table (the corpus LSA, the semantic model): a text's sublinear
 * TF-IDF term weights times the table, L2-normalised. Deterministic and offline; queries and
 * documents share the one encoder.
 */
export class TermTableEmbedder<M extends TermTable> extends Embeddings {
  private readonly index: Map<string, number>;

  constructor(
    readonly model: M,
    params: EmbeddingsParams = {},
  ) {
    super(params);
    this.index = new Map(model.vocab.map((t, i) => [t, i]));
  }

  get dimension(): number {
    return this.model.dim;
  }

  /** Embeds synchronously; the async LangChain methods wrap this. */
  embed(text: string): number[] {
    const { dim, projection, idf } = this.model;
    return Array.from(projectTerms(termWeights(lexicalTerms(text), this.index, idf), projection, dim).vector);
  }

  override async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embed(t));
  }

  override async embedQuery(text: string): Promise<number[]> {
    return this.embed(text);
  }
}
