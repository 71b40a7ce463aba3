import type { AnswerGenerator } from '../answer/answer-generator.js';
import type { AnswerPolicy } from '../answer/answer-decision.js';
import type { ChatService, CaseAdvisor } from '../answer/chat-service.js';
import type { QuestionRewriter } from '../answer/question-rewriter.js';
import { LawVersionCheck, VersionCheckedChatService } from '../answer/version-warning.js';
import type { CorpusIndex } from '../index/corpus-index.js';
import { createRetriever, type RetrievalResources } from '../retrieval/create-retriever.js';
import type { HybridRetriever } from '../retrieval/hybrid-retriever.js';

/** What a request works with; swapped whole when a new index is loaded. */
export interface ServingState {
  index: CorpusIndex;
  retriever: HybridRetriever;
  chat: ChatService;
  loadedAt: string;
}

export interface StateFactoryOptions {
  /** Fill retrieval caches in the background after each (re)load: for serving, not for tests. */
  warmUp?: boolean;
  generator: AnswerGenerator;
  resources: RetrievalResources;
  /** The answer/suggest/refuse decision. */
  policy: AnswerPolicy;
  /** Rewrites everyday questions into legal terms before retrieval (an LLM, when configured). */
  rewriter?: QuestionRewriter;
  /** Builds the chat's advisor for judges' fact patterns over each loaded index. */
  caseAdvisor?: (index: CorpusIndex, retriever: HybridRetriever) => CaseAdvisor;
}

/** Holds the serving state; an ingest builds a new index and swaps it in without a restart. */
export class AppState {
  private state: ServingState;

  constructor(
    index: CorpusIndex,
    private readonly opts: StateFactoryOptions,
  ) {
    this.state = this.build(index);
  }

  get current(): ServingState {
    return this.state;
  }

  swap(index: CorpusIndex): void {
    this.state = this.build(index);
  }

  private build(index: CorpusIndex): ServingState {
    const retriever = createRetriever(index, this.opts.resources);
    if (this.opts.warmUp) void retriever.warmUp();
    const caseAdvisor = this.opts.caseAdvisor?.(index, retriever);
    const options = { retriever, generator: this.opts.generator, policy: this.opts.policy, ...(caseAdvisor ? { caseAdvisor } : {}), ...(this.opts.rewriter ? { rewriter: this.opts.rewriter } : {}) };
    return { index, retriever, chat: new VersionCheckedChatService(options, new LawVersionCheck(index)), loadedAt: new Date().toISOString() };
  }
}
