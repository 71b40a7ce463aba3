import type { AnswerPolicy } from '../../answer/answer-decision.js';
import type { AnswerGenerator, Passage } from '../../answer/answer-generator.js';
import { AppState, type ServingState } from '../../http/app-state.js';
import type { CorpusIndex } from '../../index/corpus-index.js';
import type { RetrievalResources } from '../../retrieval/create-retriever.js';
import type { SearchFilters } from '../../retrieval/search-filters.js';
import { citedArticles, citedEvidence } from '../answer-scoring.js';
import type { EvalQuestion } from '../eval-question.js';
import type { EvalSystem, SystemOutput } from '../eval-system.js';
import { chunkArticles, rankArticles } from './ranked-hit.js';

/** The learned and curated parts a chat state is built with. */
export interface ServiceModels {
  resources: RetrievalResources;
  policy: AnswerPolicy;
}

/**
 * The service itself, wired as the server wires it (AppState: reranker weights, law names and
 * missing laws, thesaurus, the answer/suggest/refuse policy), with the given generator. The models
 * may differ per question: cross-validation scores each question with the models of the fold that
 * did not see it. Latency is the chat turn; the ranking scored comes from a deeper search (40
 * chunks) than the chat turn needs, so that ten distinct articles are listed.
 */
export class FullSystem implements EvalSystem {
  private readonly states = new Map<ServiceModels, ServingState>();

  constructor(
    readonly name: string,
    private readonly index: CorpusIndex,
    private readonly generator: AnswerGenerator,
    private readonly modelsFor: (q: EvalQuestion) => ServiceModels,
    private readonly filters?: SearchFilters,
  ) {}

  private stateFor(q: EvalQuestion): ServingState {
    const models = this.modelsFor(q);
    let state = this.states.get(models);
    if (!state) this.states.set(models, (state = new AppState(this.index, { generator: this.generator, ...models }).current));
    return state;
  }

  async run(q: EvalQuestion): Promise<SystemOutput> {
    const { chat, retriever } = this.stateFor(q);
    const t0 = performance.now();
    const reply = await chat.answer({ messages: [{ role: 'user', content: q.text }], ...(this.filters ? { filters: this.filters } : {}) });
    const latencyMs = performance.now() - t0;
    const search = await retriever.search(q.text, 40, this.filters);
    const hits = search.hits.filter((h) => h.chunk.documentId !== q.excludeDocumentId).map((h) => ({ ...h, articles: chunkArticles(h.chunk) }));
    const passages: Passage[] = reply.search.hits.map((h, i) => ({ n: i + 1, chunk: h.chunk, document: h.document, score: h.score }));
    return {
      articles: rankArticles(hits),
      answer: { text: reply.answer, refused: reply.refused, cited: citedArticles(reply), evidence: reply.outcome === 'answer' ? citedEvidence(reply, passages) : '' },
      refused: reply.refused,
      outcome: reply.outcome,
      suggested: reply.suggestions.map((s) => ({ documentId: s.documentId, article: s.article })),
      latencyMs,
    };
  }
}
