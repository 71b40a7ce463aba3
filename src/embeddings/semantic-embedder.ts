import type { SemanticModel } from './semantic-model.js';
import { TermTableEmbedder } from './term-table-embedder.js';

/** LangChain `Embeddings` over the trained semantic model (`npm run train-semantic`). */
export class SemanticEmbedder extends TermTableEmbedder<SemanticModel> {
  /** Content hash of the model: the index manifest records it, so a new model re-embeds the corpus. */
  get version(): string {
    return this.model.version;
  }
}
