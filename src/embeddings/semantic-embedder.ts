import { Embeddings, type EmbeddingsParams } from '@langchain/core/embeddings';
import { lexicalTerms } from '../text/tokenize.js';
import { projectTerms } from './project-terms.js';
import type { SemanticModel } from './semantic-model.js';
import { termWeights } from './term-weights.js';

/**
 * LangChain `Embeddings` over the trained semantic model (`npm run train-semantic`): a text's
 * sublinear TF-IDF term weights times the learned term → concept table, L2-normalised. Queries
 * and documents share the one encoder; deterministic and offline.
 */
export class SemanticEmbedder extends Embeddings {
  private readonly index: Map<string, number>;

  constructor(
    readonly model: SemanticModel,
    params: EmbeddingsParams = {},
  ) {
    super(params);
    this.index = new Map(model.vocab.map((t, i) => [t, i]));
  }

  get dimension(): number {
    return this.model.dim;
  }

  /** Content hash of the model: the index manifest records it, so a new model re-embeds the corpus. */
  get version(): string {
    return this.model.version;
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
