import type { AnswerGenerator, Passage } from '../../answer/answer-generator.js';
import type { ChatService } from '../../answer/chat-service.js';
import { AppState } from '../../http/app-state.js';
import type { CorpusIndex } from '../../index/corpus-index.js';
import type { HybridRetriever } from '../../retrieval/hybrid-retriever.js';
import { lawMentionFinder } from '../../retrieval/law-mention-finder.js';
import type { SearchFilters } from '../../retrieval/search-filters.js';
import { loadRerankerWeights } from '../../service.js';
import { citedArticles, citedEvidence } from '../answer-scoring.js';
import type { EvalQuestion } from '../eval-question.js';
import type { EvalSystem, SystemOutput } from '../eval-system.js';
import { chunkArticles, rankArticles } from './ranked-hit.js';

/**
 * The service itself, wired as the server wires it (AppState: learned reranker weights, law-name
 * and reference resolution, the chat service's refusal rule), with the given generator. Latency is the chat turn; the ranking scored comes from a
 * deeper search (40 chunks) than the chat turn needs, so that ten distinct articles are listed.
 */
export class FullSystem implements EvalSystem {
  readonly name = 'full';
  private readonly retriever: HybridRetriever;
  private readonly chat: ChatService;

  constructor(
    index: CorpusIndex,
    generator: AnswerGenerator,
    private readonly filters?: SearchFilters,
  ) {
    const state = new AppState(index, { generator, weights: loadRerankerWeights(), lawFinder: lawMentionFinder }).current;
    this.retriever = state.retriever;
    this.chat = state.chat;
  }

  async run(q: EvalQuestion): Promise<SystemOutput> {
    const t0 = performance.now();
    const reply = await this.chat.answer({ messages: [{ role: 'user', content: q.text }], ...(this.filters ? { filters: this.filters } : {}) });
    const latencyMs = performance.now() - t0;
    const search = await this.retriever.search(q.text, 40, this.filters);
    const hits = search.hits.filter((h) => h.chunk.documentId !== q.excludeDocumentId).map((h) => ({ ...h, articles: chunkArticles(h.chunk) }));
    const passages: Passage[] = reply.search.hits.map((h, i) => ({ n: i + 1, chunk: h.chunk, document: h.document, score: h.score }));
    return {
      articles: rankArticles(hits),
      answer: { text: reply.answer, refused: reply.refused, cited: citedArticles(reply), evidence: reply.refused ? '' : citedEvidence(reply, passages) },
      refused: reply.refused,
      latencyMs,
    };
  }
}
